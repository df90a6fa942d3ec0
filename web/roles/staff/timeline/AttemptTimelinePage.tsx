import { DownloadOutlined, WarningFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Descriptions, Flex, Image, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { eventSnapshot } from '../../../../shared/api/attempt-evidence.js';
import {
  ATTEMPT_TIMELINE_REPORT_PATH,
  getAttemptTimeline,
  TIMELINE_GROUPS,
  timelineGroupOf,
  type TimelineEntry,
  type TimelineGroup,
} from '../../../../shared/api/attempt-timeline.js';
import { buildPath } from '../../../../shared/api/contract.js';
import { callApi } from '../../../api/client.js';
import { useSessionUser } from '../../../auth/useSessionUser.js';
import { RoleShell } from '../../../layout/RoleShell.js';
import { LoadError } from '../../../ui/LoadError.js';
import { PageHeading } from '../../../ui/PageHeading.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { useTimelineWords } from './useTimelineWords.js';

/** `HH:mm:ss` in the school's zone: entries of one attempt fall within hours of each other. */
function useClockTime(): (iso: string) => string {
  const user = useSessionUser();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: user.schoolTimeZone ?? undefined,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    return (iso: string) => format.format(new Date(iso));
  }, [user.schoolTimeZone]);
}

/** Thumbnail width: enough to see who is in the frame; a click opens it full size. */
const SNAPSHOT_WIDTH = 160;

/**
 * The AI monitor's picture of a flag. Loaded lazily: each load is a view the server audits, so
 * flags scrolled past are not counted as seen.
 */
function EntrySnapshot({
  entry,
  registrationId,
}: {
  entry: TimelineEntry;
  registrationId: string;
}) {
  const { t } = useTranslation();
  const words = useTimelineWords();
  const clock = useClockTime();
  if (!entry.hasSnapshot || !entry.eventId) return null;
  return (
    <div style={{ marginBlock: 4 }}>
      <Image
        src={buildPath(eventSnapshot.path, { registrationId, eventId: entry.eventId })}
        width={SNAPSHOT_WIDTH}
        loading="lazy"
        alt={t('staffTimeline.snapshotAlt', { label: words.label(entry), time: clock(entry.at) })}
      />
    </div>
  );
}

