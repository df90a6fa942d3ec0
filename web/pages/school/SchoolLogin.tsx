import { Card, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SchoolPublic } from '../../../shared/api/org.js';
import { localizedName } from '../../i18n/localizedName.js';
import { useLocale } from '../../i18n/useLocale.js';
import { PublicShell } from '../../layout/PublicShell.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';
import { StaffLoginForm } from '../login/StaffLoginForm.js';
import { CandidateLogin } from './CandidateLogin.js';

type Audience = 'candidate' | 'staff';

/** A school's login card: "我是考生" / "我是工作人员", then the matching forms. */
export function SchoolLogin({ school }: { school: SchoolPublic }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [audience, setAudience] = useState<Audience>('candidate');
  // Focus the first field on arrival only; later it would pull focus away from the tabs.
  const [hasInteracted, setHasInteracted] = useState(false);
  const title = t('login.schoolTitle', { school: localizedName(school, locale) });
  // The heading says 云考场 already; the tab reads 登录 · <school> · 云考场.
  useDocumentTitle([t('login.submit'), localizedName(school, locale)]);

  return (
    <PublicShell width={480}>
      <Card>
        <Flex vertical gap={16}>
          <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center', margin: 0 }}>
            {title}
          </Typography.Title>
          <Segmented<Audience>
            block
            aria-label={t('login.role')}
            value={audience}
            onChange={(value) => {
              setAudience(value);
              setHasInteracted(true);
            }}
            options={[
              { value: 'candidate', label: t('login.asCandidate') },
              { value: 'staff', label: t('login.asStaff') },
            ]}
          />
          {audience === 'candidate' ? (
            <CandidateLogin
              school={school}
              autoFocus={!hasInteracted}
              onTabChange={() => setHasInteracted(true)}
            />
          ) : (
            <StaffLoginForm schoolSlug={school.slug} autoFocus={false} />
          )}
          <Link to={`/s/${encodeURIComponent(school.slug)}/ticket`}>{t('ticketLookup.title')}</Link>
          <Link
            to={`/s/${encodeURIComponent(school.slug)}/forgot-password${audience === 'staff' ? '?kind=staff' : ''}`}
            style={{ alignSelf: 'flex-end' }}
          >
            {t('login.forgotPassword')}
          </Link>
        </Flex>
      </Card>
    </PublicShell>
  );
}
