import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Typography } from 'antd';
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getMyCheckIn, type CheckInState } from '../../../../shared/api/check-in.js';
import type { MyAttempt } from '../../../../shared/api/written-exam.js';
import { callApi } from '../../../api/client.js';
import { RoleShell } from '../../../layout/RoleShell.js';
import { ApiError } from '../../../api/ApiError.js';
import { useErrorMessage } from '../../../api/errors.js';
import { LoadError } from '../../../ui/LoadError.js';
import { PageSpinner } from '../../../ui/PageSpinner.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { checkInPath } from '../identity/checkInBlock.js';
import { checkInKey, toSnapshot } from '../check-in/useCheckIn.js';
import type { AnswerStorage } from './answer-queue.js';
import { answerStorage } from './answer-storage.js';
import { AnsweringView } from './AnsweringView.js';
import { ExamNotice } from './ExamNotice.js';
import { OpensCountdown } from './OpensCountdown.js';
import type { EventStorage } from './signals/event-queue.js';
import { eventStorage as browserEventStorage } from './signals/event-storage.js';
import { ExamSignals } from './signals/ExamSignals.js';
import type { CreateEngine } from './signals/useAiMonitor.js';
import { useAttemptLock } from './useAttemptLock.js';
import { useMyAttempt, useStartAttempt } from './useAttempt.js';
import { useSessionValue } from './useSessionValue.js';

/** Where the candidate stands before the paper opens; once an attempt exists it is `attempt`. */
export type ExamStage =
  'loading' | 'no_paper' | 'not_ready' | 'ended' | 'notice' | 'countdown' | 'attempt';

/** The stage from what the server said, and whether the candidate confirmed 考生须知. */
export function stageOf(
  mine: MyAttempt | undefined,
  checkIn: CheckInState | undefined,
  hasReadNotice: boolean,
): ExamStage {
  if (!mine) return 'loading';
  if (mine.attempt) return 'attempt';
  if (!mine.hasPaper) return 'no_paper';
  if (!checkIn) return 'loading';
  if (checkIn.enterBlock === 'ended') return 'ended';
  if (checkIn.enterBlock === 'withdrawn' || checkIn.currentStep !== null) return 'not_ready';
  return hasReadNotice ? 'countdown' : 'notice';
}

interface WrittenExamPageProps {
  /** Where unacknowledged answers wait (IndexedDB in the browser; tests pass their own). */
  storage?: AnswerStorage;
  /** Where the attempt's unsent events wait (IndexedDB, apart from the answers). */
  eventStorage?: EventStorage;
  /** The AI monitor's face engine (the face worker; tests pass their own). */
  createFaceEngine?: CreateEngine;
}

/**
 * `/candidate/registrations/:registrationId/exam`: the written exam (issue 14 §3–§5). 考生须知,
 * the countdown to the start (the paper opens by itself), then the paper; a reload mid-exam
 * goes straight back to it, and a submitted attempt shows 交卷成功.
 */
