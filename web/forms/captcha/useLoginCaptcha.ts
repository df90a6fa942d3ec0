import { useState } from 'react';
import { getLoginCaptcha } from '../../../shared/api/captcha.js';
import { callApi, isApiError } from '../../api/client.js';
import { useCaptcha } from './useCaptcha.js';

/** The form field that holds the typed answer. */
export const CAPTCHA_ANSWER_FIELD = 'captchaAnswer';

/**
 * The picture code of a login form: hidden until the server answers CAPTCHA_REQUIRED (after
 * failed logins), then shown and renewed after every attempt, since each one uses it up.
 */
export function useLoginCaptcha() {
  const [isShown, setIsShown] = useState(false);
  const captcha = useCaptcha(['captcha', 'login'], () => callApi(getLoginCaptcha), isShown);
  return {
    ...captcha,
    isShown,
    /** Call after a failed login: shows the code if the server asked for one, else renews it. */
    handleFailure(error: unknown): void {
      const isAsked = isApiError(error, 'CAPTCHA_REQUIRED') || isApiError(error, 'CAPTCHA_INVALID');
      if (isAsked && !isShown) setIsShown(true);
      else if (isShown) captcha.refresh();
    },
    /** What the login sends: the current code and its answer, once the code is shown. */
    solution(answer: string | undefined): { captchaId?: string; captchaAnswer?: string } {
      return isShown && captcha.captchaId && answer
        ? { captchaId: captcha.captchaId, captchaAnswer: answer }
        : {};
    },
  };
}

export type LoginCaptcha = ReturnType<typeof useLoginCaptcha>;
