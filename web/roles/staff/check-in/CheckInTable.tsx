import { Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffCheckInRow } from '../../../../shared/api/check-in.js';
import { CHECK_IN_STEPS } from '../../../../shared/enums.js';
import { formatScore } from './checkInFormat.js';
import { DeviceSummary } from './DeviceSummary.js';
import { PhoneConnectionBadge } from './PhoneConnectionBadge.js';
import { StepStateTag } from './StepStateTag.js';

interface CheckInTableProps {
  items: StaffCheckInRow[];
  isLoading: boolean;
  onOpen: (registrationId: string) => void;
}

/** One row per candidate: each step's state, the face match, the phone and the device summary. */
export function CheckInTable({ items, isLoading, onOpen }: CheckInTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<StaffCheckInRow> = [
    {
      key: 'candidate',
      title: t('staffCheckIn.candidate'),
      fixed: 'start',
      render: (_value, row) => row.candidateName,
    },
    {
      key: 'admission',
      title: t('staffCheckIn.admissionNumber'),
      render: (_value, row) => row.admissionNumber,
    },
    ...CHECK_IN_STEPS.map((step) => ({
      key: step,
      title: t(`staffCheckIn.steps.${step}`),
      render: (_value: unknown, row: StaffCheckInRow) => (
        <StepStateTag step={step} state={row.steps[step].state} />
      ),
    })),
    {
      key: 'face',
      title: t('staffCheckIn.faceColumn'),
      render: (_value, row) => {
        const { face } = row.steps;
        if (face.lastVerdict === null) return '—';
        return (
          <Flex vertical gap={2}>
            <span>
              {t('staffCheckIn.faceScore')} {formatScore(face.score)}
            </span>
            <Typography.Text type={face.lastVerdict === 'match' ? 'success' : 'danger'}>
              {t(`staffCheckIn.verdict.${face.lastVerdict}`)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('staffCheckIn.attempts', {
                attempts: face.attempts,
                allowed: face.attemptsAllowed,
              })}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      key: 'phoneConnection',
      title: t('staffCheckIn.phoneColumn'),
      render: (_value, row) => (
        <PhoneConnectionBadge
          connection={row.steps.phone.connection}
          lastSeenAt={row.steps.phone.lastSeenAt}
        />
      ),
    },
    {
      key: 'device',
      title: t('staffCheckIn.deviceColumn'),
      render: (_value, row) => <DeviceSummary report={row.steps.device.report} />,
    },
    {
      key: 'details',
      title: t('staffCheckIn.details'),
      fixed: 'end',
      render: (_value, row) => (
        <Button
          size="small"
          onClick={() => onOpen(row.registrationId)}
          aria-label={t('staffCheckIn.detailsOf', { name: row.candidateName })}
        >
          {t('staffCheckIn.details')}
        </Button>
      ),
    },
  ];

  return (
    <Table<StaffCheckInRow>
      rowKey={(row) => row.registrationId}
      aria-label={t('staffCheckIn.tableLabel')}
      loading={isLoading}
      dataSource={items}
      columns={columns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('staffCheckIn.noCandidates') }}
    />
  );
}
