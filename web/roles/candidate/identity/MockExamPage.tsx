import { useMutation } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { enterMockExam } from '../../../../shared/api/info-confirmation.js';
import { ApiError } from '../../../api/ApiError.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { RoleShell } from '../../../layout/RoleShell.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { MockAttemptScreen } from '../mock-exam/MockAttemptScreen.js';
import { MockPaperSection } from '../mock-exam/MockPaperSection.js';
import { ruleItems } from '../ticket/ruleItems.js';
import type { AnswerStorage } from '../written-exam/answer-queue.js';
import { answerStorage } from '../written-exam/answer-storage.js';

interface MockExamPageProps {
  /** Where a mock attempt's unacknowledged answers wait (IndexedDB; tests pass their own). */
  storage?: AnswerStorage;
}

/**
 * `/candidate/registrations/:registrationId/mock`: 【模拟考试】不限次数 (docs/journeys.md J4). Each visit
 * counts one entry on the server, which answers with the count and the exam's rules. A written
 * exam's mock paper is sat here (`?attempt=<id>` while answering or reading a result, so a reload
 * comes back to it).
 */
export function MockExamPage({ storage = answerStorage() }: MockExamPageProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  useDocumentTitle(t('candidateIdentity.title'));
  const { registrationId = '' } = useParams();
  const errorMessage = useErrorMessage();
  const entry = useMutation({
    mutationFn: (id: string) => callApi(enterMockExam, { params: { registrationId: id } }),
  });
  const { mutate } = entry;
  // StrictMode runs effects twice in development; one visit is one entry.
  const enteredFor = useRef<string | null>(null);
  useEffect(() => {
    if (enteredFor.current === registrationId) return;
    enteredFor.current = registrationId;
    mutate(registrationId);
  }, [registrationId, mutate]);

  const [search, setSearch] = useSearchParams();
  const attemptId = search.get('attempt');
  const handleOpen = useCallback((id: string) => setSearch({ attempt: id }), [setSearch]);
  const handleBack = useCallback(() => setSearch({}), [setSearch]);

  const data = entry.data;
  if (attemptId) {
    return (
      <RoleShell>
        <Flex vertical gap={12} style={{ maxWidth: 1200, marginInline: 'auto' }}>
          <MockAttemptScreen
            key={attemptId}
            registrationId={registrationId}
            attemptId={attemptId}
            storage={storage}
            onBack={handleBack}
          />
        </Flex>
      </RoleShell>
    );
  }
  return (
    <RoleShell>
      <Flex vertical gap={16} style={{ maxWidth: 960, marginInline: 'auto' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('candidateIdentity.title')}
        </Typography.Title>
        {entry.isError && isMockClosed(entry.error) ? (
          <>
            {/* Closed for new attempts: the past ones and their results stay readable. */}
            <Alert type="info" showIcon role="status" title={errorMessage(entry.error)} />
            <MockPaperSection registrationId={registrationId} onOpen={handleOpen} />
          </>
        ) : entry.isError ? (
          <Alert type="error" showIcon role="alert" title={errorMessage(entry.error)} />
        ) : !data ? (
          <Flex vertical gap={8}>
            <Typography.Text role="status">{t('candidateIdentity.mock.entering')}</Typography.Text>
            <Skeleton active />
          </Flex>
        ) : (
          <>
            <Card>
              <Flex vertical gap={4}>
                <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
                  {data.examName}
                </Typography.Title>
                <Typography.Text>
                  {data.sessionName} · {time.timeRange(data.startsAt, data.endsAt)}
                </Typography.Text>
                <Typography.Text strong role="status" style={{ fontSize: 18 }}>
                  {t('candidateIdentity.mock.entryCount', { count: data.count })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('candidateIdentity.mock.lastEntered', {
                    time: time.dateTime(data.lastEnteredAt),
                  })}
                </Typography.Text>
              </Flex>
            </Card>
            {data.examKind === 'written' ? (
              <MockPaperSection registrationId={registrationId} onOpen={handleOpen} />
            ) : (
              <section aria-labelledby="mock-contents">
                <Typography.Title level={2} id="mock-contents" style={{ fontSize: 18 }}>
                  {t('candidateIdentity.mock.whatIsHere')}
                </Typography.Title>
                <Alert
                  type="info"
                  showIcon
                  title={t('candidateMockExam.noPaper')}
                  description={t('candidateIdentity.mock.deviceCheck')}
                />
              </section>
            )}
            <section aria-labelledby="mock-rules">
              <Typography.Title level={2} id="mock-rules" style={{ fontSize: 18 }}>
                {t('candidateIdentity.mock.rules')}
              </Typography.Title>
              <Descriptions
                bordered
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  {
                    key: 'kind',
                    label: t('candidateTicket.fields.kind'),
                    children: t(`examKind.${data.examKind}`),
                  },
                  ...ruleItems(data.rules, t),
                ]}
              />
            </section>
            {data.noticeText ? (
              <section aria-labelledby="mock-notice">
                <Typography.Title level={2} id="mock-notice" style={{ fontSize: 18 }}>
                  {t('candidateIdentity.mock.notice')}
                </Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  {data.noticeText}
                </Typography.Paragraph>
              </section>
            ) : null}
          </>
        )}
        <Link to="/candidate">{t('candidateIdentity.mock.back')}</Link>
      </Flex>
    </RoleShell>
  );
}

/** The mock exam closed by the formal start or the session's end: nothing new, the past kept. */
function isMockClosed(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'MOCK_EXAM_CLOSED' || error.code === 'MOCK_EXAM_ENDED')
  );
}
