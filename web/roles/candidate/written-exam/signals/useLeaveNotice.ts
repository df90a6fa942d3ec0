import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AttemptEventDetail,
  AttemptEventType,
} from '../../../../../shared/api/attempt-events.js';

type Record = (type: AttemptEventType, detail?: AttemptEventDetail) => void;

/** A blur this short (a notification, a click on the taskbar) is logged but not interrupted. */
export const BLUR_NOTICE_MS = 1_000;
/** How long after a blur the page waits to see whether it was a tab switch (page_hidden then). */
const BLUR_SETTLE_MS = 300;
/** A system dialog the page opened itself (the file picker, the screen picker) excuses blurs this long. */
const DIALOG_GRACE_MS = 2 * 60_000;

const leavesKey = (attemptId: string) => `invigil-leaves-${attemptId}`;

export interface LeaveNotice {
  /** Times this attempt's page was left in this tab (the notice's count), when it is shown. */
  shownFor: number | null;
  confirm: () => void;
  /** The page is about to open a system dialog of its own: the blur it causes is no leaving. */
  expectDialog: () => void;
}

/**
 * Leaving the paper (seed 003: 若点开其他页面，会显示弹窗，后台进行记录): the page hidden
 * (another tab, minimised) and the window blurred while still in sight (another window on top)
 * are logged as they start and end; on coming back the candidate sees a notice they must
 * confirm, and the confirmation is logged too. A file input or the screen picker opened by the
 * page itself blurs the window without leaving it: those blurs are not logged.
 */
export function useLeaveNotice(attemptId: string, isOpen: boolean, record: Record): LeaveNotice {
  const [shownFor, setShownFor] = useState<number | null>(null);
  const dialogUntil = useRef(0);
  const expectDialog = useCallback(() => {
    dialogUntil.current = Date.now() + DIALOG_GRACE_MS;
  }, []);

  useEffect(() => {
    if (!isOpen) return;
    let hiddenAt: number | null = null;
    let blurredAt: number | null = null;
    let settle = 0;
    const cameBack = () => {
      const count = Number(sessionStorage.getItem(leavesKey(attemptId)) ?? '0') + 1;
      sessionStorage.setItem(leavesKey(attemptId), String(count));
      setShownFor(count);
    };
    const handleVisibility = () => {
      if (document.visibilityState === 'hidden') {
        window.clearTimeout(settle);
        blurredAt = null;
        hiddenAt = Date.now();
        record('page_hidden');
      } else if (hiddenAt !== null) {
        hiddenAt = null;
        record('page_visible');
        cameBack();
      }
    };
    const handleBlur = () => {
      if (Date.now() < dialogUntil.current) return;
      window.clearTimeout(settle);
      settle = window.setTimeout(() => {
        if (document.visibilityState === 'hidden' || document.hasFocus()) return;
        blurredAt = Date.now() - BLUR_SETTLE_MS;
        record('window_blurred');
      }, BLUR_SETTLE_MS);
    };
    const handleFocus = () => {
      window.clearTimeout(settle);
      dialogUntil.current = 0;
      if (blurredAt === null) return;
      const awayMs = Date.now() - blurredAt;
      blurredAt = null;
      record('window_focused', { awayMs });
      if (awayMs >= BLUR_NOTICE_MS) cameBack();
    };
    // The page opening a file picker: the click reaches the input, by the user or by script.
    const handleClick = (event: MouseEvent) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'file') expectDialog();
    };
    document.addEventListener('visibilitychange', handleVisibility);
    window.addEventListener('blur', handleBlur);
    window.addEventListener('focus', handleFocus);
    document.addEventListener('click', handleClick, true);
    return () => {
      window.clearTimeout(settle);
      document.removeEventListener('visibilitychange', handleVisibility);
      window.removeEventListener('blur', handleBlur);
      window.removeEventListener('focus', handleFocus);
      document.removeEventListener('click', handleClick, true);
    };
  }, [attemptId, isOpen, record, expectDialog]);

  const confirm = useCallback(() => {
    if (shownFor !== null) record('leave_notice_confirmed', { count: shownFor });
    setShownFor(null);
  }, [record, shownFor]);
  return { shownFor: isOpen ? shownFor : null, confirm, expectDialog };
}
