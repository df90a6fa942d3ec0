import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { getAdminExam } from '../../../../shared/api/exam-admin.js';
import {
  getSessionRoster,
  ROSTER_HEADERS,
  type RosterColumn,
} from '../../../../shared/api/roster.js';
import type { Locale } from '../../../../shared/enums.js';
import { callApi } from '../../../api/client.js';

/** Query keys of the roster page; invalidating `all` refreshes every session roster. */
export const rosterKeys = {
  all: ['admin', 'roster'] as const,
  exam: (examId: string) => ['admin', 'roster', 'exam', examId] as const,
  session: (sessionId: string) => ['admin', 'roster', 'session', sessionId] as const,
};

export function useRosterExam(examId: string) {
  return useQuery({
    queryKey: rosterKeys.exam(examId),
    queryFn: () => callApi(getAdminExam, { params: { examId } }),
  });
}

export function useSessionRoster(sessionId: string) {
  return useQuery({
    queryKey: rosterKeys.session(sessionId),
    queryFn: () => callApi(getSessionRoster, { params: { sessionId } }),
  });
}

/** The template's header title of a column, in the interface language. */
export function columnTitle(column: RosterColumn, locale: Locale): string {
  return ROSTER_HEADERS[column][locale === 'en' ? 'en' : 'zh'];
}

/** Whether a string names a roster column (error issues carry column names as their path). */
export function isRosterColumn(value: string): value is RosterColumn {
  return Object.hasOwn(ROSTER_HEADERS, value);
}

/** The sent fraction of the current upload, 0 to 1, with a callback for uploadApi. */
export function useUploadProgress() {
  const [fraction, setFraction] = useState(0);
  const reset = useCallback(() => setFraction(0), []);
  return { fraction, onProgress: setFraction, reset };
}
