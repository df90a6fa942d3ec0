import { useMutation } from '@tanstack/react-query';
import {
  App,
  Button,
  Flex,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SECTION_QUESTIONS } from '../../../../shared/api/papers.js';
import type { BankQuestion } from '../../../../shared/api/question-bank.js';
import { useErrorMessage } from '../../../api/errors.js';
import { BankFilters, type BankFilterValues } from '../question-bank/BankFilters.js';
import { useBankQuestions } from '../question-bank/useQuestionBank.js';
import { stemExcerpt } from './SectionQuestionsTable.js';
import { fetchAllMatching } from './usePapers.js';

interface BankPickerModalProps {
  /** 1-based number of the section the questions join. */
  sectionNumber: number;
  /** Questions the section holds already (the 200 limit counts them). */
  sectionSize: number;
  /** Bank questions on the paper → the 1-based number of their section: they cannot be added. */
  onPaper: ReadonlyMap<string, number>;
  onAdd: (questions: BankQuestion[]) => void;
  onClose: () => void;
}

/** The bank, searched by type, tag, difficulty and text: pick some, or take all that match. */
export function BankPickerModal(props: BankPickerModalProps) {
  const { sectionNumber, sectionSize, onPaper, onAdd, onClose } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const [filters, setFilters] = useState<BankFilterValues>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [picked, setPicked] = useState<ReadonlyMap<string, BankQuestion>>(new Map());
  const list = useBankQuestions({ ...filters, ...paging });
  const total = list.data?.total ?? 0;
  const room = MAX_SECTION_QUESTIONS - sectionSize;
  const addAll = useMutation({
    mutationFn: () => fetchAllMatching(filters, room + onPaper.size),
    onSuccess: (questions) => onAdd(questions),
    onError: (error) => void message.error(describe(error)),
  });
  const setFilter = (changes: BankFilterValues) => {
    setFilters((current) => ({ ...current, ...changes }));
    setPaging((current) => ({ ...current, page: 1 }));
  };

  const columns: TableColumnsType<BankQuestion> = [
    {
      title: t('questionBank.key'),
      key: 'key',
      width: 90,
      render: (_v, q) => q.externalKey ?? '—',
    },
    {
      title: t('questionBank.type'),
      key: 'type',
      width: 90,
      render: (_v, q) => t(`questionBank.types.${q.type}`),
    },
    {
      title: t('questionBank.stem'),
      key: 'stem',
      render: (_v, q) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{stemExcerpt(q.content.stem, 80)}</Typography.Text>
          {q.passageTitle ? (
            <Typography.Text type="secondary">
              {t('paperEditor.passageOf', { title: q.passageTitle })}
            </Typography.Text>
          ) : null}
          <span>
            {q.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </span>
        </Space>
      ),
    },
    { title: t('questionBank.points'), dataIndex: 'defaultPoints', width: 60 },
    {
      title: t('questionBank.difficulty'),
      key: 'difficulty',
      width: 60,
      render: (_v, q) => q.difficulty ?? '—',
    },
    {
      title: t('paperEditor.onPaperColumn'),
      key: 'onPaper',
      width: 130,
      render: (_v, q) => {
        const section = onPaper.get(q.id);
        return section === undefined ? null : (
          <Typography.Text type="secondary">
            {t('paperEditor.alreadyOnPaper', { section })}
          </Typography.Text>
        );
      },
    },
  ];

  return (
    <Modal
      open
      width={1000}
      title={t('paperEditor.pickTitle', { number: sectionNumber })}
      onCancel={onClose}
      footer={
        <Flex justify="space-between" align="center" gap={8} wrap>
          <span role="status">{t('paperEditor.pickedCount', { count: picked.size })}</span>
          <Space wrap>
            <Button onClick={onClose}>{t('paperEditor.cancel')}</Button>
            <Button
              loading={addAll.isPending}
              disabled={total === 0}
              onClick={() => addAll.mutate()}
            >
              {t('paperEditor.addAllMatching', { count: total })}
            </Button>
            <Button
              type="primary"
              disabled={picked.size === 0}
              onClick={() => onAdd([...picked.values()])}
            >
              {t('paperEditor.addPicked', { count: picked.size })}
            </Button>
          </Space>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <BankFilters value={filters} tags={list.data?.tags ?? []} onChange={setFilter} />
        <Table<BankQuestion>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('paperEditor.bankEmpty') }}
          rowSelection={{
            preserveSelectedRowKeys: true,
            selectedRowKeys: [...picked.keys()],
            getCheckboxProps: (q) => ({
              disabled: onPaper.has(q.id),
              'aria-label': t('paperEditor.pickOf', { stem: stemExcerpt(q.content.stem, 40) }),
            }),
            onChange: (keys) => {
              // Picks of other pages are kept: the rows antd passes may lack them.
              const shown = list.data?.items ?? [];
              const next = new Map<string, BankQuestion>();
              for (const key of keys) {
                const row = shown.find((q) => q.id === key) ?? picked.get(String(key));
                if (row) next.set(row.id, row);
              }
              setPicked(next);
            },
          }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total,
            showTotal: (count) => t('questionBank.total', { count }),
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
        />
      </Flex>
    </Modal>
  );
}
