import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { AttemptView } from '../../../../../shared/api/written-exam.js';
import { useServerNow } from '../../check-in/useCheckIn.js';
import type { EventStorage } from './event-queue.js';
import { ScreenShareLost } from './ScreenShareLost.js';
import { ScreenShareStep } from './ScreenShareStep.js';
import { useAttemptEvents } from './useAttemptEvents.js';
import { useExamScreenShare, type ExamShareState } from './useExamScreenShare.js';

interface ExamSignalsProps {
  registrationId: string;
  attempt: Pick<AttemptView, 'attemptId' | 'state' | 'title' | 'deadline'>;
  /** The exam asks for the whole screen (MyAttempt.screenShareRequired). */
  screenShareRequired: boolean;
  offsetMs: number;
  storage: EventStorage;
  /** The paper (AnsweringView): mounted throughout, so its autosave and timers never pause. */
  children: ReactNode;
}

/** Set while this tab shares the screen: found again after a reload, the share was lost. */
const sharingKey = (attemptId: string) => `invigil-sharing-${attemptId}`;

/**
 * What the candidate's page watches during the formal attempt (issue 14 §3, issue 15 §1): the
 * page hidden and shown, and where the exam asks for it the whole screen shared, each logged
 * through the attempt's event queue. Before the first share the paper is hidden behind 共享屏幕;
 * when the share stops it is blocked by a notice until shared again.
 */
export function ExamSignals({
  registrationId,
  attempt,
  screenShareRequired,
  offsetMs,
  storage,
  children,
}: ExamSignalsProps) {
  const { attemptId } = attempt;
  const isOpen = attempt.state === 'in_progress';
  const { record } = useAttemptEvents(registrationId, attemptId, storage);
  const examShare = useExamScreenShare(screenShareRequired && isOpen);
  const now = useServerNow(offsetMs);
  const { start: startShare } = examShare;
  // Pressing 共享屏幕 is the candidate's action (the inactivity submit counts it), shared or not.
  const handleShare = useCallback(() => {
    record('screen_share_requested');
    startShare();
  }, [record, startShare]);
  const share = useMemo(() => ({ ...examShare, start: handleShare }), [examShare, handleShare]);

  useEffect(() => {
    if (!isOpen) return;
    const handleVisibility = () =>
      record(document.visibilityState === 'hidden' ? 'page_hidden' : 'page_visible');
    document.addEventListener('visibilitychange', handleVisibility);
    return () => document.removeEventListener('visibilitychange', handleVisibility);
  }, [isOpen, record]);

  // A reload ends the share without a word from the browser: the page before said it shared.
  useEffect(() => {
    const key = sharingKey(attemptId);
    if (sessionStorage.getItem(key) === null) return;
    sessionStorage.removeItem(key);
    if (isOpen) record('screen_share_stopped', { reason: 'reloaded' });
  }, [attemptId, isOpen, record]);

  // Logged on each change: shared, stopped by the browser; the end of the exam stops it unlogged.
  const previous = useRef<ExamShareState>('idle');
  const { state, surface } = share;
  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    const key = sharingKey(attemptId);
    if (state === 'sharing' && before !== 'sharing') {
      record('screen_share_started', { surface: surface ?? 'unknown' });
      sessionStorage.setItem(key, '1');
    } else if (state !== 'sharing' && before === 'sharing') {
      sessionStorage.removeItem(key);
      if (state === 'lost') record('screen_share_stopped', { reason: 'ended' });
    }
  }, [state, surface, attemptId, record]);
  // Leaving the page for another of the app ends the share too.
  useEffect(
    () => () => {
      if (previous.current !== 'sharing') return;
      sessionStorage.removeItem(sharingKey(attemptId));
      record('screen_share_stopped', { reason: 'left' });
    },
    [attemptId, record],
  );

  // Once time is up nothing can be answered: the page only waits for the server's 交卷.
  const isOver = now >= Date.parse(attempt.deadline);
  const isGated = screenShareRequired && isOpen && !isOver;
  const isBeforeFirstShare = isGated && !share.hasShared;
  const isLost = isGated && share.hasShared && share.state !== 'sharing';
  return (
    <>
      {isBeforeFirstShare ? (
        <ScreenShareStep
          title={attempt.title}
          deadline={attempt.deadline}
          now={now}
          share={share}
        />
      ) : null}
      <div hidden={isBeforeFirstShare} inert={isLost}>
        {children}
      </div>
      {isLost ? <ScreenShareLost share={share} /> : null}
    </>
  );
}
