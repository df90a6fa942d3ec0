import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Readiness, Ticket } from '../../../../shared/api/interviews.js';

const COLORS: Record<Readiness, string> = {
  unmarked: 'default',
  ready: 'success',
  not_ready: 'error',
};

/** 未标记 / 已就绪 / 未就绪, with the examiner's note under it. */
export function ReadinessTag({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} align="flex-start">
      <Tag color={COLORS[ticket.readiness]} data-testid="readiness">
        {t(`staffWaitingRoom.readiness.${ticket.readiness}`)}
      </Tag>
      {ticket.readinessNote && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ticket.readinessNote}
        </Typography.Text>
      )}
    </Flex>
  );
}
