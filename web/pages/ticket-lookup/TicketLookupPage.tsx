import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localizedName } from '../../i18n/localizedName.js';
import { useLocale } from '../../i18n/useLocale.js';
import { PublicShell } from '../../layout/PublicShell.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';
import { SchoolBoundary } from '../school/SchoolBoundary.js';
import { TicketLookupForm } from './TicketLookupForm.js';

/** `/s/:slug/ticket`: 准考证查询 by name, ID number and picture code (docs/journeys.md J4). */
export function TicketLookupPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  useDocumentTitle(t('ticketLookup.title'));

  return (
    <SchoolBoundary>
      {(school) => (
        <PublicShell width={480}>
          <Card>
            <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center' }}>
              {t('ticketLookup.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
              {t('login.schoolTitle', { school: localizedName(school, locale) })}
            </Typography.Paragraph>
            <Typography.Paragraph>{t('ticketLookup.intro')}</Typography.Paragraph>
            <TicketLookupForm schoolSlug={school.slug} />
            <Link
              to={`/s/${encodeURIComponent(school.slug)}`}
              style={{ display: 'inline-block', marginTop: 16 }}
            >
              {t('ticketLookup.backToLogin')}
            </Link>
          </Card>
        </PublicShell>
      )}
    </SchoolBoundary>
  );
}
