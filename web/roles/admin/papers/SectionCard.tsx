import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Typography,
} from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hasUnequalPoints, sectionPoints, type DraftSection } from './paper-draft.js';
import { SectionQuestionsTable } from './SectionQuestionsTable.js';

interface SectionCardProps {
  section: DraftSection;
  /** 1-based position on the paper. */
  number: number;
  isFirst: boolean;
  isLast: boolean;
  onChange: (section: DraftSection) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  /** Opens the bank to add questions to this section. */
  onPick: () => void;
}

/** One section (大题): its title, instructions, shuffles, 随机抽题 and its questions. */
export function SectionCard(props: SectionCardProps) {
  const { section, number, isFirst, isLast, onChange, onMove, onRemove, onPick } = props;
  const { t } = useTranslation();
  const id = useId();
  const pool = section.questions.length;
  const isDrawOn = section.drawCount !== null;
  const update = (changes: Partial<DraftSection>) => onChange({ ...section, ...changes });
  const firstPoints = section.questions[0]?.points ?? 0;
  const heading = t('paperEditor.sectionHeading', {
    number,
    title: section.title || t('paperEditor.untitled'),
  });

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {heading}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          <Typography.Text type="secondary">
            {t('paperEditor.sectionPoints', { points: sectionPoints(section) })}
          </Typography.Text>
          <Button
            size="small"
            icon={<ArrowUpOutlined aria-hidden />}
            aria-label={t('paperEditor.moveSectionUp', { number })}
            disabled={isFirst}
            onClick={() => onMove(-1)}
          />
          <Button
            size="small"
            icon={<ArrowDownOutlined aria-hidden />}
            aria-label={t('paperEditor.moveSectionDown', { number })}
            disabled={isLast}
            onClick={() => onMove(1)}
          />
          <Popconfirm
            title={t('paperEditor.removeSectionConfirm', { number })}
            description={t('paperEditor.removeSectionHint', { count: pool })}
            onConfirm={onRemove}
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('paperEditor.removeSection', { number })}
            />
          </Popconfirm>
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={12} wrap>
          <Flex vertical gap={4} style={{ flex: '1 1 280px' }}>
            <label htmlFor={`${id}-title`}>{t('paperEditor.sectionTitle', { number })}</label>
            <Input
              id={`${id}-title`}
              value={section.title}
              maxLength={200}
              onChange={(event) => update({ title: event.target.value })}
            />
          </Flex>
          <Flex vertical gap={4} style={{ flex: '2 1 360px' }}>
            <label htmlFor={`${id}-instructions`}>
              {t('paperEditor.instructions', { number })}
            </label>
            <Input.TextArea
              id={`${id}-instructions`}
              value={section.instructions}
              maxLength={4000}
              autoSize={{ minRows: 1, maxRows: 6 }}
              onChange={(event) => update({ instructions: event.target.value })}
            />
          </Flex>
        </Flex>
        <Flex gap={16} wrap align="center">
          <Checkbox
            checked={section.shuffleQuestions}
            onChange={(event) => update({ shuffleQuestions: event.target.checked })}
          >
            {t('paperEditor.shuffleQuestions')}
          </Checkbox>
          <Checkbox
            checked={section.shuffleOptions}
            onChange={(event) => update({ shuffleOptions: event.target.checked })}
          >
            {t('paperEditor.shuffleOptions')}
          </Checkbox>
          <Checkbox
            checked={isDrawOn}
            onChange={(event) =>
              update({ drawCount: event.target.checked ? Math.max(pool, 1) : null })
            }
          >
            {t('paperEditor.drawToggle')}
          </Checkbox>
          {isDrawOn ? (
            <Flex gap={8} align="center" wrap>
              <label htmlFor={`${id}-draw`}>{t('paperEditor.drawBefore')}</label>
              <InputNumber
                id={`${id}-draw`}
                aria-describedby={`${id}-draw-pool`}
                min={1}
                max={Math.max(pool, 1)}
                precision={0}
                value={section.drawCount}
                style={{ width: 80 }}
                onChange={(count) => {
                  if (count !== null) update({ drawCount: count });
                }}
              />
              <span id={`${id}-draw-pool`}>{t('paperEditor.drawAfter', { pool })}</span>
            </Flex>
          ) : null}
        </Flex>
        {isDrawOn && hasUnequalPoints(section) ? (
          <Alert
            type="warning"
            showIcon
            title={t('paperEditor.drawUnequal')}
            action={
              <Button
                size="small"
                onClick={() =>
                  update({
                    questions: section.questions.map((q) => ({ ...q, points: firstPoints })),
                  })
                }
              >
                {t('paperEditor.equalise', { points: firstPoints })}
              </Button>
            }
          />
        ) : null}
        <SectionQuestionsTable
          sectionNumber={number}
          questions={section.questions}
          onChange={(questions) => update({ questions })}
        />
        <div>
          <Button icon={<PlusOutlined aria-hidden />} onClick={onPick}>
            {t('paperEditor.addFromBank', { number })}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