export function WrittenExamPage({
  storage = answerStorage(),
  eventStorage = browserEventStorage(),
  createFaceEngine,
}: WrittenExamPageProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { registrationId = '' } = useParams();
  const attempt = useMyAttempt(registrationId);
  const mine = attempt.data?.mine;
  const needsCheckIn = mine !== undefined && mine.attempt === null && mine.hasPaper;
  const checkIn = useQuery({
    queryKey: checkInKey(registrationId),
    queryFn: async () => toSnapshot(await callApi(getMyCheckIn, { params: { registrationId } })),
    enabled: needsCheckIn,
  });
  const [hasReadNotice, setHasReadNotice] = useSessionValue<boolean>(
    `invigil-notice-${registrationId}`,
    false,
  );
  const start = useStartAttempt(registrationId);
  const { mutate: startAttempt } = start;
  const handleStart = useCallback(() => startAttempt(), [startAttempt]);
  const { refetch } = attempt;
  const refetchAttempt = useCallback(
    () => refetch().then((result) => result.data?.mine.attempt),
    [refetch],
  );
  useDocumentTitle([
    t('candidateWrittenExam.title'),
    mine?.attempt?.title ?? checkIn.data?.state.examName,
  ]);

  const stage = stageOf(mine, checkIn.data?.state, hasReadNotice);
  const error = attempt.error ?? checkIn.error;
  let content;
  if (error instanceof ApiError && error.code === 'CHECK_IN_NOT_ALLOWED' && stage === 'loading') {
    // Not confirmed (确认参加, 确认信息) or withdrawn: trying again cannot help; say what to do.
    content = <Alert type="warning" showIcon role="alert" title={describe(error)} />;
  } else if (error && stage === 'loading') {
    content = (
      <LoadError
        error={error}
        onRetry={() => void (attempt.error ? attempt.refetch() : checkIn.refetch())}
      />
    );
  } else {
    switch (stage) {
      case 'loading':
        content = <PageSpinner />;
        break;
      case 'no_paper':
        content = <Alert type="warning" showIcon title={t('candidateWrittenExam.noPaper')} />;
        break;
      case 'not_ready':
        content = <Alert type="warning" showIcon title={t('candidateWrittenExam.notReady')} />;
        break;
      case 'ended':
        content = <Alert type="info" showIcon title={t('candidateWrittenExam.ended')} />;
        break;
      case 'notice':
        content = (
          <ExamNotice
            noticeText={checkIn.data?.state.noticeText ?? ''}
            screenShareRequired={mine?.screenShareRequired ?? false}
            copyPasteBlocked={mine?.copyPasteBlocked ?? false}
            aiMonitored={Boolean(mine?.aiMonitor)}
            onConfirm={() => setHasReadNotice(true)}
          />
        );
        break;
      case 'countdown':
        content = (
          <OpensCountdown
            opensAt={mine?.opensAt ?? ''}
            offsetMs={attempt.data?.offsetMs ?? 0}
            onStart={handleStart}
            isStarting={start.isPending}
            error={start.error}
          />
        );
        break;
      case 'attempt':
        content = mine?.attempt ? (
          <OneTabOnly key={mine.attempt.attemptId} attemptId={mine.attempt.attemptId}>
            <ExamSignals
              registrationId={registrationId}
              attempt={mine.attempt}
              screenShareRequired={mine.screenShareRequired}
              copyPasteBlocked={mine.copyPasteBlocked}
              aiFlagSeconds={mine.aiMonitor?.flagSeconds ?? null}
              createFaceEngine={createFaceEngine}
              offsetMs={attempt.data?.offsetMs ?? 0}
              storage={eventStorage}
            >
              <AnsweringView
                registrationId={registrationId}
                attempt={mine.attempt}
                offsetMs={attempt.data?.offsetMs ?? 0}
                storage={storage}
                refetch={refetchAttempt}
              />
            </ExamSignals>
          </OneTabOnly>
        ) : null;
        break;
    }
  }

  return (
    <RoleShell>
      <Flex vertical gap={12} style={{ maxWidth: 1200, marginInline: 'auto' }}>
        {/* The paper's own heading is its title; before it opens, the exam's name. */}
        {stage === 'attempt' ? null : (
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {checkIn.data?.state.examName ?? t('candidateWrittenExam.title')}
          </Typography.Title>
        )}
        {content}
        {stage === 'attempt' ? null : (
          <Link to={checkInPath(registrationId)}>{t('candidateWrittenExam.back')}</Link>
        )}
      </Flex>
    </RoleShell>
  );
}

/** The paper in one tab of this browser at a time (useAttemptLock). */
function OneTabOnly({ attemptId, children }: { attemptId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const lock = useAttemptLock(attemptId);
  if (lock === 'held') return children;
  if (lock === 'waiting') return <PageSpinner />;
  return <Alert type="warning" showIcon role="alert" title={t('candidateWrittenExam.otherTab')} />;
}
