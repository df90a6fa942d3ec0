import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../auth/useLogout.js';
import { useSessionUser } from '../auth/useSessionUser.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { nameSaysRole, roleWords } from '../i18n/roleWords.js';
import { AppShell } from '../ui/AppShell.js';

/** The frame of every logged-in page, filled from the session user. */
export function RoleShell({ sider, children }: { sider?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const { logout, isPending } = useLogout();
  return (
    <AppShell
      brand={t('app.name')}
      schoolName={user.schoolName}
      userName={user.name}
      roleLabel={nameSaysRole(user.name, roleWords(user.role)) ? null : t(`roles.${user.role}`)}
      logoutLabel={t('app.logout')}
      isLoggingOut={isPending}
      onLogout={logout}
      headerExtra={<LanguageSwitch />}
      sider={sider}
    >
      {children}
    </AppShell>
  );
}
