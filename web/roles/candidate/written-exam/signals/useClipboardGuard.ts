import { useCallback, useEffect, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import type {
  AttemptEventDetail,
  AttemptEventType,
} from '../../../../../shared/api/attempt-events.js';

type Record = (type: AttemptEventType, detail?: AttemptEventDetail) => void;
type ClipboardEventType = Extract<
  AttemptEventType,
  'clipboard_copy' | 'clipboard_cut' | 'clipboard_paste' | 'context_menu'
>;

/** One event per kind in this window at most: holding Ctrl+V must not flood the log. */
export const CLIPBOARD_LOG_MS = 3_000;
/** How long the "not allowed" line stays after a blocked try. */
const NOTICE_MS = 4_000;

export interface ClipboardGuard {
  /** Handlers for the paper's container. */
  handlers: {
    onCopy: (event: SyntheticEvent) => void;
    onCut: (event: SyntheticEvent) => void;
    onPaste: (event: SyntheticEvent) => void;
    onContextMenu: (event: SyntheticEvent) => void;
  };
  /** A try was just blocked: the page says so for a few seconds. */
  isBlockedNoticeShown: boolean;
}

/**
 * Copy, cut, paste and the context menu inside the paper (issue 15 §1): logged always (at most
 * one event per kind every CLIPBOARD_LOG_MS, with how many tries it covers), and stopped when
 * the exam blocks them (copyPasteBlocked), with a line that says why.
 */
export function useClipboardGuard(
  isOpen: boolean,
  isBlocked: boolean,
  record: Record,
): ClipboardGuard {
  const [isBlockedNoticeShown, setIsBlockedNoticeShown] = useState(false);
  const lastLogged = useRef(new Map<ClipboardEventType, { at: number; tries: number }>());
  const noticeTimer = useRef(0);
  useEffect(() => () => window.clearTimeout(noticeTimer.current), []);

  const handle = useCallback(
    (type: ClipboardEventType, event: SyntheticEvent) => {
      if (!isOpen) return;
      if (isBlocked) {
        event.preventDefault();
        setIsBlockedNoticeShown(true);
        window.clearTimeout(noticeTimer.current);
        noticeTimer.current = window.setTimeout(() => setIsBlockedNoticeShown(false), NOTICE_MS);
      }
      const now = Date.now();
      const last = lastLogged.current.get(type);
      if (last && now - last.at < CLIPBOARD_LOG_MS) {
        last.tries += 1;
        return;
      }
      const tries = (last?.tries ?? 0) + 1;
      lastLogged.current.set(type, { at: now, tries: 0 });
      record(type, { blocked: isBlocked, tries });
    },
    [isOpen, isBlocked, record],
  );
  const handlers = useMemo(
    () => ({
      onCopy: (event: SyntheticEvent) => handle('clipboard_copy', event),
      onCut: (event: SyntheticEvent) => handle('clipboard_cut', event),
      onPaste: (event: SyntheticEvent) => handle('clipboard_paste', event),
      onContextMenu: (event: SyntheticEvent) => handle('context_menu', event),
    }),
    [handle],
  );
  return { handlers, isBlockedNoticeShown: isOpen && isBlockedNoticeShown };
}
