import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AiMonitorState } from './useAiMonitor.js';

/**
 * What the AI monitor sees now, told to the candidate as it happens (seed 004: 系统进行多次提醒):
 * one line per condition while it lasts, and a line when the monitor cannot run.
 */
export function AiReminders({ monitor }: { monitor: AiMonitorState }) {
  const { t } = useTranslation();
  if (monitor.status === 'unavailable') {
    return (
      <Alert
        type="info"
        showIcon
        role="status"
        title={t('candidateWrittenExam.signals.ai.unavailable')}
      />
    );
  }
  if (monitor.status !== 'running' || monitor.active.length === 0) return null;
  return (
    <Flex vertical gap={8} role="alert">
      {monitor.active.map((condition) => (
        <Alert
          key={condition}
          type="warning"
          showIcon
          title={t(`candidateWrittenExam.signals.ai.${condition}`)}
          description={t('candidateWrittenExam.signals.ai.recorded')}
        />
      ))}
    </Flex>
  );
}
