import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getAdminExam } from '../../../../shared/api/exam-admin.js';
import {
  getExamPaper,
  saveExamPaper,
  type PaperBody,
  type PaperKind,
} from '../../../../shared/api/papers.js';
import { listBankPassages, listBankQuestions } from '../../../../shared/api/question-bank.js';
import { callApi } from '../../../api/client.js';
import { questionBankKeys } from '../question-bank/useQuestionBank.js';
import type { BankFilterValues } from '../question-bank/BankFilters.js';

/** Query keys of the paper editor: everything of one exam under `exam(examId)`. */
export const paperKeys = {
  exam: (examId: string) => ['admin', 'papers', examId] as const,
  paper: (examId: string, kind: PaperKind) => ['admin', 'papers', examId, kind] as const,
};

/** `/admin/exams/:examId/papers`. */
export function papersPath(examId: string): string {
  return `/admin/exams/${encodeURIComponent(examId)}/papers`;
}

export function usePaperExam(examId: string) {
  return useQuery({
    queryKey: paperKeys.exam(examId),
    queryFn: () => callApi(getAdminExam, { params: { examId } }),
  });
}

/**
 * The latest paper of a kind. Loaded when the editor opens and again only when asked (重新加载,
 * after a save): a refetch on its own would throw away what the admin is editing.
 */
export function useExamPaper(examId: string, kind: PaperKind) {
  return useQuery({
    queryKey: paperKeys.paper(examId, kind),
    queryFn: () => callApi(getExamPaper, { params: { examId, kind } }),
    refetchOnReconnect: false,
  });
}

export function useSavePaper(examId: string, kind: PaperKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PaperBody) => callApi(saveExamPaper, { params: { examId, kind }, body }),
    meta: { insideSession: true },
    onSuccess: ({ paper }) => {
      queryClient.setQueryData(paperKeys.paper(examId, kind), { paper });
    },
  });
}

/** The bank's passages, for the preview of questions just taken from the bank. */
export function usePassageTexts(isEnabled: boolean) {
  return useQuery({
    queryKey: questionBankKeys.passages,
    queryFn: () => callApi(listBankPassages),
    enabled: isEnabled,
  });
}

/** Every bank question matching the filters (for 添加全部), at most `limit` of them. */
export async function fetchAllMatching(filters: BankFilterValues, limit: number) {
  const pageSize = 100;
  const items = [];
  for (let page = 1; items.length < limit; page += 1) {
    const found = await callApi(listBankQuestions, { query: { ...filters, page, pageSize } });
    items.push(...found.items);
    if (found.items.length < pageSize || items.length >= found.total) break;
  }
  return items.slice(0, limit);
}
