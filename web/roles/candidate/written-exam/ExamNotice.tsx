import { Alert, Button, Card, Checkbox, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ExamNoticeProps {
  noticeText: string;
  onConfirm: () => void;
}

/** 考生须知: read and confirmed (已阅读并了解考生须知) before the paper can open. */
export function ExamNotice({ noticeText, onConfirm }: ExamNoticeProps) {
  const { t } = useTranslation();
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
