import type { ReactNode } from 'react';
import { Card, Descriptions, Drawer, Flex, Image, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  FACE_SNAPSHOT_PATH,
  SESSION_REFERENCE_PHOTO_PATH,
  type FaceCheckResult,
  type StaffCheckInRow,
} from '../../../../shared/api/check-in.js';
import { buildPath } from '../../../../shared/api/contract.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { formatScore } from './checkInFormat.js';
import { ConfirmIdentityButton } from './ConfirmIdentityButton.js';
import { DeviceReportView } from './DeviceReportView.js';
import { LiveCameras } from './LiveCameras.js';
import { PhoneConnectionBadge } from './PhoneConnectionBadge.js';
import { StepStateTag } from './StepStateTag.js';

const PHOTO_WIDTH = 200;

interface CandidateCheckInDrawerProps {
  sessionId: string;
  row: StaffCheckInRow | null;
  onClose: () => void;
  /** The query of the session's check-ins (refreshed after 人工核验). */
  listKey: readonly unknown[];
}

/**
 * One candidate's check-in for staff: the live PC and phone cameras, the face snapshots beside
 * the reference photo (examiners compare them, docs/journeys.md J1), every face check, and the full 检测报告.
 */
export function CandidateCheckInDrawer(props: CandidateCheckInDrawerProps) {
  const { sessionId, row, onClose, listKey } = props;
  const { t } = useTranslation();
  return (
    <Drawer
      open={row !== null}
      title={
        row
          ? t('staffCheckIn.drawerTitle', {
              name: row.candidateName,
              admission: row.admissionNumber,
            })
          : ''
      }
      size={880}
      onClose={onClose}
      destroyOnHidden
    >
      {row && (
        <Flex vertical gap={24}>
          <LiveCameras registrationId={row.registrationId} candidateName={row.candidateName} />
          <FaceComparison sessionId={sessionId} row={row} listKey={listKey} />
          <StepFacts row={row} />
          <DeviceReportView
            report={row.steps.device.report}
            checkedAt={row.steps.device.checkedAt}
          />
        </Flex>
      )}
    </Drawer>
  );
}

