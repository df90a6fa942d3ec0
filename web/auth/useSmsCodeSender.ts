import { useMutation } from '@tanstack/react-query';
import { sendSmsCode, type AccountKind } from '../../shared/api/auth.js';
import type { SmsPurpose } from '../../shared/enums.js';
import { callApi, isApiError } from '../api/client.js';
import { useCountdown } from '../ui/useCountdown.js';

const DEFAULT_RESEND_SECONDS = 60;

/**
 * Sends SMS codes and counts down until the next send is allowed (the server's numbers win).
 * `accountKind` says whose password a reset code is for.
 */
export function useSmsCodeSender(
  schoolSlug: string,
  purpose: SmsPurpose,
  accountKind: AccountKind = 'candidate',
) {
  const { secondsLeft, start } = useCountdown();
  const mutation = useMutation({
    mutationFn: (phone: string) =>
      callApi(sendSmsCode, { body: { schoolSlug, phone, purpose, accountKind } }),
    onSuccess: (result) => start(result.resendAfterSeconds),
    onError: (error) => {
      if (!isApiError(error)) return;
      if (error.retryAfterSeconds !== undefined) start(error.retryAfterSeconds);
      else if (error.code === 'SMS_TOO_FREQUENT') start(DEFAULT_RESEND_SECONDS);
    },
  });
  return { sendCode: mutation.mutateAsync, isSending: mutation.isPending, secondsLeft };
}
