import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { zhCN } from '../i18n/resources/zhCN.js';
import { isApiError } from './ApiError.js';

type IssueCode = keyof typeof zhCN.issues;

function isIssueCode(message: string): message is IssueCode {
  return Object.hasOwn(zhCN.issues, message);
}

/** Translates a validation issue code of the shared schemas (INVALID_PHONE, …), if it is one. */
export function issueText(message: string | undefined, t: TFunction): string | null {
  return message !== undefined && isIssueCode(message) ? t(`issues.${message}`) : null;
}

// Codes whose sentence already tells the user when to retry (the send-code button counts down).
const SELF_TIMED_CODES = new Set(['SMS_TOO_FREQUENT', 'SMS_DAILY_LIMIT']);

/** Turns any thrown value into one sentence in the current language. */
export function describeError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.UNKNOWN');
  const message = t(`errors.${error.code}`);
  if (error.code === 'INTERNAL' && error.requestId) {
    return t('errors.withRequestId', { message, requestId: error.requestId });
  }
  if (error.code === 'SMS_TOO_FREQUENT' && error.retryAfterSeconds !== undefined) {
    return t('errors.smsTooFrequentWait', { seconds: error.retryAfterSeconds });
  }
  if (error.code === 'VALIDATION_FAILED') {
    const details = [
      ...new Set(error.issues.map((issue) => issue.message).filter(isIssueCode)),
    ].map((code) => t(`issues.${code}`));
    if (details.length > 0)
      return t('errors.withDetails', { message, details: details.join(t('errors.listSeparator')) });
  }
  if (
    (error.code === 'SCORE_CRITERION_MISSING' || error.code === 'FORMULA_INVALID') &&
    error.issues.length > 0
  ) {
    // The issues name the criteria left empty, as the scoring form calls them, or give
    // KaTeX's reason for each formula it could not parse.
    const details = error.issues.map((issue) => issue.message).join(t('errors.listSeparator'));
    return t('errors.withDetails', { message, details });
  }
  if (error.retryAfterSeconds !== undefined && !SELF_TIMED_CODES.has(error.code)) {
    return t('errors.retryAfter', { message, seconds: error.retryAfterSeconds });
  }
  return message;
}

/** `describeError` bound to the current language; re-renders with it. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => describeError(error, t), [t]);
}