function FaceComparison(props: {
  sessionId: string;
  row: StaffCheckInRow;
  listKey: readonly unknown[];
}) {
  const { sessionId, row, listKey } = props;
  const face = row.steps.face;
  // A flagged or still open step can be confirmed by hand with one of the check-in's snapshots.
  const confirmable = face.state === 'flagged' || face.state === 'pending';
  const { t } = useTranslation();
  const { dateTime } = useTimeFormat();
  const referenceUrl = buildPath(SESSION_REFERENCE_PHOTO_PATH, {
    sessionId,
    registrationId: row.registrationId,
  });
  return (
    <section aria-labelledby="face-comparison-title">
      <Typography.Title level={2} id="face-comparison-title" style={{ fontSize: 16 }}>
        {t('staffCheckIn.compareTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('staffCheckIn.compareHint')}</Typography.Paragraph>
      {face.confirmedAt && (
        <Typography.Paragraph>
          <Tag color="success">
            {t('staffCheckIn.identityConfirmedAt', { time: dateTime(face.confirmedAt) })}
          </Tag>
        </Typography.Paragraph>
      )}
      <Flex gap={16} wrap align="flex-start">
        <Card
          size="small"
          title={t('staffCheckIn.referencePhoto')}
          style={{ width: PHOTO_WIDTH + 26 }}
        >
          {row.hasReferencePhoto ? (
            <Image
              src={referenceUrl}
              width={PHOTO_WIDTH}
              alt={t('staffCheckIn.referenceAlt', { name: row.candidateName })}
            />
          ) : (
            <Typography.Text type="secondary">{t('staffCheckIn.noReferencePhoto')}</Typography.Text>
          )}
        </Card>
        {row.faceChecks.length === 0 ? (
          <Typography.Text type="secondary">{t('staffCheckIn.noFaceChecks')}</Typography.Text>
        ) : (
          row.faceChecks.map((check) => (
            <FaceCheckCard key={check.id} check={check} candidateName={row.candidateName}>
              {confirmable && check.source === 'check_in' && (
                <ConfirmIdentityButton
                  sessionId={sessionId}
                  registrationId={row.registrationId}
                  faceCheckId={check.id}
                  candidateName={row.candidateName}
                  listKey={listKey}
                />
              )}
            </FaceCheckCard>
          ))
        )}
      </Flex>
    </section>
  );
}

function FaceCheckCard({
  check,
  candidateName,
  children,
}: {
  check: FaceCheckResult;
  candidateName: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { dateTime } = useTimeFormat();
  const verdict = t(`staffCheckIn.verdict.${check.verdict}`);
  const time = dateTime(check.createdAt);
  return (
    <Card
      size="small"
      style={{ width: PHOTO_WIDTH + 26 }}
      title={
        <Tag color={check.verdict === 'match' ? 'success' : 'error'} style={{ margin: 0 }}>
          {verdict}
        </Tag>
      }
    >
      <Image
        src={buildPath(FACE_SNAPSHOT_PATH, { faceCheckId: check.id })}
        width={PHOTO_WIDTH}
        alt={t('staffCheckIn.snapshotAlt', { name: candidateName, time, verdict })}
      />
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 8 }}
        items={[
          { key: 'time', label: t('staffCheckIn.checkTime'), children: time },
          {
            key: 'source',
            label: t('staffCheckIn.checkSource'),
            children: t(`staffCheckIn.source.${check.source}`),
          },
          {
            key: 'score',
            label: t('staffCheckIn.faceScore'),
            children: `${formatScore(check.score)}（${t('staffCheckIn.threshold', {
              threshold: check.threshold.toFixed(2),
            })}）`,
          },
          ...(check.liveness
            ? [
                {
                  key: 'liveness',
                  label: t('staffCheckIn.liveness'),
                  children: check.liveness.passed
                    ? t('staffCheckIn.livenessPassed')
                    : t('staffCheckIn.livenessFailed'),
                },
              ]
            : []),
        ]}
      />
      {children}
    </Card>
  );
}

function StepFacts({ row }: { row: StaffCheckInRow }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { steps } = row;
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        {
          key: 'device',
          label: t('staffCheckIn.steps.device'),
          children: <StepStateTag step="device" state={steps.device.state} />,
        },
        {
          key: 'face',
          label: t('staffCheckIn.steps.face'),
          children: (
            <>
              <StepStateTag step="face" state={steps.face.state} />{' '}
              {t('staffCheckIn.attempts', {
                attempts: steps.face.attempts,
                allowed: steps.face.attemptsAllowed,
              })}
            </>
          ),
        },
        {
          key: 'pledge',
          label: t('staffCheckIn.steps.pledge'),
          children: (
            <>
              <StepStateTag step="pledge" state={steps.pledge.state} />{' '}
              {steps.pledge.agreedAt
                ? `${t('staffCheckIn.pledgeAgreedAt')} ${time.dateTime(steps.pledge.agreedAt)}`
                : ''}
            </>
          ),
        },
        {
          key: 'phone',
          label: t('staffCheckIn.steps.phone'),
          children: (
            <Flex vertical gap={4}>
              <span>
                <StepStateTag step="phone" state={steps.phone.state} />
              </span>
              <PhoneConnectionBadge
                connection={steps.phone.connection}
                lastSeenAt={steps.phone.lastSeenAt}
              />
              {steps.phone.pairedAt && (
                <span>
                  {t('staffCheckIn.phonePairedAt')} {time.dateTime(steps.phone.pairedAt)}
                </span>
              )}
              {steps.phone.faceVerdict && (
                <span>
                  {t('staffCheckIn.phoneFaceVerdict')}：
                  {t(`staffCheckIn.verdict.${steps.phone.faceVerdict}`)}
                </span>
              )}
            </Flex>
          ),
        },
      ]}
    />
  );
}
