import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  approveReview,
  getReview,
  listReviews,
  rejectReview,
} from '../../../../shared/api/documents.js';
import type { ReviewState } from '../../../../shared/enums.js';
import { callApi } from '../../../api/client.js';

/** The review states an admin lists (a draft is not the admins' business yet). */
export type ListedState = Exclude<ReviewState, 'draft'>;

export interface ReviewFilter {
  state: ListedState;
  q: string;
  page: number;
}

export const PAGE_SIZE = 20;

export const reviewKeys = {
  all: ['admin', 'reviews'] as const,
  list: (filter: ReviewFilter) => ['admin', 'reviews', 'list', filter] as const,
  detail: (userId: string) => ['admin', 'reviews', 'detail', userId] as const,
};

/** One page of the review queue. */
export function useReviewList(filter: ReviewFilter) {
  return useQuery({
    queryKey: reviewKeys.list(filter),
    queryFn: () =>
      callApi(listReviews, {
        query: {
          state: filter.state,
          page: filter.page,
          pageSize: PAGE_SIZE,
          ...(filter.q ? { q: filter.q } : {}),
        },
      }),
    placeholderData: keepPreviousData,
    // New submissions arrive while a reviewer works through the queue.
    refetchInterval: 30_000,
  });
}

/** One candidate's documents and review, while the drawer is open. */
export function useReviewDetail(userId: string | null) {
  return useQuery({
    queryKey: reviewKeys.detail(userId ?? ''),
    queryFn: () => callApi(getReview, { params: { userId: userId ?? '' } }),
    enabled: userId !== null,
  });
}

/** 审核通过 and 不通过; both refresh the lists and details afterwards, whatever happened. */
export function useReviewDecision(userId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: reviewKeys.all });
  const approve = useMutation({
    mutationFn: () => callApi(approveReview, { params: { userId } }),
    onSettled: refresh,
  });
  const reject = useMutation({
    mutationFn: (body: { reason: string; documentIds: string[] }) =>
      callApi(rejectReview, { params: { userId }, body }),
    onSettled: refresh,
  });
  return { approve, reject };
}
