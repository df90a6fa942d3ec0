import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { getSessionScores } from '../../../../shared/api/scoring.js';
import { callApi } from '../../../api/client.js';
import { RoleShell } from '../../../layout/RoleShell.js';
import { LoadError } from '../../../ui/LoadError.js';
import { PageHeading } from '../../../ui/PageHeading.js';
import { PageSpinner } from '../../../ui/PageSpinner.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { CandidateScoreForm } from './CandidateScoreForm.js';
import { ChairScoresPanel } from './ChairScoresPanel.js';

/**
 * `/examiner/sessions/:sessionId/scores`: the session's candidates with one's own score form each;
 * the chair also sees every examiner's score and confirms (确认成绩).
 */
export function SessionScoresPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const queryKey = ['examiner', 'session-scores', sessionId];
  const page = useQuery({
    queryKey,
    queryFn: () => callApi(getSessionScores, { params: { sessionId } }),
  });
  const data = page.data;
  useDocumentTitle(
    data ? t('staffScoring.titleOf', { name: data.sessionName }) : t('staffScoring.title'),
  );

  if (!data) {
    return (
      <RoleShell>
        {page.isError ? (
          <LoadError error={page.error} onRetry={() => void page.refetch()} />
        ) : (
          <PageSpinner />
        )}
      </RoleShell>
    );
  }
  const { form } = data;
  type Row = (typeof data.items)[number];

  return (
    <RoleShell>
      <Flex vertical gap={16}>
        <PageHeading
          back={{ to: '/examiner', label: t('staffScoring.back') }}
          title={t('staffScoring.titleOf', { name: data.sessionName })}
          subtitle={data.examName}
        />
        {!form ? (
          <Card>{t('staffScoring.noForm')}</Card>
        ) : (
          <Table<Row>
            rowKey="registrationId"
            dataSource={data.items}
            pagination={false}
            locale={{ emptyText: t('staffScoring.noCandidates') }}
            expandable={{
              expandedRowRender: (row) => (
                <Flex gap={32} wrap>
                  <div style={{ minWidth: 320 }}>
                    {row.interview === 'not_started' ? (
                      <Typography.Text type="secondary">
                        {t('staffScoring.notInterviewed')}
                      </Typography.Text>
                    ) : (
                      <CandidateScoreForm
                        registrationId={row.registrationId}
                        candidateName={row.candidateName}
                        form={form}
                        myScore={row.myScore}
                        isConfirmed={row.confirmation !== null}
                        queryKey={queryKey}
                      />
                    )}
                  </div>
                  {data.isChair && (
                    <div style={{ minWidth: 320 }}>
                      <ChairScoresPanel registrationId={row.registrationId} pageKey={queryKey} />
                    </div>
                  )}
                </Flex>
              ),
            }}
            columns={[
              { title: t('staffScoring.admissionNumber'), dataIndex: 'admissionNumber' },
              { title: t('staffScoring.candidateName'), dataIndex: 'candidateName' },
              {
                title: t('staffScoring.interviewColumn'),
                key: 'interview',
                render: (_value, row) => (
                  <Tag color={row.interview === 'in_progress' ? 'processing' : undefined}>
                    {t(`staffScoring.interview.${row.interview}`)}
                  </Tag>
                ),
              },
              {
                title: t('staffScoring.myTotal'),
                key: 'mine',
                render: (_value, row) => row.myScore?.total ?? t('staffScoring.notScored'),
              },
              { title: t('staffScoring.scoreCount'), dataIndex: 'scoreCount' },
              {
                title: t('staffScoring.status'),
                key: 'status',
                render: (_value, row) =>
                  row.confirmation ? (
                    <Tag color="green">
                      {t('staffScoring.confirmed', { aggregate: row.confirmation.aggregate })}
                    </Tag>
                  ) : (
                    <Tag>{t('staffScoring.open')}</Tag>
                  ),
              },
            ]}
          />
        )}
      </Flex>
    </RoleShell>
  );
}
