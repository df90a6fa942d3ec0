import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyWrittenResult } from '../../../shared/api/marking.js';
import { RichText } from '../../rich-text/RichText.js';
import { FileAnswerGallery } from '../../written-files/FileAnswerGallery.js';
import { answerText, correctText, isQuestionText } from './mock-exam/answer-text.js';

type Result = NonNullable<Extract<MyWrittenResult, { published: true }>['result']>;

/**
 * Where the exam shows answers with the result (resultAnswersShown): each question as the
 * candidate saw it, their answer and the correct one (参考答案 for essays). Nothing otherwise.
 */
export function WrittenResultAnswers({
  questions,
  registrationId,
}: {
  questions: Result['questions'];
  /** The candidate's registration: photo answers (上传作答) are shown from it. */
  registrationId?: string;
}) {
  const { t } = useTranslation();
  const shown = questions.flatMap((row) =>
    row.question ? [{ ...row, question: row.question }] : [],
  );
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="written-result-answers">
      <Typography.Title level={3} id="written-result-answers" style={{ fontSize: 16 }}>
        {t('writtenResult.answersTitle')}
      </Typography.Title>
      <Flex vertical gap={8}>
        {shown.map((row) => {
          const isEssay = row.type === 'essay' || row.type === 'file';
          const key = row.correct ? correctText(row.question, row.correct, t) : null;
          const given = answerText(row.question, row.answer ?? undefined, t);
          return (
            <Card key={row.number} size="small">
              <Typography.Text strong>
                {t('writtenResult.questionNumber', { number: row.number })} ·{' '}
                {t('writtenResult.pointsOf', { points: row.points, max: row.maxPoints })}
              </Typography.Text>
              <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
                <RichText text={row.question.stem} numberBlanks={row.type === 'fill_blank'} />
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                {t('candidateMockExam.result.yourAnswer')}
              </Typography.Text>
              {row.answer?.type === 'file' && registrationId !== undefined ? (
                <FileAnswerGallery
                  fileIds={row.answer.fileIds}
                  registrationId={registrationId}
                  size="small"
                />
              ) : (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {given === null ? (
                    t('candidateMockExam.result.unanswered')
                  ) : isQuestionText(row.question.type, 'answer') ? (
                    <RichText text={given} />
                  ) : (
                    given
                  )}
                </Typography.Paragraph>
              )}
              {key ? (
                <>
                  <Typography.Text type="secondary">
                    {t(
                      isEssay
                        ? 'candidateMockExam.result.referenceAnswer'
                        : 'candidateMockExam.result.correctAnswer',
                    )}
                  </Typography.Text>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {isQuestionText(row.question.type, 'correct') ? <RichText text={key} /> : key}
                  </Typography.Paragraph>
                </>
              ) : null}
            </Card>
          );
        })}
      </Flex>
    </section>
  );
}
