import { Button, Modal, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmMyAttemptWarning } from '../../../../shared/api/attempt-warnings.js';
import type { AttemptWarning } from '../../../../shared/api/written-exam.js';
import { callApi, isApiError } from '../../../api/client.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';

interface ProctorWarningsProps {
  registrationId: string;
  /** The attempt's reminders still to confirm, oldest first, as the server last said. */
  warnings: AttemptWarning[];
  /** Reads the attempt again once one is confirmed. */
  refetch: () => Promise<unknown>;
}

/** How often a confirmation that did not arrive is sent again. */
export const CONFIRM_RETRY_MS = 5_000;

/**
 * 监考老师提醒 (seed 004 rule 7): each reminder a proctor sent blocks the paper until the
 * candidate presses 我已知晓, one after another, oldest first. The clock runs on behind it.
 */
export function ProctorWarnings({ registrationId, warnings, refetch }: ProctorWarningsProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  // Hidden at once when the candidate presses 我已知晓, before the server has heard it: the
  // reminder was read, and a lost network must not keep the paper blocked. The confirmation is
  // sent until it arrives (every CONFIRM_RETRY_MS, and at once when the browser is back online).
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const unsent = useRef(new Set<string>());
  const open = warnings.filter((warning) => !confirmed.has(warning.id));
  const current = open[0];

  const send = useCallback(
    async (warningId: string) => {
      try {
        await callApi(confirmMyAttemptWarning, { params: { registrationId, warningId } });
        unsent.current.delete(warningId);
        void refetch();
      } catch (failure) {
        // A refusal (the attempt closed, the reminder unknown) will not change by sending again.
        if (isApiError(failure) && failure.status < 500 && failure.code !== 'NETWORK') {
          unsent.current.delete(warningId);
        }
      }
    },
    [registrationId, refetch],
  );
  const sendUnsent = useCallback(() => {
    for (const warningId of unsent.current) void send(warningId);
  }, [send]);
  useEffect(() => {
    const timer = window.setInterval(sendUnsent, CONFIRM_RETRY_MS);
    window.addEventListener('online', sendUnsent);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', sendUnsent);
    };
  }, [sendUnsent]);

  const handleConfirm = (warning: AttemptWarning) => {
    setConfirmed((ids) => new Set([...ids, warning.id]));
    unsent.current.add(warning.id);
    void send(warning.id);
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
          <Button key={current.id} type="primary" autoFocus onClick={() => handleConfirm(current)}>
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
        </div>
      ) : null}
    </Modal>
  );
}
