import { Alert, Button, Card, Checkbox, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { zh as signalTexts } from './signals/signal-messages.js';

type WatchedItem = Exclude<keyof typeof signalTexts.watched, 'title' | 'note'>;

interface ExamNoticeProps {
  noticeText: string;
  /** What the page will watch, by the exam's rules (MyAttempt). */
  screenShareRequired: boolean;
  copyPasteBlocked: boolean;
  aiMonitored: boolean;
  onConfirm: () => void;
}

/**
 * 考生须知: read and confirmed (已阅读并了解考生须知) before the paper can open, with what the
 * page records during the exam in plain words (issue 15 §1: told before the exam starts).
 */
export function ExamNotice({
  noticeText,
  screenShareRequired,
  copyPasteBlocked,
  aiMonitored,
  onConfirm,
}: ExamNoticeProps) {
  const { t } = useTranslation();
  const watched: WatchedItem[] = [
    ...(aiMonitored ? (['ai'] as const) : []),
    'leave',
    copyPasteBlocked ? 'clipboardBlocked' : 'clipboard',
    'screens',
    'tabs',
    'network',
    ...(screenShareRequired ? (['screenShare'] as const) : []),
  ];
  const [hasRead, setHasRead] = useState(false);
  const [isReminded, setIsReminded] = useState(false);
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('candidateWrittenExam.notice.title')}
        </Typography.Title>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', margin: 0, maxHeight: '50vh', overflowY: 'auto' }}
        >
          {noticeText.trim() === '' ? t('candidateWrittenExam.notice.empty') : noticeText}
        </Typography.Paragraph>
        <section aria-labelledby="exam-notice-watched">
          <Typography.Title id="exam-notice-watched" level={3} style={{ fontSize: 16 }}>
            {t('candidateWrittenExam.signals.watched.title')}
          </Typography.Title>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {watched.map((key) => (
              <li key={key}>{t(`candidateWrittenExam.signals.watched.${key}`)}</li>
            ))}
          </ul>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('candidateWrittenExam.signals.watched.note')}
          </Typography.Paragraph>
        </section>
        <Checkbox
          checked={hasRead}
          onChange={(event) => {
            setHasRead(event.target.checked);
            setIsReminded(false);
          }}
        >
          {t('candidateWrittenExam.notice.confirm')}
        </Checkbox>
        {isReminded ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('candidateWrittenExam.notice.mustConfirm')}
          />
        ) : null}
        <div>
          <Button type="primary" onClick={() => (hasRead ? onConfirm() : setIsReminded(true))}>
            {t('candidateWrittenExam.notice.next')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
