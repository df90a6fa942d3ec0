import { Card, Empty, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadError } from '../../../ui/LoadError.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { useExamSessions } from '../exams/useExamAdmin.js';
import { ROSTER_SESSION_PARAM } from './rosterLinks.js';
import { SessionRosterTable } from './SessionRosterTable.js';

/** 考场名单: one tab per session of the exam; the chosen one is kept in the address. */
export function SessionRosters({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const sessions = useExamSessions(examId);
  const [searchParams, setSearchParams] = useSearchParams();
  const items = sessions.data?.items ?? [];
  const wanted = searchParams.get(ROSTER_SESSION_PARAM);
  const activeKey = items.some((session) => session.id === wanted) ? wanted : items[0]?.id;

  const chooseSession = (sessionId: string) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set(ROSTER_SESSION_PARAM, sessionId);
        return next;
      },
      { replace: true },
    );
  };

  let body;
  if (sessions.isError && !sessions.data) {
    body = <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  } else if (sessions.isPending) {
    body = <Card loading variant="borderless" />;
  } else if (items.length === 0) {
    body = <Empty description={t('adminRoster.noSessions')} />;
  } else {
    body = (
      <Tabs
        activeKey={activeKey ?? undefined}
        onChange={chooseSession}
        aria-label={t('adminRoster.chooseSession')}
        destroyOnHidden
        items={items.map((session) => ({
          key: session.id,
          label: t('adminRoster.sessionTab', { name: session.name, count: session.candidateCount }),
          children: (
            <>
              <Typography.Paragraph type="secondary">
                {time.timeRange(session.startsAt, session.endsAt)}
              </Typography.Paragraph>
              <SessionRosterTable sessionId={session.id} />
            </>
          ),
        }))}
      />
    );
  }

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('adminRoster.sessionsTitle')}
        </Typography.Title>
      }
    >
      {body}
    </Card>
  );
}
