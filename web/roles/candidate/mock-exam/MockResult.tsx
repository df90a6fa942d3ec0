import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MockAttemptDetail, MockQuestionResult } from '../../../../shared/api/mock-attempt.js';
import type { AttemptQuestion } from '../../../../shared/api/written-exam.js';
import type { Answer } from '../../../../shared/questions/answer-schema.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { RichText } from '../../../rich-text/RichText.js';
import { answerText, correctText, isQuestionText } from './answer-text.js';

type Result = NonNullable<MockAttemptDetail['result']>;

const VERDICT_COLORS = { correct: 'green', partial: 'gold', wrong: 'red', unanswered: 'default' };
const preWrap = { whiteSpace: 'pre-wrap', margin: 0 } as const;
const headingId = (paperQuestionId: string) => `mock-result-${paperQuestionId}`;

interface MockResultProps {
  detail: MockAttemptDetail & { result: Result };
  onBack: () => void;
}

/**
 * A submitted mock attempt: the score at once, then each question in the candidate's order with
 * their answer, its points and verdict, and the correct answer where the exam shows them.
 */
export function MockResult({ detail, onBack }: MockResultProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { attempt, result } = detail;
  const questions = new Map(
    attempt.sections.flatMap((s) => s.questions).map((q) => [q.paperQuestionId, q]),
  );
  const answers = new Map(attempt.answers.map((a) => [a.paperQuestionId, a.answer]));
  const hasUnscored = result.questions.some((q) => q.points === null);

  return (
    <Flex vertical gap={12}>
      <Card>
        <Flex vertical gap={4}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {t('candidateMockExam.result.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{attempt.title}</Typography.Text>
          <Typography.Text strong role="status" style={{ fontSize: 20 }}>
            {t('candidateMockExam.result.summary', { points: result.points })}
          </Typography.Text>
          <Typography.Text>
            {t('candidateMockExam.result.scope', {
              scored: result.scoredMaxPoints,
              max: result.maxPoints,
            })}
          </Typography.Text>
          {hasUnscored ? (
            <Typography.Text type="secondary">
              {t('candidateMockExam.result.unscored')}
            </Typography.Text>
          ) : null}
          {result.answersShown ? null : (
            <Typography.Text type="secondary">
              {t('candidateMockExam.result.answersHidden')}
            </Typography.Text>
          )}
          {attempt.submittedAt ? (
            <Typography.Text type="secondary">
              {t('candidateMockExam.result.submittedAt', {
                time: time.dateTime(attempt.submittedAt),
              })}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
      <ol
        aria-label={t('candidateMockExam.result.title')}
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
      >
        {result.questions.map((row) => {
          const question = questions.get(row.paperQuestionId);
          return question ? (
            <li
              key={row.paperQuestionId}
              aria-labelledby={headingId(row.paperQuestionId)}
              style={{ marginBottom: 12 }}
            >
              <QuestionResult
                row={row}
                question={question}
                answer={answers.get(row.paperQuestionId)}
              />
            </li>
          ) : null;
        })}
      </ol>
      <Flex gap={8} wrap>
        <Button type="primary" onClick={onBack}>
          {t('candidateMockExam.back')}
        </Button>
      </Flex>
    </Flex>
  );
}

function QuestionResult({
  row,
  question,
  answer,
}: {
  row: MockQuestionResult;
  question: AttemptQuestion;
  answer: Answer | undefined;
}) {
  const { t } = useTranslation();
  const given = answerText(question.question, answer, t);
  const correct = row.correct ? correctText(question.question, row.correct, t) : null;
  const isEssay = row.correct?.type === 'essay' || row.correct?.type === 'file';
  return (
    <Card size="small">
      <Flex vertical gap={8}>
        <Flex gap={8} align="center" wrap>
          <Typography.Title
            level={2}
            id={headingId(row.paperQuestionId)}
            style={{ fontSize: 16, margin: 0 }}
          >
            {t('candidateWrittenExam.question.heading', { number: row.number })}
          </Typography.Title>
          <Tag>{t(`candidateWrittenExam.question.types.${question.question.type}`)}</Tag>
          {row.verdict ? (
            <Tag color={VERDICT_COLORS[row.verdict]}>
              {t(`candidateMockExam.result.verdicts.${row.verdict}`)}
            </Tag>
          ) : null}
          <Typography.Text strong>
            {row.points === null
              ? t('candidateMockExam.result.notScored')
              : t('candidateMockExam.result.points', { points: row.points, max: row.maxPoints })}
          </Typography.Text>
        </Flex>
        <Typography.Paragraph style={preWrap}>
          <RichText
            text={question.question.stem}
            numberBlanks={question.question.type === 'fill_blank'}
          />
        </Typography.Paragraph>
        <dl style={{ margin: 0 }}>
          <dt>
            <Typography.Text type="secondary">
              {t('candidateMockExam.result.yourAnswer')}
            </Typography.Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Typography.Paragraph style={preWrap}>
              {given === null ? (
                t('candidateMockExam.result.unanswered')
              ) : isQuestionText(question.question.type, 'answer') ? (
                <RichText text={given} />
              ) : (
                given
              )}
            </Typography.Paragraph>
          </dd>
          {correct ? (
            <>
              <dt>
                <Typography.Text type="secondary">
                  {isEssay
                    ? t('candidateMockExam.result.referenceAnswer')
                    : t('candidateMockExam.result.correctAnswer')}
                </Typography.Text>
              </dt>
              <dd style={{ margin: 0 }}>
                <Typography.Paragraph style={preWrap}>
                  {isQuestionText(question.question.type, 'correct') ? (
                    <RichText text={correct} />
                  ) : (
                    correct
                  )}
                </Typography.Paragraph>
              </dd>
            </>
          ) : null}
        </dl>
      </Flex>
    </Card>
  );
}
