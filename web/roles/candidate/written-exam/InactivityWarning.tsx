import { Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitDuration } from '../check-in/checkInView.js';

/** The candidate is warned this long before inactivity submits (INACTIVITY_WARNING_MINUTES). */
export const INACTIVITY_WARNING_MS = 60_000;

interface InactivityWarningProps {
  /** When the server would submit for inactivity, as last read; null: no such rule. */
  submitAt: string | null;
  /** The server clock now (ms). */
  now: number;
  /** Reads the attempt again: saves since the last read have moved the time on. */
  recheck: () => Promise<unknown>;
  /** The candidate is still there: an action the server counts, then a new reading. */
  onStillHere: () => void;
}

/**
 * A minute before inactivity would submit, asks whether the candidate is still there, after
 * reading the time again (typing since the last read moved it). Any key or click answers it.
 */
export function InactivityWarning({ submitAt, now, recheck, onStillHere }: InactivityWarningProps) {
  const { t } = useTranslation();
  const [checkedFor, setCheckedFor] = useState<string | null>(null);
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);
  const isDue = submitAt !== null && now >= Date.parse(submitAt) - INACTIVITY_WARNING_MS;

  useEffect(() => {
    if (!isDue || checkedFor === submitAt) return;
    let isCurrent = true;
    void recheck()
      .catch(() => undefined)
      .then(() => {
        if (isCurrent) setCheckedFor(submitAt);
      });
    return () => {
      isCurrent = false;
    };
  }, [isDue, checkedFor, submitAt, recheck]);

  const isOpen = isDue && checkedFor === submitAt && dismissedFor !== submitAt;
  useEffect(() => {
    if (!isOpen) return;
    const handleAction = () => {
      setDismissedFor(submitAt);
      onStillHere();
    };
    window.addEventListener('keydown', handleAction, { once: true });
    window.addEventListener('pointerdown', handleAction, { once: true });
    return () => {
      window.removeEventListener('keydown', handleAction);
      window.removeEventListener('pointerdown', handleAction);
    };
  }, [isOpen, submitAt, onStillHere]);

  if (!isOpen) return null;
  const { clock } = splitDuration(Date.parse(submitAt) - now);
  return (
    <Modal
      open
      title={t('candidateWrittenExam.inactivity.title')}
      okText={t('candidateWrittenExam.inactivity.continue')}
      cancelButtonProps={{ style: { display: 'none' } }}
      closable={false}
      onOk={() => undefined}
    >
      <Typography.Paragraph style={{ margin: 0 }}>
        {t('candidateWrittenExam.inactivity.detail', { time: clock.slice(3) })}
      </Typography.Paragraph>
    </Modal>
  );
}
