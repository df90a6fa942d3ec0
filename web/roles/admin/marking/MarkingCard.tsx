import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Empty, Flex, Progress, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarkingOverview, MarkingQuestion } from '../../../../shared/api/marking.js';
import { FormNotice } from '../../../forms/FormNotice.js';
import { RichText } from '../../../rich-text/RichText.js';
import { LoadError } from '../../../ui/LoadError.js';
import { AnswerMarker } from './AnswerMarker.js';
import { markingKeys, saveMark, useMarkingQuestion, type MarkingRole } from './useMarking.js';

interface MarkingCardProps {
  examId: string;
  overview: MarkingOverview | undefined;
  /** An admin's marking (names once complete) or a 阅卷人's (always anonymous). */
  role?: MarkingRole;
}

/** 阅卷: choose a subjective question, then mark its anonymised answers one after another. */
export function MarkingCard({ examId, overview, role = 'admin' }: MarkingCardProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const questionId = chosen ?? overview?.questions[0]?.paperQuestionId ?? null;
  const label = (question: MarkingQuestion) =>
    (overview && new Set(overview.questions.map((q) => q.paperVersion)).size > 1
      ? t('writtenMarking.versionPrefix', { version: question.paperVersion })
      : '') +
    t('writtenMarking.questionOption', {
      number: question.number,
      type: t(`writtenMarking.types.${question.type}`),
      points: question.points,
      marked: question.markedCount,
      total: question.submittedCount,
    }) +
    (overview?.doubleMarking
      ? t('writtenMarking.questionPending', { count: question.myPendingCount })
      : '');

  if (!overview) return <Card loading />;
  if (overview.questions.length === 0) {
    return <Empty description={t('writtenMarking.noQuestions')} />;
  }
  return (
    <Flex vertical gap={16}>
      {overview.inProgressCount > 0 ? (
        <Alert
          type="info"
          title={t('writtenMarking.inProgress', { count: overview.inProgressCount })}
        />
      ) : null}
      {overview.doubleMarking ? (
        <Alert
          type="warning"
          title={t('writtenMarking.doubleMarkingRule', {
            threshold: overview.doubleMarking.threshold,
          })}
        />
      ) : null}
      <Flex vertical gap={4}>
        <label htmlFor="marking-question">{t('writtenMarking.chooseQuestion')}</label>
        <Select
          id="marking-question"
          value={questionId}
          onChange={(value: string) => setChosen(value)}
          options={overview.questions.map((question) => ({
            value: question.paperQuestionId,
            label: label(question),
          }))}
          style={{ maxWidth: 560 }}
        />
      </Flex>
      {questionId ? (
        <QuestionMarking
          key={questionId}
          examId={examId}
          questionId={questionId}
          role={role}
          isDoubleMarking={overview.doubleMarking !== null}
        />
      ) : null}
    </Flex>
  );
}

interface QuestionMarkingProps {
  examId: string;
  questionId: string;
  role: MarkingRole;
  isDoubleMarking: boolean;
}

function QuestionMarking({ examId, questionId, role, isDoubleMarking }: QuestionMarkingProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const view = useMarkingQuestion(examId, questionId, role);
  const [position, setPosition] = useState<number | null>(null);
  const answers = view.data?.answers ?? [];
  // The first paper waiting for the caller's mark (双评: not one they marked already, which they
  // may still open and correct).
  const firstPending = answers.findIndex(
    (answer) => answer.stage !== 'done' && answer.nextSlot !== null && answer.mark === null,
  );
  const index = Math.min(position ?? Math.max(firstPending, 0), Math.max(answers.length - 1, 0));
  const current = answers[index];
  const save = useMutation({
    mutationFn: (mark: { attemptId: string; points: number; comment: string }) =>
      saveMark(
        role,
        { examId, paperQuestionId: questionId, attemptId: mark.attemptId },
        { points: mark.points, comment: mark.comment },
      ),
    onSuccess: async (saved, mark) => {
      const code = answers.find((answer) => answer.attemptId === mark.attemptId)?.code ?? '';
      void message.success(t('writtenMarking.saved', { code, points: saved.mark.points }));
      setPosition(Math.min(index + 1, answers.length - 1));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: markingKeys.exam(examId) }),
        queryClient.invalidateQueries({ queryKey: markingKeys.markerExams }),
      ]);
    },
  });

  if (view.isError && !view.data) {
    return <LoadError error={view.error} onRetry={() => void view.refetch()} />;
  }
  if (!view.data) return <Card loading />;
  const { question, isComplete } = view.data;
  const marked = answers.filter((answer) => answer.stage === 'done').length;
  const count = (stage: 'first' | 'second' | 'third') =>
    answers.filter((answer) => answer.stage === stage).length;
  const myPending = answers.filter(
    (answer) => answer.stage !== 'done' && answer.nextSlot !== null && answer.mark === null,
  ).length;

  return (
    <Flex vertical gap={16}>
      <Card title={t('writtenMarking.referenceAnswer')} size="small">
        <Typography.Paragraph strong>
          <RichText text={question.stem} />
        </Typography.Paragraph>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {question.referenceAnswer ? (
            <RichText text={question.referenceAnswer} />
          ) : (
            t('writtenMarking.noReference')
          )}
        </Typography.Paragraph>
      </Card>
      <Flex gap={16} align="center" wrap>
        <Typography.Text strong aria-live="polite">
          {t('writtenMarking.progress', { marked, total: answers.length })}
        </Typography.Text>
        <Progress
          percent={answers.length ? Math.round((marked / answers.length) * 100) : 0}
          style={{ width: 200, margin: 0 }}
          aria-hidden
        />
        {/* Nothing submitted yet is not "all marked": say nothing until there are papers. */}
        {answers.length > 0 ? (
          <Typography.Text type="secondary">
            {role === 'marker'
              ? t('writtenMarking.markerAnonymous')
              : isComplete
                ? t('writtenMarking.revealed')
                : t('writtenMarking.anonymous')}
          </Typography.Text>
        ) : null}
      </Flex>
      {isDoubleMarking ? (
        <Typography.Text aria-live="polite">
          {t('writtenMarking.pendingBySlot', {
            first: count('first'),
            second: count('second'),
            third: count('third'),
          })}
          {' · '}
          {t('writtenMarking.myPending', { count: myPending })}
        </Typography.Text>
      ) : null}
      <FormNotice notice={save.isError ? { kind: 'error', error: save.error } : null} />
      {current ? (
        <AnswerMarker
          key={`${current.attemptId}:${current.mark?.markedAt ?? ''}`}
          answer={current}
          isDoubleMarking={isDoubleMarking}
          maxPoints={question.points}
          isSaving={save.isPending}
          onSave={(mark) => save.mutate({ attemptId: current.attemptId, ...mark })}
          onPrevious={index > 0 ? () => setPosition(index - 1) : null}
          onNext={index < answers.length - 1 ? () => setPosition(index + 1) : null}
        />
      ) : (
        <Empty description={t('writtenMarking.noAnswers')} />
      )}
    </Flex>
  );
}
