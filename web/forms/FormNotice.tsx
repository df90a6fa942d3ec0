import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/errors.js';

/** What a form reports above its fields; kept as data so it follows a language switch. */
export type FormNoticeState =
  { kind: 'error'; error: unknown } | { kind: 'codeSent'; expiresInSeconds: number };

/** The message above a form: errors as role="alert", confirmations as role="status". */
export function FormNotice({ notice }: { notice: FormNoticeState | null }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  if (!notice) return null;
  switch (notice.kind) {
    case 'error':
      return (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={describe(notice.error)}
          style={{ marginBottom: 16 }}
        />
      );
    case 'codeSent':
      return (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('login.codeSent', {
            minutes: Math.max(1, Math.round(notice.expiresInSeconds / 60)),
          })}
          style={{ marginBottom: 16 }}
        />
      );
  }
}
