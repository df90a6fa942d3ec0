import { useMutation } from '@tanstack/react-query';
import type { SessionUser } from '../../shared/api/auth.js';
import { useCompleteLogin } from './useCompleteLogin.js';

/** A login form's submit: calls its login route and, on success, completes the login. */
export function useLoginMutation<TValues>(
  login: (values: TValues) => Promise<{ user: SessionUser }>,
  onError?: (error: Error) => void,
) {
  const completeLogin = useCompleteLogin();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => completeLogin(user),
    ...(onError ? { onError } : {}),
  });
}
