import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  deleteMyDocument,
  getMyDocuments,
  submitMyDocuments,
  type MyIdentityReview,
} from '../../../../shared/api/documents.js';
import { callApi } from '../../../api/client.js';

/** The query key of 身份认证; every change writes its answer here, then refetches. */
export const MY_DOCUMENTS_KEY = ['me', 'documents'] as const;

/** The candidate's documents, their review status and the upload limits. */
export function useMyDocuments() {
  return useQuery({
    queryKey: MY_DOCUMENTS_KEY,
    queryFn: () => callApi(getMyDocuments),
  });
}

/** Stores an answer of a change at once, then refetches so other views agree. */
export function useStoreMyDocuments(): (answer: MyIdentityReview) => Promise<void> {
  const queryClient = useQueryClient();
  return async (answer) => {
    // A read still under way would overwrite this newer answer with an older one.
    await queryClient.cancelQueries({ queryKey: MY_DOCUMENTS_KEY });
    queryClient.setQueryData(MY_DOCUMENTS_KEY, answer);
    await queryClient.invalidateQueries({ queryKey: MY_DOCUMENTS_KEY });
  };
}

/** 删除 one document (allowed while editable). */
export function useDeleteMyDocument() {
  const store = useStoreMyDocuments();
  return useMutation({
    mutationFn: (documentId: string) => callApi(deleteMyDocument, { params: { documentId } }),
    onSuccess: store,
  });
}

/** 提交审核 (again after a rejection). */
export function useSubmitMyDocuments() {
  const store = useStoreMyDocuments();
  return useMutation({
    mutationFn: () => callApi(submitMyDocuments),
    onSuccess: store,
  });
}
