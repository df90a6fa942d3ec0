import { useQuery } from '@tanstack/react-query';
import {
  getSessionStaff,
  listAdminExams,
  listExamSessions,
} from '../../../../shared/api/exam-admin.js';
import { callApi } from '../../../api/client.js';

/** Query keys of the exams console; invalidating `all` refreshes every view of it. */
export const examAdminKeys = {
  all: ['admin', 'exams'] as const,
  list: ['admin', 'exams', 'list'] as const,
  sessions: (examId: string) => ['admin', 'exams', 'sessions', examId] as const,
  staff: (sessionId: string) => ['admin', 'exams', 'staff', sessionId] as const,
};

export function useExams() {
  return useQuery({ queryKey: examAdminKeys.list, queryFn: () => callApi(listAdminExams) });
}

export function useExamSessions(examId: string | null) {
  return useQuery({
    queryKey: examAdminKeys.sessions(examId ?? ''),
    queryFn: () => callApi(listExamSessions, { params: { examId: examId ?? '' } }),
    enabled: examId !== null,
    // The status follows the server clock.
    refetchInterval: 60_000,
  });
}

export function useSessionStaff(sessionId: string | null) {
  return useQuery({
    queryKey: examAdminKeys.staff(sessionId ?? ''),
    queryFn: () => callApi(getSessionStaff, { params: { sessionId: sessionId ?? '' } }),
    enabled: sessionId !== null,
  });
}
