import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmMyAttemptWarning } from '../../../../shared/api/attempt-warnings.js';
import type { AttemptWarning } from '../../../../shared/api/written-exam.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';

interface ProctorWarningsProps {
  registrationId: string;
  /** The attempt's reminders still to confirm, oldest first, as the server last said. */
  warnings: AttemptWarning[];
  /** Reads the attempt again once one is confirmed. */
  refetch: () => Promise<unknown>;
}

/**
 * 监考老师提醒 (seed 004 rule 7): each reminder a proctor sent blocks the paper until the
 * candidate presses 我已知晓, one after another, oldest first. The clock runs on behind it.
 */
export function ProctorWarnings({ registrationId, warnings, refetch }: ProctorWarningsProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const describe = useErrorMessage();
  // Hidden at once when confirmed, before the attempt is read again.
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [isSending, setIsSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = warnings.filter((warning) => !confirmed.has(warning.id));
  const current = open[0];

  const handleConfirm = async (warning: AttemptWarning) => {
    setIsSending(true);
    setError(null);
    try {
      await callApi(confirmMyAttemptWarning, {
        params: { registrationId, warningId: warning.id },
      });
      setConfirmed((ids) => new Set([...ids, warning.id]));
      void refetch();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSending(false);
    }
  };

  const titleId = 'proctor-warning-title';
  const textId = 'proctor-warning-text';
  return (
    <Modal
      open={current !== undefined}
      title={<span id={titleId}>{t('candidateWrittenExam.warning.title')}</span>}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      // The dialog's own aria: a reminder the candidate must answer, read out as it appears.
      modalRender={(node) => (
        <div role="alertdialog" aria-modal aria-labelledby={titleId} aria-describedby={textId}>
          {node}
        </div>
      )}
      footer={
        current ? (
          <Button
            key={current.id}
            type="primary"
            autoFocus
            loading={isSending}
            onClick={() => void handleConfirm(current)}
          >
            {t('candidateWrittenExam.warning.ok')}
          </Button>
        ) : null
      }
    >
      {current ? (
        <div id={textId}>
          <Typography.Paragraph style={{ fontSize: 16, whiteSpace: 'pre-wrap' }}>
            {current.text}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('candidateWrittenExam.warning.sentAt', { time: time.dateTime(current.sentAt) })}
          </Typography.Text>
          {open.length > 1 ? (
            <Typography.Paragraph type="secondary">
              {t('candidateWrittenExam.warning.more', { count: open.length - 1 })}
            </Typography.Paragraph>
          ) : null}
          {error ? (
            <Typography.Paragraph type="danger" role="alert">
              {describe(error)}
            </Typography.Paragraph>
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
