import { Alert } from 'antd';
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptView } from '../../../../../shared/api/written-exam.js';
import { useServerNow } from '../../check-in/useCheckIn.js';
import type { EventStorage } from './event-queue.js';
import { ScreenShareLost } from './ScreenShareLost.js';
import { ScreenShareStep } from './ScreenShareStep.js';
import { AiReminders } from './AiReminders.js';
import { LeaveNotice } from './LeaveNotice.js';
import { useAiMonitor, type CreateEngine } from './useAiMonitor.js';
import { useAttemptEvents } from './useAttemptEvents.js';
import { useClipboardGuard } from './useClipboardGuard.js';
import { useDeviceSignals } from './useDeviceSignals.js';
import { useExamScreenShare, type ExamShareState } from './useExamScreenShare.js';
import { useLeaveNotice } from './useLeaveNotice.js';
import type { SnapshotStorage } from './evidence-queue.js';
import { snapshotStorage as browserSnapshotStorage } from './evidence-storage.js';
import { useSnapshotQueue } from './useSnapshotQueue.js';
import { usePublishExamMedia } from './usePublishExamMedia.js';

interface ExamSignalsProps {
  registrationId: string;
  attempt: Pick<AttemptView, 'attemptId' | 'state' | 'title' | 'deadline'>;
  /** The exam asks for the whole screen (MyAttempt.screenShareRequired). */
  screenShareRequired: boolean;
  /** Copy, cut, paste and the context menu are stopped in the paper (MyAttempt.copyPasteBlocked). */
  copyPasteBlocked: boolean;
  /** AI 监考's hold time (MyAttempt.aiMonitor), null when the exam has it off. */
  aiFlagSeconds: number | null;
  /** The face engine of the AI monitor; the face worker unless a test gives one. */
  createFaceEngine?: CreateEngine;
  /** Where the AI monitor's snapshots wait for upload (IndexedDB unless a test gives one). */
  snapshotStorage?: SnapshotStorage;
  offsetMs: number;
  storage: EventStorage;
  /** The paper (AnsweringView): mounted throughout, so its autosave and timers never pause. */
  children: ReactNode;
}

/** Kept in the accessibility tree (the live region must exist before it speaks), not on screen. */
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
} as const;

/** Set while this tab shares the screen: found again after a reload, the share was lost. */
const sharingKey = (attemptId: string) => `invigil-sharing-${attemptId}`;

/**
 * What the candidate's page watches during the formal attempt (issue 14 §3, issue 15 §1), each
 * logged through the attempt's event queue: leaving the page (a notice to confirm on coming
 * back), copy and paste (stopped where the exam says so), a second screen, a second tab, the
 * network, and where the exam asks for it the whole screen shared. Before the first share the
 * paper is hidden behind 共享屏幕; when the share stops it is blocked by a notice until shared
 * again.
 */
export function ExamSignals({
  registrationId,
  attempt,
  screenShareRequired,
  copyPasteBlocked,
  aiFlagSeconds,
  createFaceEngine,
  snapshotStorage = browserSnapshotStorage(),
  offsetMs,
  storage,
  children,
}: ExamSignalsProps) {
  const { t } = useTranslation();
  const { attemptId } = attempt;
  const isOpen = attempt.state === 'in_progress';
  const { record } = useAttemptEvents(registrationId, attemptId, storage);
  const examShare = useExamScreenShare(screenShareRequired && isOpen);
  const now = useServerNow(offsetMs);
  const leave = useLeaveNotice(attemptId, isOpen, record);
  const device = useDeviceSignals(attemptId, isOpen, record);
  const clipboard = useClipboardGuard(isOpen, copyPasteBlocked, record);
  usePublishExamMedia(registrationId, isOpen, examShare.stream);
  const keepSnapshot = useSnapshotQueue(registrationId, attemptId, snapshotStorage);
  const monitor = useAiMonitor(aiFlagSeconds, isOpen, record, keepSnapshot, createFaceEngine);
  const { start: startShare } = examShare;
  const { expectDialog } = leave;
  // Pressing 共享屏幕 is the candidate's action (the inactivity submit counts it), shared or not;
  // the browser's picker it opens takes the focus without the candidate leaving.
  const handleShare = useCallback(() => {
    record('screen_share_requested');
    expectDialog();
    startShare();
  }, [record, startShare, expectDialog]);
  const share = useMemo(() => ({ ...examShare, start: handleShare }), [examShare, handleShare]);

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
      <AiReminders monitor={monitor} />
      {device.hasSecondScreen ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('candidateWrittenExam.signals.secondScreen')}
        />
      ) : null}
      {device.hasOtherTab ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('candidateWrittenExam.signals.otherTab')}
        />
      ) : null}
      <div
        role="status"
        aria-live="polite"
        style={clipboard.isBlockedNoticeShown ? undefined : visuallyHidden}
      >
        {clipboard.isBlockedNoticeShown ? (
          <Alert
            type="warning"
            showIcon
            title={t('candidateWrittenExam.signals.clipboardBlocked')}
          />
        ) : null}
      </div>
      <div hidden={isBeforeFirstShare} inert={isLost} {...clipboard.handlers}>
        {children}
      </div>
      {isLost ? <ScreenShareLost share={share} /> : null}
      <LeaveNotice count={isLost ? null : leave.shownFor} onConfirm={leave.confirm} />
    </>
  );
}
