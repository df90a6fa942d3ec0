import { Card, ConfigProvider, Flex, Tag, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../../../shared/questions/answer-schema.js';
import { questionForCandidate } from '../../../../shared/questions/candidate-view.js';
import type { QuestionContent } from '../../../../shared/questions/question-schema.js';
import { AnswerInputs } from '../../candidate/written-exam/AnswerInputs.js';
import { RichText } from '../../../rich-text/RichText.js';

const preWrap = { whiteSpace: 'pre-wrap' } as const;
const letterOf = (index: number) => String.fromCharCode(65 + index);
const ignoreChange = () => undefined;

/** The key as a candidate's answer, so the disabled inputs show it chosen (none for essays). */
function keyAsAnswer(content: QuestionContent): Answer | undefined {
  switch (content.type) {
    case 'single_choice':
      return { type: 'single_choice', optionId: content.correct };
    case 'multiple_choice':
      return { type: 'multiple_choice', optionIds: content.correct };
    case 'true_false':
      return { type: 'true_false', value: content.correct };
    case 'fill_blank':
      return { type: 'fill_blank', blanks: content.blanks.map((blank) => blank.accepted[0] ?? '') };
    case 'essay':
    case 'file':
      return undefined;
  }
}

/** The answer key in words, for the admin (and a screen reader, which cannot see a tick). */
function AnswerKey({ content }: { content: QuestionContent }) {
  const { t } = useTranslation();
  const lettersOf = (ids: readonly string[]) =>
    content.type === 'single_choice' || content.type === 'multiple_choice'
      ? content.options.flatMap((option, i) => (ids.includes(option.id) ? [letterOf(i)] : []))
      : [];
  let text: string;
  switch (content.type) {
    case 'single_choice':
      text = t('paperEditor.keyOf', { key: lettersOf([content.correct]).join('') });
      break;
    case 'multiple_choice':
      text = t('paperEditor.keyScoredOf', {
        key: lettersOf(content.correct).join(''),
        scoring: t(`questionBank.scorings.${content.scoring}`),
      });
      break;
    case 'true_false':
      text = t('paperEditor.keyOf', {
        key: t(
          content.correct
            ? 'candidateWrittenExam.question.true'
            : 'candidateWrittenExam.question.false',
        ),
      });
      break;
    case 'fill_blank':
      text = t('paperEditor.keyOf', {
        key: content.blanks
          .map((blank, i) =>
            t('paperEditor.blankKey', { number: i + 1, accepted: blank.accepted.join(' / ') }),
          )
          .join(t('paperEditor.blankSeparator')),
      });
      break;
    case 'essay':
    case 'file':
      text = t('paperEditor.referenceOf', {
        answer: content.referenceAnswer || t('paperEditor.noReference'),
      });
      break;
  }
  return (
    <Typography.Paragraph type="success" strong style={{ ...preWrap, margin: 0 }}>
      {content.type === 'essay' || content.type === 'file' ? <RichText text={text} /> : text}
    </Typography.Paragraph>
  );
}

interface PreviewQuestionProps {
  number: number;
  points: number;
  content: QuestionContent;
}

/** One question as the candidate's page draws it (inputs disabled, the key chosen), and its key. */
export function PreviewQuestion({ number, points, content }: PreviewQuestionProps) {
  const { t } = useTranslation();
  const stemId = useId();
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Title level={4} style={{ fontSize: 16, margin: 0 }}>
            {t('candidateWrittenExam.question.heading', { number })}
          </Typography.Title>
          <Tag>{t(`candidateWrittenExam.question.types.${content.type}`)}</Tag>
          <Typography.Text type="secondary">
            {t('candidateWrittenExam.question.points', { points })}
          </Typography.Text>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph id={stemId} style={{ ...preWrap, fontSize: 16, margin: 0 }}>
          <RichText text={content.stem} numberBlanks={content.type === 'fill_blank'} />
        </Typography.Paragraph>
        <ConfigProvider componentDisabled>
          <AnswerInputs
            question={questionForCandidate(content, null)}
            answer={keyAsAnswer(content)}
            stemId={stemId}
            onChange={ignoreChange}
          />
        </ConfigProvider>
        <AnswerKey content={content} />
      </Flex>
    </Card>
  );
}
