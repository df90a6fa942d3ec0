import { Card, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localizedName } from '../../i18n/localizedName.js';
import { useLocale } from '../../i18n/useLocale.js';
import { PublicShell } from '../../layout/PublicShell.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';
import { SchoolBoundary } from '../school/SchoolBoundary.js';
import { ResetPasswordForm } from './ResetPasswordForm.js';

/** `/s/:slug/forgot-password`: a new password by phone and SMS code (seed 004). */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [isDone, setIsDone] = useState(false);
  useDocumentTitle(t('password.forgotTitle'));

  return (
    <SchoolBoundary>
      {(school) => {
        const loginPath = `/s/${encodeURIComponent(school.slug)}`;
        return (
          <PublicShell width={480}>
            <Card>
              {isDone ? (
                <Result
                  status="success"
                  title={<span role="status">{t('password.resetDone')}</span>}
                  subTitle={t('password.resetDoneDetail')}
                  extra={<Link to={loginPath}>{t('password.backToLogin')}</Link>}
                />
              ) : (
                <>
                  <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center' }}>
                    {t('password.forgotTitle')}
                  </Typography.Title>
                  <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
                    {t('login.schoolTitle', { school: localizedName(school, locale) })}
                  </Typography.Paragraph>
                  <Typography.Paragraph>{t('password.forgotIntro')}</Typography.Paragraph>
                  <ResetPasswordForm schoolSlug={school.slug} onDone={() => setIsDone(true)} />
                  <Link to={loginPath}>{t('password.backToLogin')}</Link>
                </>
              )}
            </Card>
          </PublicShell>
        );
      }}
    </SchoolBoundary>
  );
}
