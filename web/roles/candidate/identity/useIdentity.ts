import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  confirmMyIdentity,
  getMyIdentity,
  reportMyIdentity,
  type IdentityCheck,
} from '../../../../shared/api/info-confirmation.js';
import { callApi } from '../../../api/client.js';

/** Under the registrations list's key, so invalidating the list refreshes it too. */
const identityKey = (registrationId: string) => ['me', 'registrations', registrationId, 'identity'];

/** The roster data of one registration as its candidate checks it. */
export function useIdentity(registrationId: string) {
  return useQuery({
    queryKey: identityKey(registrationId),
    queryFn: () => callApi(getMyIdentity, { params: { registrationId } }),
  });
}

function useIdentityMutation<T>(
  registrationId: string,
  send: (input: T) => Promise<IdentityCheck>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (identity) => {
      queryClient.setQueryData(identityKey(registrationId), identity);
      // 我的考场 shows whether the identity is confirmed.
      await queryClient.invalidateQueries({ queryKey: ['me', 'registrations'], exact: true });
    },
  });
}

/** 确认信息. */
export function useConfirmIdentity(registrationId: string) {
  return useIdentityMutation(registrationId, () =>
    callApi(confirmMyIdentity, { params: { registrationId } }),
  );
}

/** 信息有误: sends (or, while one is open, rewrites) the report. */
export function useReportIdentity(registrationId: string) {
  return useIdentityMutation(registrationId, (message: string) =>
    callApi(reportMyIdentity, { params: { registrationId }, body: { message } }),
  );
}
