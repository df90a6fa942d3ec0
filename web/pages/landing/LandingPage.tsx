import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listSchools } from '../../../shared/api/org.js';
import { callApi } from '../../api/client.js';
import { useLocale } from '../../i18n/useLocale.js';
import { PublicShell } from '../../layout/PublicShell.js';
import { LoadError } from '../../ui/LoadError.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';
import { SchoolList } from './SchoolList.js';

/** "/": the product, the hosted schools and the platform admin login. */
export function LandingPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  useDocumentTitle(null);
  const schools = useQuery({ queryKey: ['schools'], queryFn: () => callApi(listSchools) });

  return (
    <PublicShell width={720}>
      <Flex vertical gap={24}>
        <div>
          <Typography.Title level={1}>云考场 Invigil</Typography.Title>
          <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        </div>
        {schools.data?.demo === true && (
          <Alert
            type="info"
            showIcon
            title={t('landing.demoTitle')}
            description={
              <>
                {t('landing.demoHint')} <Link to="/dev/outbox">{t('landing.outboxLink')}</Link>
              </>
            }
          />
        )}
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('landing.chooseSchool')}</h2>}>
          {schools.isError ? (
            <LoadError error={schools.error} onRetry={() => void schools.refetch()} />
          ) : (
            <SchoolList
              schools={schools.data?.items}
              locale={locale}
              emptyText={t('landing.noSchools')}
            />
          )}
        </Card>
        <Link to="/login">{t('landing.adminLogin')}</Link>
      </Flex>
    </PublicShell>
  );
}