function EntryItem({ entry, registrationId }: { entry: TimelineEntry; registrationId: string }) {
  const { t } = useTranslation();
  const words = useTimelineWords();
  const clock = useClockTime();
  const time = useTimeFormat();
  const detail = words.detail(entry);
  return (
    <li
      style={{
        listStyle: 'none',
        padding: '8px 12px',
        borderInlineStart: `4px solid ${entry.isSignal ? '#cf1322' : '#d9d9d9'}`,
        background: entry.isSignal ? '#fff1f0' : undefined,
      }}
    >
      <Flex gap={12} wrap align="baseline">
        <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
          <time dateTime={entry.at} title={time.dateTime(entry.at)}>
            {clock(entry.at)}
          </time>
        </Typography.Text>
        {entry.isSignal ? (
          <Tag color="error" icon={<WarningFilled aria-hidden />}>
            {t('staffTimeline.signalTag')}
          </Tag>
        ) : null}
        <Typography.Text strong={entry.isSignal}>{words.label(entry)}</Typography.Text>
        <Typography.Text type="secondary">
          {t(`staffTimeline.groups.${timelineGroupOf(entry)}`)}
        </Typography.Text>
      </Flex>
      {detail ? <div>{detail}</div> : null}
      <EntrySnapshot entry={entry} registrationId={registrationId} />
      {entry.actorName || entry.clientAt ? (
        <Typography.Text type="secondary">
          {[
            entry.actorName ? t('staffTimeline.by', { name: entry.actorName }) : null,
            entry.clientAt ? t('staffTimeline.pageTime', { time: clock(entry.clientAt) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      ) : null}
    </li>
  );
}

/**
 * `/proctor|admin/sessions/:sessionId/attempts/:registrationId/timeline`: one candidate's
 * written attempt on the server's time axis (issue 15 §3), filtered by kind, signals marked in
 * words as well as colour, and the HTML report to download. Each load is audited by the server,
 * so the page does not refetch on its own.
 */
export function AttemptTimelinePage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const user = useSessionUser();
  const { sessionId = '', registrationId = '' } = useParams();
  const timeline = useQuery({
    queryKey: ['registrations', registrationId, 'attempt', 'timeline'],
    queryFn: () => callApi(getAttemptTimeline, { params: { registrationId } }),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  const [groups, setGroups] = useState<TimelineGroup[]>([...TIMELINE_GROUPS]);
  const [signalsOnly, setSignalsOnly] = useState(false);
  const isAdmin = user.role === 'school_admin' || user.role === 'college_admin';
  const data = timeline.data;
  const title = data
    ? t('staffTimeline.titleOf', {
        name: data.candidate.name,
        number: data.candidate.admissionNumber,
      })
    : t('staffTimeline.title');
  useDocumentTitle(title);

  const entries = data?.entries ?? [];
  const counts = new Map<TimelineGroup, number>();
  for (const entry of entries) {
    const group = timelineGroupOf(entry);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const shown = entries.filter(
    (entry) => groups.includes(timelineGroupOf(entry)) && (!signalsOnly || entry.isSignal),
  );
  const attempt = data?.attempt ?? null;
  const state = attempt?.state ?? 'not_started';

  const page = (
    <Flex vertical gap={16}>
      <PageHeading
        back={{
          to: `/${isAdmin ? 'admin' : 'proctor'}/sessions/${sessionId}/attempts`,
          label: t('staffTimeline.back'),
        }}
        title={title}
        subtitle={data ? `${data.examName} · ${data.sessionName}` : undefined}
      />
      {timeline.isError ? (
        <LoadError error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : data ? (
        <>
          <Card>
            <Flex vertical gap={12}>
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                {t('staffTimeline.summaryLabel')}
              </Typography.Title>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                items={[
                  {
                    key: 'state',
                    label: t('staffTimeline.state'),
                    children: t(`staffTimeline.states.${state}`),
                  },
                  {
                    key: 'started',
                    label: t('staffTimeline.startedAt'),
                    children: attempt ? time.dateTime(attempt.startedAt) : '—',
                  },
                  {
                    key: 'deadline',
                    label: t('staffTimeline.deadline'),
                    children: attempt ? time.dateTime(attempt.deadline) : '—',
                  },
                  {
                    key: 'submitted',
                    label: t('staffTimeline.submittedAt'),
                    children: attempt?.submittedAt
                      ? `${time.dateTime(attempt.submittedAt)} ${attempt.submitReason ? t(`staffTimeline.reasons.${attempt.submitReason}`) : ''}`
                      : '—',
                  },
                  {
                    key: 'signals',
                    label: t('staffTimeline.signalTotal'),
                    children: t('staffTimeline.signalTotalCount', {
                      count: entries.filter((entry) => entry.isSignal).length,
                    }),
                  },
                ]}
              />
              <Flex gap={8} wrap align="center">
                <Button
                  icon={<DownloadOutlined aria-hidden />}
                  href={buildPath(ATTEMPT_TIMELINE_REPORT_PATH, { registrationId })}
                  download
                >
                  {t('staffTimeline.download')}
                </Button>
                <Typography.Text type="secondary">
                  {t('staffTimeline.downloadHint')}
                </Typography.Text>
              </Flex>
            </Flex>
          </Card>
          <Card>
            <Flex vertical gap={12}>
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                {t('staffTimeline.listLabel')}
              </Typography.Title>
              {attempt === null ? (
                <Typography.Text>{t('staffTimeline.notStarted')}</Typography.Text>
              ) : (
                <>
                  <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                    <legend style={{ fontWeight: 600, marginBottom: 4 }}>
                      {t('staffTimeline.groupsLabel')}
                    </legend>
                    <Flex gap={16} wrap align="center">
                      <Checkbox.Group
                        value={groups}
                        onChange={(values) => setGroups(values)}
                        options={TIMELINE_GROUPS.map((group) => ({
                          value: group,
                          label: t('staffTimeline.groupOption', {
                            label: t(`staffTimeline.groups.${group}`),
                            count: counts.get(group) ?? 0,
                          }),
                        }))}
                      />
                      <Checkbox
                        checked={signalsOnly}
                        onChange={(event) => setSignalsOnly(event.target.checked)}
                      >
                        {t('staffTimeline.signalsOnly')}
                      </Checkbox>
                    </Flex>
                  </fieldset>
                  <Typography.Text type="secondary" aria-live="polite">
                    {t('staffTimeline.shownCount', { shown: shown.length, total: entries.length })}{' '}
                    {t('staffTimeline.serverTimeNote', { zone: time.zoneName })}
                  </Typography.Text>
                  {shown.length === 0 ? (
                    <Typography.Text>{t('staffTimeline.noEntries')}</Typography.Text>
                  ) : (
                    <ol
                      aria-label={t('staffTimeline.listLabel')}
                      style={{ margin: 0, padding: 0, display: 'grid', gap: 8 }}
                    >
                      {shown.map((entry, index) => (
                        <EntryItem
                          key={`${entry.at}-${String(index)}`}
                          entry={entry}
                          registrationId={registrationId}
                        />
                      ))}
                    </ol>
                  )}
                </>
              )}
            </Flex>
          </Card>
        </>
      ) : (
        <Card loading />
      )}
    </Flex>
  );
  // Admin pages sit inside the admin console's shell already; staff pages bring their own.
  return isAdmin ? page : <RoleShell>{page}</RoleShell>;
}
