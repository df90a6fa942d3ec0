import { Alert, Button, Flex } from 'antd';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../ui/LoadError.js';
import { PageSpinner } from '../../../ui/PageSpinner.js';
import type { AnswerStorage } from '../written-exam/answer-queue.js';
import { AnsweringView } from '../written-exam/AnsweringView.js';
import { useAttemptLock } from '../written-exam/useAttemptLock.js';
import { MockResult } from './MockResult.js';
import { mockSaveSender, useMockAttempt, useSubmitMock } from './useMockExam.js';

interface MockAttemptScreenProps {
  registrationId: string;
  attemptId: string;
  /** Where unacknowledged answers wait (IndexedDB in the browser; tests pass their own). */
  storage: AnswerStorage;
  onBack: () => void;
}

/**
 * One mock attempt: the written exam's answering view while it is in progress (its countdown
 * from the mock's own deadline, 交卷 at any time, the same autosave), its result once in.
 */
export function MockAttemptScreen({
  registrationId,
  attemptId,
  storage,
  onBack,
}: MockAttemptScreenProps) {
  const { t } = useTranslation();
  const query = useMockAttempt(registrationId, attemptId);
  const submit = useSubmitMock(registrationId, attemptId);
  const { mutateAsync } = submit;
  const { refetch } = query;
  const refetchAttempt = useCallback(
    () => refetch().then((result) => result.data?.detail.attempt),
    [refetch],
  );
  const mock = useMemo(
    () => ({ send: mockSaveSender(registrationId, attemptId), submit: () => mutateAsync() }),
    [registrationId, attemptId, mutateAsync],
  );
  const snapshot = query.data;

  if (query.error && !snapshot) {
    return (
      <Flex vertical gap={12}>
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
        <BackLink onBack={onBack} />
      </Flex>
    );
  }
  if (!snapshot) return <PageSpinner />;
  const { detail } = snapshot;
  if (detail.result)
    return <MockResult detail={{ ...detail, result: detail.result }} onBack={onBack} />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Alert type="info" showIcon title={t('candidateMockExam.practice')} style={{ flex: 1 }} />
        <BackLink onBack={onBack} />
      </Flex>
      <OneTab attemptId={attemptId}>
        <AnsweringView
          key={attemptId}
          registrationId={registrationId}
          attempt={detail.attempt}
          offsetMs={snapshot.offsetMs}
          storage={storage}
          refetch={refetchAttempt}
          mock={mock}
        />
      </OneTab>
    </Flex>
  );
}

function BackLink({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <Button type="link" onClick={onBack}>
      {t('candidateMockExam.back')}
    </Button>
  );
}

/** The attempt in one tab of this browser at a time, as the formal one (useAttemptLock). */
function OneTab({ attemptId, children }: { attemptId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const lock = useAttemptLock(attemptId);
  if (lock === 'held') return children;
  if (lock === 'waiting') return <PageSpinner />;
  return <Alert type="warning" showIcon role="alert" title={t('candidateWrittenExam.otherTab')} />;
}
