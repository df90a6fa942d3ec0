import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { PublicLayout } from '../ui/PublicLayout.js';

/** The frame of pages seen before login. */
export function PublicShell({ width, children }: { width?: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <PublicLayout brand={t('app.fullName')} headerExtra={<LanguageSwitch />} width={width}>
      {children}
    </PublicLayout>
  );
}
