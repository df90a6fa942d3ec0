import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PublicShell } from '../../layout/PublicShell.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';
import { StaffLoginForm } from './StaffLoginForm.js';

/** `/login`: platform administrators, who belong to no school. */
export function PlatformLoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.platformTitle'));
  return (
    <PublicShell width={480}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center' }}>
          {t('login.platformTitle')}
        </Typography.Title>
        <StaffLoginForm autoFocus />
      </Card>
    </PublicShell>
  );
}
