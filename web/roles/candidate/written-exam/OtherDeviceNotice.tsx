import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

interface OtherDeviceNoticeProps {
  /** The questions whose answer another device saved last, now shown here; oldest first. */
  questions: readonly { paperQuestionId: string; number: number }[];
  onDismiss: (paperQuestionId: string) => void;
}

/**
 * Says which questions now show the answer saved on another device (the same candidate on a
 * second computer or browser): the answer made here was older and is not kept. The live
 * region is always there, so a screen reader says each notice as it appears.
 */
export function OtherDeviceNotice({ questions, onDismiss }: OtherDeviceNoticeProps) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} role="status" aria-live="polite">
      {questions.map(({ paperQuestionId, number }) => (
        <Alert
          key={paperQuestionId}
          type="info"
          showIcon
          // Polite, inside the status: not an alert that would cut the screen reader short.
          role="none"
          closable={{
            'aria-label': t('candidateWrittenExam.save.otherDeviceClose'),
            onClose: () => onDismiss(paperQuestionId),
          }}
          title={t('candidateWrittenExam.save.otherDevice', { number })}
        />
      ))}
    </Flex>
  );
}
