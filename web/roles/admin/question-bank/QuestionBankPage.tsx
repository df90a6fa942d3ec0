import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankQuestion } from '../../../../shared/api/question-bank.js';
import { QUESTION_EXPORT_PATH } from '../../../../shared/api/question-import.js';
import { QUESTION_TYPES, type QuestionType } from '../../../../shared/questions/question-schema.js';
import { LoadError } from '../../../ui/LoadError.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { PassagesCard } from './PassagesCard.js';
import { QuestionFormModal } from './QuestionFormModal.js';
import { QuestionImportCard } from './QuestionImportCard.js';
import { QuestionsTable } from './QuestionsTable.js';
import { useBankQuestions } from './useQuestionBank.js';

type Editing = { kind: 'new' } | { kind: 'edit'; question: BankQuestion };
interface Filters {
  type?: QuestionType | undefined;
  tag?: string | undefined;
  difficulty?: number | undefined;
  q?: string | undefined;
}

/** The export link with the filters shown, so 导出 gives what the table lists. */
function exportHref(filters: Filters): string {
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
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = useBankQuestions({ ...filters, ...paging });
  const setFilter = (changes: Filters) => {
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
          <search aria-label={t('questionBank.filters')}>
            <Flex gap={8} wrap>
              <Select<QuestionType>
                allowClear
                aria-label={t('questionBank.type')}
                placeholder={t('questionBank.allTypes')}
                style={{ width: 140 }}
                value={filters.type}
                onChange={(type) => setFilter({ type })}
                options={QUESTION_TYPES.map((value) => ({
                  value,
                  label: t(`questionBank.types.${value}`),
                }))}
              />
              <Select<string>
                allowClear
                showSearch
                aria-label={t('questionBank.tags')}
                placeholder={t('questionBank.anyTag')}
                style={{ width: 160 }}
                value={filters.tag}
                onChange={(tag) => setFilter({ tag })}
                options={(list.data?.tags ?? []).map((tag) => ({ value: tag, label: tag }))}
              />
              <Select<number>
                allowClear
                aria-label={t('questionBank.difficulty')}
                placeholder={t('questionBank.anyDifficulty')}
                style={{ width: 130 }}
                value={filters.difficulty}
                onChange={(difficulty) => setFilter({ difficulty })}
                options={[1, 2, 3, 4, 5].map((level) => ({
                  value: level,
                  label: t('questionBank.difficultyOf', { level }),
                }))}
              />
              <Input.Search
                allowClear
                aria-label={t('questionBank.search')}
                placeholder={t('questionBank.search')}
                style={{ width: 260 }}
                maxLength={100}
                onSearch={(text) => setFilter({ q: text.trim() === '' ? undefined : text.trim() })}
              />
            </Flex>
          </search>
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
