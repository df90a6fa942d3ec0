import { Button, Card, Flex, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarkingAnswer } from '../../../../shared/api/marking.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';

interface AnswerMarkerProps {
  answer: MarkingAnswer;
  maxPoints: number;
  isSaving: boolean;
  onSave: (mark: { points: number; comment: string }) => void;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
}

/** One anonymised answer with its points and comment; Enter in the points box saves. */
export function AnswerMarker({
  answer,
  maxPoints,
  isSaving,
  onSave,
  onPrevious,
  onNext,
}: AnswerMarkerProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const pointsId = useId();
  const commentId = useId();
  const [points, setPoints] = useState<number | null>(answer.mark?.points ?? null);
  const [comment, setComment] = useState(answer.mark?.comment ?? '');
  const save = () => {
    if (points === null || isSaving) return;
    onSave({ points, comment });
  };

  return (
    <Card
      title={
        <Space>
          {t('writtenMarking.answerOf', { code: answer.code })}
          {answer.candidate ? (
            <Typography.Text type="secondary">
              {t('writtenMarking.candidateOf', answer.candidate)}
            </Typography.Text>
          ) : null}
        </Space>
      }
      extra={
        answer.mark ? (
          <Tag color="green">
            {t('writtenMarking.markedBy', {
              name: answer.mark.markerName,
              points: answer.mark.points,
              time: time.dateTime(answer.mark.markedAt),
            })}
          </Tag>
        ) : (
          <Tag>{t('writtenMarking.notMarked')}</Tag>
        )
      }
    >
      <Flex vertical gap={12}>
        <AnswerText answer={answer} />
        <label htmlFor={pointsId}>{t('writtenMarking.points', { max: maxPoints })}</label>
        {/* No max: it would clamp a typo (20 for 2.0) to full marks; the server refuses it. */}
        <InputNumber
          id={pointsId}
          autoFocus
          min={0}
          step={0.5}
          precision={1}
          value={points}
          onChange={(value) => setPoints(value)}
          onPressEnter={(event) => {
            event.preventDefault();
            save();
          }}
          aria-describedby={`${pointsId}-hint`}
          style={{ width: 160 }}
        />
        <Typography.Text type="secondary" id={`${pointsId}-hint`}>
          {t('writtenMarking.pointsHint')}
        </Typography.Text>
        <label htmlFor={commentId}>{t('writtenMarking.comment')}</label>
        <Input.TextArea
          id={commentId}
          value={comment}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          onChange={(event) => setComment(event.target.value)}
        />
        <Space wrap>
          <Button disabled={!onPrevious} onClick={() => onPrevious?.()}>
            {t('writtenMarking.previous')}
          </Button>
          <Button type="primary" loading={isSaving} disabled={points === null} onClick={save}>
            {t('writtenMarking.save')}
          </Button>
          <Button disabled={!onNext} onClick={() => onNext?.()}>
            {t('writtenMarking.next')}
          </Button>
        </Space>
      </Flex>
    </Card>
  );
}

function AnswerText({ answer }: { answer: MarkingAnswer }) {
  const { t } = useTranslation();
  const given = answer.answer;
  if (!given || (given.type === 'essay' && given.text.trim() === '')) {
    return <Typography.Text type="secondary">{t('writtenMarking.unanswered')}</Typography.Text>;
  }
  if (given.type === 'file') {
    return (
      <Typography.Text>
        {t('writtenMarking.filesAnswer', { count: given.fileIds.length })}
      </Typography.Text>
    );
  }
  if (given.type !== 'essay') return null;
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
      {given.text}
    </Typography.Paragraph>
  );
}
