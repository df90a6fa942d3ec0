import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listMyRegistrations } from '../../../shared/api/exams.js';
import { callApi } from '../../api/client.js';
import { useSessionUser } from '../../auth/useSessionUser.js';
import { RoleShell } from '../../layout/RoleShell.js';
import { LoadError } from '../../ui/LoadError.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';
import { AnnouncementList } from './announcements/AnnouncementList.js';
import { useMyAnnouncements } from './announcements/useMyAnnouncements.js';
import { IdentitySummary } from './documents/IdentitySummary.js';
import { InfoCard } from './InfoCard.js';
import { MyExamsTable } from './MyExamsTable.js';

/** `/candidate`: notices, identity documents and 我的考场. */
export function CandidateHomePage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const registrations = useQuery({
    queryKey: ['me', 'registrations'],
    queryFn: () => callApi(listMyRegistrations),
    refetchInterval: 60_000,
  });
  const announcements = useMyAnnouncements();
  const retryAnnouncements = () => void announcements.refetch();
  const welcome = user.schoolName
    ? t('candidate.welcome', { school: user.schoolName })
    : t('candidate.welcomeNoSchool');
  // The welcome already says 云考场; the tab names the page and the school.
  useDocumentTitle([t('candidate.myExams'), user.schoolName]);

  return (
    <RoleShell>
      <Flex vertical gap={24} style={{ maxWidth: 1100, marginInline: 'auto' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {welcome}
        </Typography.Title>
        <Row gutter={[16, 16]}>
          <Col xs={24} md={8}>
            <InfoCard title={t('candidate.schoolNotices')}>
              <AnnouncementList
                items={announcements.data?.school}
                isLoading={announcements.isPending}
                error={announcements.error}
                onRetry={retryAnnouncements}
              />
            </InfoCard>
          </Col>
          <Col xs={24} md={8}>
            <InfoCard title={t('candidate.collegeNotices')}>
              <AnnouncementList
                items={announcements.data?.college}
                isLoading={announcements.isPending}
                error={announcements.error}
                onRetry={retryAnnouncements}
              />
            </InfoCard>
          </Col>
          <Col xs={24} md={8}>
            <InfoCard title={t('candidate.identity')}>
              <IdentitySummary />
            </InfoCard>
          </Col>
        </Row>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('candidate.myExams')}</h2>}>
          {registrations.isError && !registrations.data ? (
            <LoadError error={registrations.error} onRetry={() => void registrations.refetch()} />
          ) : (
            <MyExamsTable
              items={registrations.data?.items ?? []}
              isLoading={registrations.isPending}
            />
          )}
        </Card>
      </Flex>
    </RoleShell>
  );
}
