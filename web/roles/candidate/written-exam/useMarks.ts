import { useCallback, useState } from 'react';

const keyOf = (attemptId: string) => `invigil-marked-${attemptId}`;

function readMarks(attemptId: string): Set<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(keyOf(attemptId)) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((id) => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

/** 标记 (marked for review): the candidate's own notes, kept in this browser only. */
export function useMarks(attemptId: string) {
  const [marks, setMarks] = useState(() => readMarks(attemptId));
  const toggle = useCallback(
    (paperQuestionId: string) => {
      setMarks((current) => {
        const next = new Set(current);
        if (!next.delete(paperQuestionId)) next.add(paperQuestionId);
        try {
          localStorage.setItem(keyOf(attemptId), JSON.stringify([...next]));
        } catch {
          // Marks are a convenience: without storage they last as long as the page.
        }
        return next;
      });
    },
    [attemptId],
  );
  return { isMarked: (paperQuestionId: string) => marks.has(paperQuestionId), toggle };
}
