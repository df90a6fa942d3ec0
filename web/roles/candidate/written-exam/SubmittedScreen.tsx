import { Alert, Card, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttemptView } from '../../../../shared/api/written-exam.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';

interface SubmittedScreenProps {
  attempt: Pick<AttemptView, 'title' | 'submittedAt' | 'submitReason'>;
  /** 第n题 of the answers that did not reach the server (the queue was closed), if any. */
  unsavedNumbers: readonly number[];
}

/** Moves focus to the heading once, so a screen reader reads 交卷成功 as the page changes. */
function focusOnMount(element: HTMLHeadingElement | null) {
  element?.focus();
}

/** 交卷成功: when, and why when it was not the candidate; the page may be closed. */
export function SubmittedScreen({ attempt, unsavedNumbers }: SubmittedScreenProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const reason = attempt.submitReason ?? 'manual';
  return (
    <Card>
      <Result
        status="success"
        title={
          <h2 ref={focusOnMount} tabIndex={-1} style={{ font: 'inherit', margin: 0 }}>
            {t('candidateWrittenExam.submitted.title')}
          </h2>
        }
        subTitle={
          <Flex vertical gap={4}>
            <Typography.Text strong>{attempt.title}</Typography.Text>
            {attempt.submittedAt ? (
              <Typography.Text>
                {t('candidateWrittenExam.submitted.at', {
                  time: time.dateTime(attempt.submittedAt),
                })}
              </Typography.Text>
            ) : null}
            <Typography.Text>
              {t(`candidateWrittenExam.submitted.reasons.${reason}`)}
            </Typography.Text>
            <Typography.Text>{t('candidateWrittenExam.submitted.close')}</Typography.Text>
          </Flex>
        }
      />
      <UnsavedAnswers numbers={unsavedNumbers} />
    </Card>
  );
}

/** The questions whose last change the server refused after the exam closed. */
export function UnsavedAnswers({ numbers }: { numbers: readonly number[] }) {
  const { t } = useTranslation();
  if (numbers.length === 0) return null;
  const questions = numbers
    .map((number) => t('candidateWrittenExam.question.heading', { number }))
    .join(t('errors.listSeparator'));
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('candidateWrittenExam.submitted.unsaved', { questions })}
    />
  );
}
