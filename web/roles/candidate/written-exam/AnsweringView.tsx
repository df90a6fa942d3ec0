import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptView } from '../../../../shared/api/written-exam.js';
import { PageSpinner } from '../../../ui/PageSpinner.js';
import { useServerNow } from '../check-in/useCheckIn.js';
import type { AnswerSender, AnswerStorage } from './answer-queue.js';
import { emptyAnswer, isAnswered } from './answers.js';
import { ExamTimer } from './ExamTimer.js';
import { InactivityWarning } from './InactivityWarning.js';
import { OtherDeviceNotice } from './OtherDeviceNotice.js';
import { ProctorWarnings } from './ProctorWarnings.js';
import { QuestionCard } from './QuestionCard.js';
import { QuestionGrid } from './QuestionGrid.js';
import { OfflineBanner, SaveIndicator } from './SaveIndicator.js';
import { SubmitPanel } from './SubmitPanel.js';
import { SubmittedScreen, UnsavedAnswers } from './SubmittedScreen.js';
import { useAnswerQueue } from './useAnswerQueue.js';
import { useAttemptSocket } from './useAttemptSocket.js';
import { useSubmitAttempt } from './useAttempt.js';
import { useMarks } from './useMarks.js';
import { useSessionValue } from './useSessionValue.js';

// The camera corner loads after the paper: the candidate's first screen stays small.
const SelfView = lazy(() => import('./self-view/SelfView.js'));

/** While time is up or the server stopped taking answers, the attempt is read this often. */
export const CLOSED_POLL_MS = 5_000;

interface AnsweringViewProps {
  registrationId: string;
  /** The attempt as last read: its questions are taken once, its times and state each read. */
  attempt: AttemptView;
  offsetMs: number;
  storage: AnswerStorage;
  /** Reads the attempt again; resolves with it, or nothing when it could not be read. */
  refetch: () => Promise<AttemptView | null | undefined>;
  /** A mock attempt (模拟考试): its own autosave and 交卷 instead of the formal attempt's. */
  mock?: { send: AnswerSender; submit: () => Promise<unknown> };
}

/**
 * The paper: one question per screen, 答题卡, the countdown, autosave and 交卷; the end screen
 * once the server says the attempt is submitted. Mounted once per attempt (keyed by its id).
 */
