import { useQuery } from '@tanstack/react-query';
import { getAdminExam } from '../../../../shared/api/exam-admin.js';
import { getExamResults, getScoringForm } from '../../../../shared/api/scoring.js';
import { callApi } from '../../../api/client.js';

/** Query keys of the admins' scoring page. */
export const scoringKeys = {
  exam: (examId: string) => ['admin', 'scoring', examId] as const,
  examInfo: (examId: string) => ['admin', 'scoring', examId, 'exam'] as const,
  form: (examId: string) => ['admin', 'scoring', examId, 'form'] as const,
  results: (examId: string) => ['admin', 'scoring', examId, 'results'] as const,
};

export function useScoringExam(examId: string) {
  return useQuery({
    queryKey: scoringKeys.examInfo(examId),
    queryFn: () => callApi(getAdminExam, { params: { examId } }),
  });
}

export function useScoringForm(examId: string) {
  return useQuery({
    queryKey: scoringKeys.form(examId),
    queryFn: () => callApi(getScoringForm, { params: { examId } }),
  });
}

export function useExamResults(examId: string) {
  return useQuery({
    queryKey: scoringKeys.results(examId),
    queryFn: () => callApi(getExamResults, { params: { examId } }),
  });
}

/** `/admin/exams/:examId/scoring`. */
export function scoringPath(examId: string): string {
  return `/admin/exams/${encodeURIComponent(examId)}/scoring`;
}
