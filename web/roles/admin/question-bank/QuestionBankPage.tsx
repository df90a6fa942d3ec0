import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankQuestion } from '../../../../shared/api/question-bank.js';
import { QUESTION_EXPORT_PATH } from '../../../../shared/api/question-import.js';
import { LoadError } from '../../../ui/LoadError.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { BankFilters, type BankFilterValues } from './BankFilters.js';
import { PassagesCard } from './PassagesCard.js';
import { QuestionFormModal } from './QuestionFormModal.js';
import { QuestionImportCard } from './QuestionImportCard.js';
import { QuestionsTable } from './QuestionsTable.js';
import { useBankQuestions } from './useQuestionBank.js';

type Editing = { kind: 'new' } | { kind: 'edit'; question: BankQuestion };

/** The export link with the filters shown, so 导出 gives what the table lists. */
function exportHref(filters: BankFilterValues): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `${QUESTION_EXPORT_PATH}?${text}` : QUESTION_EXPORT_PATH;
}

/** `/admin/question-bank`: the school's (or college's) questions, their editor, import and export. */
export function QuestionBankPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('questionBank.title'));
  const [filters, setFilters] = useState<BankFilterValues>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = useBankQuestions({ ...filters, ...paging });
  const setFilter = (changes: BankFilterValues) => {
    setFilters((current) => ({ ...current, ...changes }));
    setPaging((current) => ({ ...current, page: 1 }));
  };

  if (list.isError && !list.data) {
    return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  }

  return (
    <Flex vertical gap={24}>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {t('questionBank.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('questionBank.intro')}</Typography.Text>
        </div>
        <Space wrap>
          <Button icon={<DownloadOutlined aria-hidden />} href={exportHref(filters)} download>
            {t('questionBank.export')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing({ kind: 'new' })}
          >
            {t('questionBank.create')}
          </Button>
        </Space>
      </Flex>
      <Card>
        <Flex vertical gap={16}>
          <BankFilters value={filters} tags={list.data?.tags ?? []} onChange={setFilter} />
          <QuestionsTable
            items={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            page={paging.page}
            pageSize={paging.pageSize}
            isLoading={list.isPending}
            onPage={(page, pageSize) => setPaging({ page, pageSize })}
            onEdit={(question) => setEditing({ kind: 'edit', question })}
          />
        </Flex>
      </Card>
      <PassagesCard />
      <QuestionImportCard />
      {editing && (
        <QuestionFormModal
          key={editing.kind === 'edit' ? editing.question.id : 'new'}
          question={editing.kind === 'edit' ? editing.question : null}
          knownTags={list.data?.tags ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}
