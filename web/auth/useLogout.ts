import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useNavigate } from 'react-router';
import { logout } from '../../shared/api/auth.js';
import { callApi, isApiError } from '../api/client.js';
import { useErrorMessage } from '../api/errors.js';
import { loginPathFor } from './paths.js';
import { forgetUserData } from './session.js';
import { useSessionUser } from './useSessionUser.js';

/** Ends the session and returns to the page the user logged in from. */
export function useLogout(): { logout: () => void; isPending: boolean } {
  const user = useSessionUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const leave = async () => {
    await navigate(loginPathFor(user), { replace: true });
    forgetUserData(queryClient, null);
  };
  const mutation = useMutation({
    mutationFn: () => callApi(logout),
    onSuccess: leave,
    onError: async (error) => {
      if (isApiError(error, 'UNAUTHENTICATED')) await leave();
      else void message.error(describe(error));
    },
  });
  return { logout: () => mutation.mutate(), isPending: mutation.isPending };
}
