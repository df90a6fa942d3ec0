import { useQuery } from '@tanstack/react-query';
import {
  getMarkerOverview,
  getMarkerQuestion,
  getMarkingOverview,
  getMarkingQuestion,
  getWrittenResults,
  listMarkerExams,
  putMark,
  putMarkerMark,
  type MarkBody,
} from '../../../../shared/api/marking.js';
import { callApi } from '../../../api/client.js';

/** Who opens the marking view: an exam admin, or a 阅卷人 (examiner with the marker duty). */
export type MarkingRole = 'admin' | 'marker';

/** Query keys of the 阅卷 page: everything of one exam under `exam(examId)`. */
export const markingKeys = {
  exam: (examId: string) => ['admin', 'marking', examId] as const,
  overview: (examId: string, role: MarkingRole = 'admin') =>
    ['admin', 'marking', examId, 'overview', role] as const,
  question: (examId: string, paperQuestionId: string, role: MarkingRole = 'admin') =>
    ['admin', 'marking', examId, 'question', paperQuestionId, role] as const,
  results: (examId: string) => ['admin', 'marking', examId, 'results'] as const,
  markerExams: ['examiner', 'marking'] as const,
};

export function useMarkingOverview(examId: string, role: MarkingRole = 'admin') {
  return useQuery({
    queryKey: markingKeys.overview(examId, role),
    queryFn: () =>
      role === 'admin'
        ? callApi(getMarkingOverview, { params: { examId } })
        : callApi(getMarkerOverview, { params: { examId } }),
  });
}

export function useMarkingQuestion(
  examId: string,
  paperQuestionId: string | null,
  role: MarkingRole = 'admin',
) {
  return useQuery({
    queryKey: markingKeys.question(examId, paperQuestionId ?? '', role),
    queryFn: () => {
      const params = { examId, paperQuestionId: paperQuestionId ?? '' };
      return role === 'admin'
        ? callApi(getMarkingQuestion, { params })
        : callApi(getMarkerQuestion, { params });
    },
    enabled: paperQuestionId !== null,
  });
}

/** 给分 through the caller's own route (admin or 阅卷人). */
export function saveMark(
  role: MarkingRole,
  params: { examId: string; paperQuestionId: string; attemptId: string },
  body: MarkBody,
) {
  return role === 'admin'
    ? callApi(putMark, { params, body })
    : callApi(putMarkerMark, { params, body });
}

export function useWrittenResults(examId: string) {
  return useQuery({
    queryKey: markingKeys.results(examId),
    queryFn: () => callApi(getWrittenResults, { params: { examId } }),
  });
}

/** The written exams the examiner marks (the examiner's home). */
export function useMarkerExams() {
  return useQuery({
    queryKey: markingKeys.markerExams,
    queryFn: () => callApi(listMarkerExams),
    refetchInterval: 60_000,
  });
}

/** `/admin/exams/:examId/marking`. */
export function markingPath(examId: string): string {
  return `/admin/exams/${encodeURIComponent(examId)}/marking`;
}

/** `/examiner/exams/:examId/marking`: the 阅卷人's marking of one exam. */
export function markerMarkingPath(examId: string): string {
  return `/examiner/exams/${encodeURIComponent(examId)}/marking`;
}
