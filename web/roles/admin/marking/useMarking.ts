import { useQuery } from '@tanstack/react-query';
import {
  getMarkingOverview,
  getMarkingQuestion,
  getWrittenResults,
} from '../../../../shared/api/marking.js';
import { callApi } from '../../../api/client.js';

/** Query keys of the admins' 阅卷 page: everything of one exam under `exam(examId)`. */
export const markingKeys = {
  exam: (examId: string) => ['admin', 'marking', examId] as const,
  overview: (examId: string) => ['admin', 'marking', examId, 'overview'] as const,
  question: (examId: string, paperQuestionId: string) =>
    ['admin', 'marking', examId, 'question', paperQuestionId] as const,
  results: (examId: string) => ['admin', 'marking', examId, 'results'] as const,
};

export function useMarkingOverview(examId: string) {
  return useQuery({
    queryKey: markingKeys.overview(examId),
    queryFn: () => callApi(getMarkingOverview, { params: { examId } }),
  });
}

export function useMarkingQuestion(examId: string, paperQuestionId: string | null) {
  return useQuery({
    queryKey: markingKeys.question(examId, paperQuestionId ?? ''),
    queryFn: () =>
      callApi(getMarkingQuestion, { params: { examId, paperQuestionId: paperQuestionId ?? '' } }),
    enabled: paperQuestionId !== null,
  });
}

export function useWrittenResults(examId: string) {
  return useQuery({
    queryKey: markingKeys.results(examId),
    queryFn: () => callApi(getWrittenResults, { params: { examId } }),
  });
}

/** `/admin/exams/:examId/marking`. */
export function markingPath(examId: string): string {
  return `/admin/exams/${encodeURIComponent(examId)}/marking`;
}
