import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { listMyAnswerFiles, type MyAnswerFiles } from '../../../../shared/api/answer-files.js';
import { callApi } from '../../../api/client.js';

/** How often the page looks for photos while the phone is asked to take some. */
export const PHONE_PHOTO_POLL_MS = 3000;

export const answerFilesKey = (registrationId: string) => ['answer-files', registrationId] as const;

/**
 * The photos of the candidate's attempt (PC and phone). Polled while the phone is asked for
 * photos, so what it takes appears on the PC without a reload.
 */
export function useMyAnswerFiles(registrationId: string | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: answerFilesKey(registrationId ?? ''),
    queryFn: () => callApi(listMyAnswerFiles, { params: { registrationId: registrationId ?? '' } }),
    enabled: registrationId !== null,
    refetchInterval: (current) => (current.state.data?.phoneCapture ? PHONE_PHOTO_POLL_MS : false),
  });
  const replace = useCallback(
    async (next: MyAnswerFiles | ((old: MyAnswerFiles) => MyAnswerFiles)) => {
      const key = answerFilesKey(registrationId ?? '');
      // A read still under way would overwrite this newer answer with an older one.
      await queryClient.cancelQueries({ queryKey: key });
      const empty: MyAnswerFiles = { files: [], phoneCapture: null };
      const value =
        typeof next === 'function'
          ? next(queryClient.getQueryData<MyAnswerFiles>(key) ?? empty)
          : next;
      queryClient.setQueryData<MyAnswerFiles>(key, value);
      return value;
    },
    [queryClient, registrationId],
  );
  return { ...query, replace };
}
