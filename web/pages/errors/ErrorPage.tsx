import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { PublicShell } from '../../layout/PublicShell.js';
import { NotFoundPage } from './NotFoundPage.js';

/** The router's error boundary: "出错了" and a reload button. */
export function ErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <PublicShell width={560}>
      <Result
        status="error"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('crash.title')}</h1>}
        subTitle={<span role="alert">{t('crash.detail')}</span>}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('app.reload')}
          </Button>
        }
      />
    </PublicShell>
  );
}
