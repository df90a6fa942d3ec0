import { Card, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AccountKind } from '../../../shared/api/auth.js';
import type { FormNoticeState } from '../../forms/FormNotice.js';
import { localizedName } from '../../i18n/localizedName.js';
import { useLocale } from '../../i18n/useLocale.js';
import { PublicShell } from '../../layout/PublicShell.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';
import { SchoolBoundary } from '../school/SchoolBoundary.js';
import { ResetPasswordForm } from './ResetPasswordForm.js';
import { ResetVerifyForm, type VerifiedReset } from './ResetVerifyForm.js';

type Step =
  | { name: 'verify'; notice: FormNoticeState | null }
  | { name: 'choose'; verified: VerifiedReset }
  | { name: 'done' };

/**
 * `/s/:slug/forgot-password` (docs/journeys.md J5): 考生 or 工作人员, phone and SMS code, then the one
 * account to reset and its new password. `?kind=staff` comes from the staff login.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [searchParams] = useSearchParams();
  const initialKind: AccountKind = searchParams.get('kind') === 'staff' ? 'staff' : 'candidate';
  const [step, setStep] = useState<Step>({ name: 'verify', notice: null });
  useDocumentTitle(t('password.forgotTitle'));

  return (
    <SchoolBoundary>
      {(school) => {
        const loginPath = `/s/${encodeURIComponent(school.slug)}`;
        return (
          <PublicShell width={480}>
            <Card>
              {step.name === 'done' ? (
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
                  {step.name === 'verify' ? (
                    <ResetVerifyForm
                      schoolSlug={school.slug}
                      initialKind={initialKind}
                      initialNotice={step.notice}
                      onVerified={(verified) => setStep({ name: 'choose', verified })}
                    />
                  ) : (
                    <ResetPasswordForm
                      schoolSlug={school.slug}
                      verified={step.verified}
                      onDone={() => setStep({ name: 'done' })}
                      onExpired={(error) =>
                        setStep({ name: 'verify', notice: { kind: 'error', error } })
                      }
                      onStartOver={() => setStep({ name: 'verify', notice: null })}
                    />
                  )}
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
