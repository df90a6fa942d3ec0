import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  listBankPassages,
  listBankQuestions,
  type ListBankQuestionsQuery,
} from '../../../../shared/api/question-bank.js';
import { callApi } from '../../../api/client.js';

/** Query keys of the question bank; invalidating `all` refreshes every view of it. */
export const questionBankKeys = {
  all: ['admin', 'question-bank'] as const,
  list: (query: ListBankQuestionsQuery) => ['admin', 'question-bank', 'list', query] as const,
  passages: ['admin', 'question-bank', 'passages'] as const,
};

export function useBankQuestions(query: ListBankQuestionsQuery) {
  return useQuery({
    queryKey: questionBankKeys.list(query),
    queryFn: () => callApi(listBankQuestions, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useBankPassages() {
  return useQuery({
    queryKey: questionBankKeys.passages,
    queryFn: () => callApi(listBankPassages),
  });
}
