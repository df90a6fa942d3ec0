import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceReport } from '../../../../shared/api/check-in.js';
import { deviceProblems } from './checkInFormat.js';

/** A device check in one cell: not checked, 正常, or a tag per failed part. */
export function DeviceSummary({ report }: { report: DeviceReport | null }) {
  const { t } = useTranslation();
  if (!report) return t('staffCheckIn.deviceNotChecked');
  const problems = deviceProblems(report);
  if (problems.length === 0) return <Tag color="success">{t('staffCheckIn.deviceOk')}</Tag>;
  return (
    <Flex gap={4} wrap>
      {problems.map((part) => (
        <Tag key={part} color="warning">
          {t(`staffCheckIn.report.${part}`)}
        </Tag>
      ))}
    </Flex>
  );
}