export function AnsweringView({
  registrationId,
  attempt,
  offsetMs,
  storage,
  refetch,
  mock,
}: AnsweringViewProps) {
  const { t } = useTranslation();
  const saves = useAnswerQueue(registrationId, attempt, storage, { send: mock?.send, refetch });
  const submit = useSubmitAttempt(registrationId);
  const now = useServerNow(offsetMs);
  const marks = useMarks(attempt.attemptId);
  const [index, setIndex] = useSessionValue<number>(`invigil-question-${attempt.attemptId}`, 0);
  const [sections] = useState(attempt.sections);
  const items = useMemo(
    () =>
      sections.flatMap((section) =>
        section.questions.map((question) => ({
          question,
          section: { title: section.title, instructions: section.instructions },
        })),
      ),
    [sections],
  );
  const numberOf = useMemo(
    () => new Map(items.map(({ question }) => [question.paperQuestionId, question.number])),
    [items],
  );
  const isOver = now >= Date.parse(attempt.deadline);
  const isClosed = saves.queue.status === 'closed';
  const isOpen = attempt.state === 'in_progress';

  const { answers, change, flush } = saves;
  // The formal attempt only: a mock attempt has no outage protection and no camera corner.
  useAttemptSocket(registrationId, !mock && isOpen, refetch);

  // Time is up, or the server takes no more answers: what waits goes out (the server takes it
  // within a short grace), then the page waits for the server to say the paper is in.
  useEffect(() => {
    if (!isOpen || (!isOver && !isClosed)) return;
    void flush().then(() => refetch());
    const timer = window.setInterval(() => void refetch(), CLOSED_POLL_MS);
    return () => window.clearInterval(timer);
  }, [isOpen, isOver, isClosed, flush, refetch]);
  const current = items[Math.min(index, items.length - 1)];
  const handleStillHere = useCallback(() => {
    // An answer saved again is an action the server counts (it has no other way to hear one).
    const item = current ?? items[0];
    if (!item) return;
    const id = item.question.paperQuestionId;
    change(id, answers?.get(id) ?? emptyAnswer(item.question.question));
    void flush().then(() => refetch());
  }, [current, items, answers, change, flush, refetch]);

  if (!answers) return <PageSpinner />;
  const unsavedNumbers = isClosed
    ? saves.queue.pendingIds.map((id) => numberOf.get(id) ?? 0).sort((a, b) => a - b)
    : [];
  if (!isOpen) return <SubmittedScreen attempt={attempt} unsavedNumbers={unsavedNumbers} />;

  const answered = (id: string) => isAnswered(answers.get(id));
  const unanswered = items.filter(({ question }) => !answered(question.paperQuestionId)).length;
  const rejection = current
    ? saves.queue.rejected.get(current.question.paperQuestionId)
    : undefined;

  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {attempt.title}
          </Typography.Title>
          <Flex gap={16} align="center" wrap>
            <SaveIndicator queue={saves.queue} isOnline={saves.isOnline} />
            <ExamTimer deadline={attempt.deadline} now={now} />
          </Flex>
        </Flex>
      </Card>
      <OfflineBanner queue={saves.queue} isOnline={saves.isOnline} />
      <div role="status">
        {attempt.compensationMinutes ? (
          <Alert
            type="info"
            showIcon
            title={t('candidateWrittenExam.timer.compensated', {
              minutes: attempt.compensationMinutes,
            })}
          />
        ) : null}
      </div>
      {isOver || isClosed ? (
        <Alert type="warning" showIcon role="alert" title={t('candidateWrittenExam.timer.over')} />
      ) : null}
      <UnsavedAnswers numbers={unsavedNumbers} />
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 1fr) minmax(220px, 280px)',
          gap: 12,
          alignItems: 'start',
        }}
      >
        <Flex vertical gap={12}>
          <OtherDeviceNotice
            questions={saves.otherDeviceIds.map((id) => ({
              paperQuestionId: id,
              number: numberOf.get(id) ?? 0,
            }))}
            onDismiss={saves.dismissOtherDevice}
          />
          {current ? (
            <QuestionCard
              // Typed text is held in its inputs: an answer from another device starts them anew.
              key={`${current.question.paperQuestionId}/${String(saves.revisionOf(current.question.paperQuestionId))}`}
              section={current.section}
              question={current.question}
              answer={answers.get(current.question.paperQuestionId)}
              isMarked={marks.isMarked(current.question.paperQuestionId)}
              rejection={rejection ? t(`errors.${rejection}`) : null}
              onChange={(answer) => change(current.question.paperQuestionId, answer)}
              onToggleMark={() => marks.toggle(current.question.paperQuestionId)}
            />
          ) : null}
          <Flex justify="space-between">
            <Button
              icon={<LeftOutlined aria-hidden />}
              disabled={index === 0}
              onClick={() => setIndex(Math.max(0, index - 1))}
            >
              {t('candidateWrittenExam.question.prev')}
            </Button>
            <Button
              icon={<RightOutlined aria-hidden />}
              iconPlacement="end"
              disabled={index >= items.length - 1}
              onClick={() => setIndex(Math.min(items.length - 1, index + 1))}
            >
              {t('candidateWrittenExam.question.next')}
            </Button>
          </Flex>
        </Flex>
        <Flex vertical gap={12}>
          {mock ? null : (
            <Suspense fallback={null}>
              <SelfView registrationId={registrationId} />
            </Suspense>
          )}
          <Card size="small">
            <Flex vertical gap={16}>
              <QuestionGrid
                questions={items.map((item) => item.question)}
                currentIndex={index}
                isAnswered={answered}
                isMarked={marks.isMarked}
                onOpen={setIndex}
              />
              <SubmitPanel
                registrationId={registrationId}
                submitFace={attempt.submitFace}
                now={now}
                submitOpensAt={attempt.submitOpensAt}
                total={items.length}
                unanswered={unanswered}
                pending={saves.queue.pendingIds.length}
                flush={async () => {
                  await flush();
                  return saves.pendingNow();
                }}
                submit={() => (mock ? mock.submit() : submit.mutateAsync())}
              />
            </Flex>
          </Card>
        </Flex>
      </div>
      <InactivityWarning
        submitAt={attempt.inactivitySubmitAt}
        now={now}
        recheck={refetch}
        onStillHere={handleStillHere}
      />
      <ProctorWarnings
        registrationId={registrationId}
        warnings={attempt.warnings ?? []}
        refetch={refetch}
      />
    </Flex>
  );
}
