import { useCallback, useEffect, useRef, useState, type CompositionEvent } from 'react';

/** Text is saved after this long without typing (issue 14 §5). */
export const TEXT_SAVE_DELAY_MS = 800;

export interface TextDraft<T> {
  draft: T;
  /** The candidate typed: shown at once, saved after the pause (never mid-composition). */
  update: (value: T) => void;
  /** Saves now what waits (leaving the field, the question, the page). */
  commitNow: () => void;
  onCompositionStart: () => void;
  onCompositionEnd: (event: CompositionEvent) => void;
}

/**
 * A text answer being typed. A Chinese input method composes a character in several steps
 * (pinyin first): those are shown but not saved; the saved text is the composed one.
 * `normalise` (the length limit) is applied outside a composition only, so it cannot cut the
 * pinyin the method is still working on.
 */
export function useTextDraft<T>(
  saved: T,
  commit: (value: T) => void,
  normalise: (value: T) => T = (value) => value,
): TextDraft<T> {
  const [draft, setDraft] = useState(saved);
  const latest = useRef(saved);
  const isDirty = useRef(false);
  const isComposing = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const commitRef = useRef(commit);
  const normaliseRef = useRef(normalise);
  useEffect(() => {
    commitRef.current = commit;
    normaliseRef.current = normalise;
  });

  const commitNow = useCallback(() => {
    window.clearTimeout(timer.current);
    if (!isDirty.current || isComposing.current) return;
    isDirty.current = false;
    commitRef.current(latest.current);
  }, []);

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(commitNow, TEXT_SAVE_DELAY_MS);
  }, [commitNow]);

  const update = useCallback(
    (value: T) => {
      const next = isComposing.current ? value : normaliseRef.current(value);
      latest.current = next;
      isDirty.current = true;
      setDraft(next);
      if (isComposing.current) window.clearTimeout(timer.current);
      else schedule();
    },
    [schedule],
  );

  const onCompositionStart = useCallback(() => {
    isComposing.current = true;
    window.clearTimeout(timer.current);
  }, []);

  const onCompositionEnd = useCallback(() => {
    isComposing.current = false;
    // Browsers differ in whether the last input event comes before or after this one: the
    // pause starts now either way, and a later input event restarts it.
    const next = normaliseRef.current(latest.current);
    latest.current = next;
    setDraft(next);
    isDirty.current = true;
    schedule();
  }, [schedule]);

  // Leaving the question, or the page (a reload, a closed tab), saves what was typed without
  // waiting for the pause: the queue keeps it in IndexedDB before it is sent.
  useEffect(() => {
    const handlePageHide = () => commitNow();
    window.addEventListener('pagehide', handlePageHide);
    return () => {
      window.removeEventListener('pagehide', handlePageHide);
      isComposing.current = false;
      commitNow();
    };
  }, [commitNow]);

  return { draft, update, commitNow, onCompositionStart, onCompositionEnd };
}
