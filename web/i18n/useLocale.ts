import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { setLocale, type SessionUser } from '../../shared/api/auth.js';
import type { Locale } from '../../shared/enums.js';
import { callApi } from '../api/client.js';
import { sessionQueryKey } from '../auth/session.js';
import { applyLocale, DEFAULT_LOCALE, isLocale } from './index.js';

/** The interface language and a setter that remembers it locally and, when logged in, on the account. */
export function useLocale(): { locale: Locale; changeLocale: (locale: Locale) => void } {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;

  const changeLocale = useCallback(
    (next: Locale) => {
      applyLocale(next);
      const user = queryClient.getQueryData<SessionUser | null>(sessionQueryKey);
      if (!user || user.locale === next) return;
      callApi(setLocale, { body: { locale: next } }).then(
        (result) => queryClient.setQueryData(sessionQueryKey, result.user),
        // The switch already happened on this device; the account keeps its old choice.
        () => undefined,
      );
    },
    [queryClient],
  );

  return { locale, changeLocale };
}
