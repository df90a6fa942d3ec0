import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Empty, Flex, Progress, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  putMark,
  type MarkingOverview,
  type MarkingQuestion,
} from '../../../../shared/api/marking.js';
import { callApi } from '../../../api/client.js';
import { FormNotice } from '../../../forms/FormNotice.js';
import { LoadError } from '../../../ui/LoadError.js';
import { AnswerMarker } from './AnswerMarker.js';
import { markingKeys, useMarkingQuestion } from './useMarking.js';

interface MarkingCardProps {
  examId: string;
  overview: MarkingOverview | undefined;
}

/** 阅卷: choose a subjective question, then mark its anonymised answers one after another. */
export function MarkingCard({ examId, overview }: MarkingCardProps) {
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
    });

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
        <QuestionMarking key={questionId} examId={examId} questionId={questionId} />
      ) : null}
    </Flex>
  );
}

function QuestionMarking({ examId, questionId }: { examId: string; questionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const view = useMarkingQuestion(examId, questionId);
  const [position, setPosition] = useState<number | null>(null);
  const answers = view.data?.answers ?? [];
  const firstUnmarked = answers.findIndex((answer) => answer.mark === null);
  const index = Math.min(position ?? Math.max(firstUnmarked, 0), Math.max(answers.length - 1, 0));
  const current = answers[index];
  const save = useMutation({
    mutationFn: (mark: { attemptId: string; points: number; comment: string }) =>
      callApi(putMark, {
        params: { examId, paperQuestionId: questionId, attemptId: mark.attemptId },
        body: { points: mark.points, comment: mark.comment },
      }),
    onSuccess: async (saved, mark) => {
      const code = answers.find((answer) => answer.attemptId === mark.attemptId)?.code ?? '';
      void message.success(t('writtenMarking.saved', { code, points: saved.mark.points }));
      setPosition(Math.min(index + 1, answers.length - 1));
      await queryClient.invalidateQueries({ queryKey: markingKeys.exam(examId) });
    },
  });

  if (view.isError && !view.data) {
    return <LoadError error={view.error} onRetry={() => void view.refetch()} />;
  }
  if (!view.data) return <Card loading />;
  const { question, isComplete } = view.data;
  const marked = answers.filter((answer) => answer.mark !== null).length;

  return (
    <Flex vertical gap={16}>
      <Card title={t('writtenMarking.referenceAnswer')} size="small">
        <Typography.Paragraph strong>{question.stem}</Typography.Paragraph>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {question.referenceAnswer || t('writtenMarking.noReference')}
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
            {isComplete ? t('writtenMarking.revealed') : t('writtenMarking.anonymous')}
          </Typography.Text>
        ) : null}
      </Flex>
      <FormNotice notice={save.isError ? { kind: 'error', error: save.error } : null} />
      {current ? (
        <AnswerMarker
          key={`${current.attemptId}:${current.mark?.markedAt ?? ''}`}
          answer={current}
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
