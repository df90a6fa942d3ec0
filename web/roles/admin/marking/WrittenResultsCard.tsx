import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { buildPath } from '../../../../shared/api/contract.js';
import {
  WRITTEN_RESULTS_XLSX_PATH,
  publishWrittenResults,
  type QuestionStat,
  type WrittenResultRow,
} from '../../../../shared/api/marking.js';
import { callApi } from '../../../api/client.js';
import { FormNotice } from '../../../forms/FormNotice.js';
import { LoadError } from '../../../ui/LoadError.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { markingKeys, useWrittenResults } from './useMarking.js';

const dash = (value: number | null) => (value === null ? '—' : value);

/** 成绩: each candidate's points and pass/fail, the questions' statistics, 导出 and 公布成绩. */
export function WrittenResultsCard({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const results = useWrittenResults(examId);
  const publish = useMutation({
    mutationFn: () => callApi(publishWrittenResults, { params: { examId } }),
    onSuccess: async () => {
      void message.success(t('writtenMarking.publishedToast'));
      await queryClient.invalidateQueries({ queryKey: markingKeys.exam(examId) });
    },
  });

  if (results.isError && !results.data) {
    return <LoadError error={results.error} onRetry={() => void results.refetch()} />;
  }
  const data = results.data;
  const sectionTitles = [
    ...new Set(data?.items.flatMap((item) => item.sections.map((s) => s.title)) ?? []),
  ];
  const status = data?.publishedAt ? (
    <Tag color="green">
      {t('writtenMarking.published', {
        time: time.dateTime(data.publishedAt),
        name: data.publishedByName ?? '',
      })}
    </Tag>
  ) : (
    <Tag>{t('writtenMarking.notPublished')}</Tag>
  );
  const isPublished = Boolean(data?.publishedAt);

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('writtenMarking.resultsTitle')}
        loading={!data}
        extra={
          <Flex gap={8} align="center" wrap aria-live="polite">
            {status}
            {data && !data.isMarkingComplete ? (
              <Tag color="orange">{t('writtenMarking.markingIncomplete')}</Tag>
            ) : null}
            <Button href={buildPath(WRITTEN_RESULTS_XLSX_PATH, { examId })} download>
              {t('writtenMarking.export')}
            </Button>
            <Popconfirm
              title={t('writtenMarking.publishConfirm')}
              onConfirm={() => publish.mutate()}
              disabled={isPublished}
            >
              <Button type="primary" loading={publish.isPending} disabled={isPublished}>
                {t('writtenMarking.publish')}
              </Button>
            </Popconfirm>
          </Flex>
        }
      >
        <FormNotice notice={publish.isError ? { kind: 'error', error: publish.error } : null} />
        {data?.maxTotal !== null && data?.maxTotal !== undefined ? (
          <Typography.Paragraph type="secondary">
            {data.passMark === null
              ? t('writtenMarking.noPassMark', { total: data.maxTotal })
              : t('writtenMarking.passMark', { mark: data.passMark, total: data.maxTotal })}
          </Typography.Paragraph>
        ) : null}
        <Table<WrittenResultRow>
          rowKey="registrationId"
          size="small"
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('writtenMarking.noResults') }}
          columns={[
            { title: t('writtenMarking.admissionNumber'), dataIndex: 'admissionNumber' },
            { title: t('writtenMarking.candidateName'), dataIndex: 'candidateName' },
            { title: t('writtenMarking.session'), dataIndex: 'sessionName' },
            {
              title: t('writtenMarking.state'),
              key: 'state',
              render: (_value, row) => t(`writtenMarking.states.${row.state}`),
            },
            {
              title: t('writtenMarking.objectivePoints'),
              dataIndex: 'objectivePoints',
              render: dash,
            },
            {
              title: t('writtenMarking.subjectivePoints'),
              dataIndex: 'subjectivePoints',
              render: dash,
            },
            ...sectionTitles.map((title) => ({
              title,
              key: `section:${title}`,
              render: (_value: unknown, row: WrittenResultRow) =>
                dash(row.sections.find((section) => section.title === title)?.points ?? null),
            })),
            { title: t('writtenMarking.total'), dataIndex: 'total', render: dash },
            {
              title: t('writtenMarking.passed'),
              dataIndex: 'passed',
              render: (value: boolean | null) =>
                value === null ? (
                  '—'
                ) : value ? (
                  <Tag color="green">{t('writtenMarking.pass')}</Tag>
                ) : (
                  <Tag color="red">{t('writtenMarking.fail')}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Card title={t('writtenMarking.statsTitle')} loading={!data}>
        <Typography.Paragraph type="secondary">
          {t('writtenMarking.statsHint')}
        </Typography.Paragraph>
        <Table<QuestionStat>
          rowKey="paperQuestionId"
          size="small"
          dataSource={data?.questions ?? []}
          pagination={false}
          columns={[
            { title: t('writtenMarking.number'), dataIndex: 'number' },
            {
              title: t('writtenMarking.type'),
              key: 'type',
              render: (_value, row) => t(`writtenMarking.types.${row.type}`),
            },
            { title: t('writtenMarking.maxPoints'), dataIndex: 'points' },
            { title: t('writtenMarking.count'), dataIndex: 'count' },
            { title: t('writtenMarking.mean'), dataIndex: 'mean', render: dash },
            { title: t('writtenMarking.difficulty'), dataIndex: 'difficulty', render: dash },
            {
              title: t('writtenMarking.discrimination'),
              dataIndex: 'discrimination',
              render: dash,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
