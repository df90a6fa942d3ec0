import { Alert, Button, Card, Flex, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileAnswerGallery } from '../../../written-files/FileAnswerGallery.js';
import type { MarkingAnswer } from '../../../../shared/api/marking.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';

interface AnswerMarkerProps {
  answer: MarkingAnswer;
  /** 双评: the caller's own mark only, one mark per paper, the slot it fills. */
  isDoubleMarking?: boolean;
  maxPoints: number;
  isSaving: boolean;
  onSave: (mark: { points: number; comment: string }) => void;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
}

/** One anonymised answer with its points and comment; Enter in the points box saves. */
export function AnswerMarker({
  answer,
  isDoubleMarking = false,
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
  // 双评: a paper with its final mark takes no more marks; the caller's own mark may be corrected
  // until then (the server puts it back in the same slot).
  const isLocked = isDoubleMarking && answer.nextSlot === null;
  const isCorrection = isDoubleMarking && !isLocked && answer.mark !== null;
  const save = () => {
    if (points === null || isSaving || isLocked) return;
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
        isDoubleMarking ? (
          <Space wrap>
            {answer.mark ? (
              <Tag color="blue">
                {t('writtenMarking.myMark', {
                  slot: t(`writtenMarking.slots.${answer.mark.slot}`),
                  points: answer.mark.points,
                })}
              </Tag>
            ) : null}
            <Tag color={answer.stage === 'done' ? 'green' : 'default'}>
              {t(`writtenMarking.stages.${answer.stage}`)}
            </Tag>
          </Space>
        ) : answer.mark ? (
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
        {answer.marks.length > 0 ? <AllMarks answer={answer} /> : null}
        {isLocked ? <Alert type="info" title={t('writtenMarking.alreadyFinal')} /> : null}
        {isCorrection ? <Alert type="info" title={t('writtenMarking.markedByYou')} /> : null}
        <label htmlFor={pointsId}>
          {isDoubleMarking && answer.nextSlot
            ? t('writtenMarking.pointsSlot', {
                max: maxPoints,
                slot: t(`writtenMarking.slots.${answer.nextSlot}`),
              })
            : t('writtenMarking.points', { max: maxPoints })}
        </label>
        {/* No max: it would clamp a typo (20 for 2.0) to full marks; the server refuses it. */}
        <InputNumber
          id={pointsId}
          autoFocus
          min={0}
          step={0.5}
          precision={1}
          disabled={isLocked}
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
          disabled={isLocked}
          onChange={(event) => setComment(event.target.value)}
        />
        <Space wrap>
          <Button disabled={!onPrevious} onClick={() => onPrevious?.()}>
            {t('writtenMarking.previous')}
          </Button>
          <Button
            type="primary"
            loading={isSaving}
            disabled={points === null || isLocked}
            onClick={save}
          >
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

/** Every mark of the paper with its marker and the final points (admins, once complete). */
function AllMarks({ answer }: { answer: MarkingAnswer }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      bordered
      header={t('writtenMarking.allMarks')}
      dataSource={answer.marks}
      renderItem={(mark) => (
        <List.Item>
          <Flex vertical>
            <Typography.Text>
              {t('writtenMarking.markLine', {
                slot: t(`writtenMarking.slots.${mark.slot}`),
                name: mark.markerName,
                points: mark.points,
              })}
            </Typography.Text>
            {mark.comment ? (
              <Typography.Text type="secondary">{mark.comment}</Typography.Text>
            ) : null}
          </Flex>
        </List.Item>
      )}
      footer={
        answer.finalPoints === null ? null : (
          <Typography.Text strong>
            {t('writtenMarking.finalPoints', { points: answer.finalPoints })}
          </Typography.Text>
        )
      }
    />
  );
}

function AnswerText({ answer }: { answer: MarkingAnswer }) {
  const { t } = useTranslation();
  const given = answer.answer;
  const isBlank =
    !given ||
    (given.type === 'essay' && given.text.trim() === '') ||
    (given.type === 'file' && given.fileIds.length === 0);
  if (isBlank) {
    return <Typography.Text type="secondary">{t('writtenMarking.unanswered')}</Typography.Text>;
  }
  if (given.type === 'file') return <FileAnswerGallery fileIds={given.fileIds} />;
  if (given.type !== 'essay') return null;
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
      {given.text}
    </Typography.Paragraph>
  );
}
