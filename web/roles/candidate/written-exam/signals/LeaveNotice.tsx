import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface LeaveNoticeProps {
  /** The number of times the page was left, while the notice is shown. */
  count: number | null;
  onConfirm: () => void;
}

/**
 * The notice on coming back to the paper (seed 003): it names how often the page was left and
 * stays until the candidate confirms it (no close button, no click outside, Esc confirms).
 */
export function LeaveNotice({ count, onConfirm }: LeaveNoticeProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={count !== null}
      title={t('candidateWrittenExam.signals.leave.title')}
      closable={false}
      mask={{ closable: false }}
      onCancel={onConfirm}
      footer={
        <Button type="primary" autoFocus onClick={onConfirm}>
          {t('candidateWrittenExam.signals.leave.ok')}
        </Button>
      }
    >
      <Typography.Paragraph>
        {t('candidateWrittenExam.signals.leave.detail', { count: count ?? 0 })}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {t('candidateWrittenExam.signals.leave.advice')}
      </Typography.Paragraph>
    </Modal>
  );
}
