import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { deleteBankQuestion, type BankQuestion } from '../../../../shared/api/question-bank.js';
import type { QuestionContent } from '../../../../shared/questions/question-schema.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { optionLetter } from './question-form.js';
import { questionBankKeys } from './useQuestionBank.js';
import { RichText } from '../../../rich-text/RichText.js';

interface QuestionsTableProps {
  items: BankQuestion[];
  total: number;
  page: number;
  pageSize: number;
  isLoading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (question: BankQuestion) => void;
}

const shortStem = (stem: string) => (stem.length > 30 ? `${stem.slice(0, 30)}…` : stem);

/** The answer key in a few characters: B, ACD, 对, since | ten. */
function useAnswerText() {
  const { t } = useTranslation();
  return (content: QuestionContent): string => {
    switch (content.type) {
      case 'single_choice':
        return optionLetter(content.options.findIndex((option) => option.id === content.correct));
      case 'multiple_choice':
        return content.options
          .flatMap((option, index) =>
            content.correct.includes(option.id) ? [optionLetter(index)] : [],
          )
          .join('');
      case 'true_false':
        return t(content.correct ? 'questionBank.trueWord' : 'questionBank.falseWord');
      case 'fill_blank':
        return content.blanks.map((blank) => blank.accepted.join(' / ')).join(' | ');
      case 'essay':
      case 'file':
        return '—';
    }
  };
}

/** The bank's questions, a page at a time, with 编辑 and 删除 per row. */
export function QuestionsTable(props: QuestionsTableProps) {
  const { items, total, page, pageSize, isLoading, onPage, onEdit } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const answerText = useAnswerText();
  const remove = useMutation({
    mutationFn: (id: string) => callApi(deleteBankQuestion, { params: { questionId: id } }),
    onSuccess: async () => {
      void message.success(t('questionBank.deleted'));
      await queryClient.invalidateQueries({ queryKey: questionBankKeys.all });
    },
    onError: (error) => void message.error(describe(error)),
  });

  const columns: TableColumnsType<BankQuestion> = [
    {
      title: t('questionBank.key'),
      dataIndex: 'externalKey',
      width: 110,
      render: (key: string | null) => key ?? '—',
    },
    {
      title: t('questionBank.type'),
      dataIndex: 'type',
      width: 100,
      render: (_v, row) => t(`questionBank.types.${row.type}`),
    },
    {
      title: t('questionBank.stem'),
      key: 'stem',
      render: (_v, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>
            <RichText text={row.content.stem} />
          </Typography.Text>
          {row.passageTitle && (
            <Typography.Text type="secondary">
              {t('questionBank.passage')}：{row.passageTitle}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('questionBank.answer'),
      key: 'answer',
      width: 120,
      render: (_v, row) => answerText(row.content),
    },
    { title: t('questionBank.points'), dataIndex: 'defaultPoints', width: 70 },
    {
      title: t('questionBank.difficulty'),
      dataIndex: 'difficulty',
      width: 80,
      render: (level: number | null) => level ?? '—',
    },
    {
      title: t('questionBank.tags'),
      key: 'tags',
      width: 160,
      render: (_v, row) => row.tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
    },
    {
      title: t('questionBank.actions'),
      key: 'actions',
      width: 140,
      render: (_v, row) => (
        <Space>
          <Button
            size="small"
            aria-label={t('questionBank.editOf', { stem: shortStem(row.content.stem) })}
            onClick={() => onEdit(row)}
          >
            {t('questionBank.edit')}
          </Button>
          <Popconfirm
            title={t('questionBank.deleteConfirm')}
            description={t('questionBank.deleteHint')}
            onConfirm={() => remove.mutate(row.id)}
          >
            <Button
              size="small"
              danger
              aria-label={t('questionBank.deleteOf', { stem: shortStem(row.content.stem) })}
            >
              {t('questionBank.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Table<BankQuestion>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={isLoading}
      locale={{ emptyText: t('questionBank.empty') }}
      pagination={{
        current: page,
        pageSize,
        total,
        showTotal: (count) => t('questionBank.total', { count }),
        onChange: onPage,
      }}
    />
  );
}
