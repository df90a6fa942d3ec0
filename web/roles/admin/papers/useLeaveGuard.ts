import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/** Whether a path is one of the admin console's pages (`/admin` and below). */
const isConsolePage = (path: string) => path === '/admin' || path.startsWith('/admin/');

/**
 * Asks before unsaved paper edits are lost: the browser's own prompt when the tab is closed or
 * reloaded (`beforeunload`), and 试卷有未保存的修改，确定离开吗？ when the app itself would leave
 * the page (a menu or breadcrumb link, the browser's back and forward buttons: the router's
 * blocker) to another of the console's pages. Nothing is asked while `isDirty` is false, so a
 * save lets the admin go at once.
 */
export function useLeaveGuard(isDirty: boolean): void {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty &&
      currentLocation.pathname !== nextLocation.pathname &&
      // Out of the console is where a logout or an ended session goes, the session already
      // over: staying could save nothing, so that move is not asked.
      isConsolePage(nextLocation.pathname),
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const dialog = modal.confirm({
      title: t('paperEditor.leaveTitle'),
      content: t('paperEditor.leaveHint'),
      okText: t('paperEditor.leave'),
      okButtonProps: { danger: true },
      cancelText: t('paperEditor.keepEditing'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
    return () => dialog.destroy();
  }, [blocker, modal, t]);

  useEffect(() => {
    if (!isDirty) return;
    const handleBeforeUnload = (event: BeforeUnloadEvent) => {
      // The browser shows its own words; preventing the default is what makes it ask.
      event.preventDefault();
    };
    window.addEventListener('beforeunload', handleBeforeUnload);
    return () => window.removeEventListener('beforeunload', handleBeforeUnload);
  }, [isDirty]);
}
