import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { buildPath } from '../../../../shared/api/contract.js';
import {
  EXAM_RESULTS_XLSX_PATH,
  publishResults,
  type ResultRow,
} from '../../../../shared/api/scoring.js';
import { callApi } from '../../../api/client.js';
import { FormNotice } from '../../../forms/FormNotice.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { LoadError } from '../../../ui/LoadError.js';
import { scoringKeys, useExamResults } from './useScoring.js';

/** 成绩: each registration with every examiner's total and the aggregate; 导出 and 公布成绩. */
export function ResultsCard({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const results = useExamResults(examId);
  const publish = useMutation({
    mutationFn: () => callApi(publishResults, { params: { examId } }),
    onSuccess: async () => {
      void message.success(t('adminScoring.publishedToast'));
      await queryClient.invalidateQueries({ queryKey: scoringKeys.exam(examId) });
    },
  });

  if (results.isError && !results.data) {
    return <LoadError error={results.error} onRetry={() => void results.refetch()} />;
  }
  const data = results.data;
  const status = data?.publishedAt ? (
    <Tag color="green">
      {t('adminScoring.published', { time: time.dateTime(data.publishedAt) })}
    </Tag>
  ) : (
    <Tag>{t('adminScoring.notPublished')}</Tag>
  );

  return (
    <Card
      title={t('adminScoring.resultsTitle')}
      loading={!data}
      extra={
        <Flex gap={8} align="center" aria-live="polite">
          {status}
          <Button href={buildPath(EXAM_RESULTS_XLSX_PATH, { examId })} download>
            {t('adminScoring.export')}
          </Button>
          <Popconfirm
            title={t('adminScoring.publishConfirm')}
            onConfirm={() => publish.mutate()}
            disabled={!data?.form || Boolean(data.publishedAt)}
          >
            <Button
              type="primary"
              loading={publish.isPending}
              disabled={!data?.form || Boolean(data.publishedAt)}
            >
              {t('adminScoring.publish')}
            </Button>
          </Popconfirm>
        </Flex>
      }
    >
      <FormNotice notice={publish.isError ? { kind: 'error', error: publish.error } : null} />
      {data && !data.form && (
        <Typography.Paragraph>{t('adminScoring.noForm')}</Typography.Paragraph>
      )}
      <Table<ResultRow>
        rowKey="registrationId"
        size="small"
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('adminScoring.noResults') }}
        columns={[
          { title: t('adminScoring.admissionNumber'), dataIndex: 'admissionNumber' },
          { title: t('adminScoring.candidateName'), dataIndex: 'candidateName' },
          { title: t('adminScoring.session'), dataIndex: 'sessionName' },
          {
            title: t('adminScoring.examinerTotals'),
            key: 'scores',
            render: (_value, row) =>
              row.scores.map((s) => `${s.examinerName} ${String(s.total)}`).join('；'),
          },
          {
            title: t('adminScoring.aggregate'),
            dataIndex: 'aggregate',
            render: (value: number | null) => (value === null ? '—' : value),
          },
          {
            title: t('adminScoring.confirmed'),
            dataIndex: 'isConfirmed',
            render: (value: boolean) =>
              value ? (
                <Tag color="green">{t('adminScoring.confirmed')}</Tag>
              ) : (
                <Tag>{t('adminScoring.notConfirmed')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
