import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, InputNumber, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { moveItem, type DraftQuestion } from './paper-draft.js';

interface SectionQuestionsTableProps {
  /** 1-based, for the labels (第2大题第3题分值). */
  sectionNumber: number;
  questions: DraftQuestion[];
  onChange: (questions: DraftQuestion[]) => void;
}

/** The stem's start, on one line. */
export const stemExcerpt = (stem: string, length = 60) => {
  const line = stem.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length)}…` : line;
};

/** A section's questions in their order, each with its points, 上移 / 下移 and 移除. */
export function SectionQuestionsTable({
  sectionNumber,
  questions,
  onChange,
}: SectionQuestionsTableProps) {
  const { t } = useTranslation();
  const label = (key: 'pointsOf' | 'moveUpOf' | 'moveDownOf' | 'removeOf', index: number) =>
    t(`paperEditor.${key}`, { section: sectionNumber, number: index + 1 });
  const setPoints = (index: number, points: number) =>
    onChange(questions.map((q, i) => (i === index ? { ...q, points } : q)));

  const columns: TableColumnsType<DraftQuestion> = [
    { title: t('paperEditor.number'), key: 'number', width: 60, render: (_v, _q, i) => i + 1 },
    {
      title: t('questionBank.type'),
      key: 'type',
      width: 90,
      render: (_v, q) => t(`questionBank.types.${q.content.type}`),
    },
    {
      title: t('questionBank.stem'),
      key: 'stem',
      render: (_v, q) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{stemExcerpt(q.content.stem)}</Typography.Text>
          {q.passage ? (
            <Typography.Text type="secondary">
              {t('paperEditor.passageOf', { title: q.passage.title })}
            </Typography.Text>
          ) : null}
          {q.bankQuestionId === null ? (
            <Tag color="error">{t('paperEditor.goneFromBank')}</Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('questionBank.points'),
      key: 'points',
      width: 120,
      render: (_v, q, index) => (
        <InputNumber
          aria-label={label('pointsOf', index)}
          min={0.5}
          max={1000}
          step={0.5}
          value={q.points}
          style={{ width: 96 }}
          onChange={(points) => {
            if (points !== null) setPoints(index, points);
          }}
        />
      ),
    },
    {
      title: t('questionBank.actions'),
      key: 'actions',
      width: 150,
      render: (_v, _q, index) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<ArrowUpOutlined aria-hidden />}
            aria-label={label('moveUpOf', index)}
            disabled={index === 0}
            onClick={() => onChange(moveItem(questions, index, -1))}
          />
          <Button
            size="small"
            icon={<ArrowDownOutlined aria-hidden />}
            aria-label={label('moveDownOf', index)}
            disabled={index === questions.length - 1}
            onClick={() => onChange(moveItem(questions, index, 1))}
          />
          <Button
            size="small"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={label('removeOf', index)}
            onClick={() => onChange(questions.filter((_, i) => i !== index))}
          />
        </Space>
      ),
    },
  ];

  return (
    <Table<DraftQuestion>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={questions}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('paperEditor.sectionEmptyHint') }}
    />
  );
}
