import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { Flex, List, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceReport } from '../../../../../shared/api/check-in.js';
import { describeReport } from './deviceReport.js';

/**
 * 检测报告: one line per item, ok (green tick) or warning, with what was measured. A missing
 * camera reads as replaced by the phone when the exam allows the phone as the primary camera.
 */
export function DeviceReportView({
  report,
  phoneAsPrimaryAllowed = false,
}: {
  report: DeviceReport;
  phoneAsPrimaryAllowed?: boolean;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const missing = report.browser.missing
    .map((name) =>
      name === 'RTCPeerConnection' ||
      name === 'getUserMedia' ||
      name === 'getDisplayMedia' ||
      name === 'screen'
        ? t(`candidateCheckIn.missing.${name}`)
        : name,
    )
    .join(t('errors.listSeparator'));
  return (
    <List
      bordered
      size="small"
      dataSource={describeReport(report, { phoneAsPrimaryAllowed })}
      renderItem={(line) => (
        <List.Item>
          <Flex gap={8} align="baseline" wrap>
            {line.ok ? (
              <CheckCircleFilled style={{ color: token.colorSuccess }} aria-hidden />
            ) : (
              <WarningFilled style={{ color: token.colorWarning }} aria-hidden />
            )}
            <Typography.Text strong>{t(`candidateCheckIn.report.${line.item}`)}</Typography.Text>
            <Typography.Text type={line.ok ? undefined : 'warning'}>
              {line.ok ? t('candidateCheckIn.report.ok') : t('candidateCheckIn.report.warning')}
            </Typography.Text>
            <Typography.Text>{t(line.text, { ...line.values, missing })}</Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
