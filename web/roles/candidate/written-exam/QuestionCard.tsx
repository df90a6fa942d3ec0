import { Alert, Card, Checkbox, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttemptQuestion } from '../../../../shared/api/written-exam.js';
import type { Answer } from '../../../../shared/questions/answer-schema.js';
import { RichText } from '../../../rich-text/RichText.js';
import { AnswerInputs } from './AnswerInputs.js';

export interface SectionInfo {
  title: string;
  instructions: string;
}

interface QuestionCardProps {
  section: SectionInfo;
  question: AttemptQuestion;
  answer: Answer | undefined;
  isMarked: boolean;
  /** Why the server refused this question's last answer, in words, or null. */
  rejection: string | null;
  onChange: (answer: Answer) => void;
  onToggleMark: () => void;
}

/** Text with its line breaks kept (stems, passages and instructions are plain text). */
const preWrap = { whiteSpace: 'pre-wrap' } as const;

/** A fill-in stem with its blanks (`___`) numbered as the inputs below are: ___(1)___. */
export function StemWithBlanks({ stem }: { stem: string }) {
  return <RichText text={stem} numberBlanks />;
}

/** One question per screen, with its section's title and instructions and its reading passage. */
export function QuestionCard({
  section,
  question,
  answer,
  isMarked,
  rejection,
  onChange,
  onToggleMark,
}: QuestionCardProps) {
  const { t } = useTranslation();
  const stemId = `stem-${question.paperQuestionId}`;
  const { passage } = question;
  const body = (
    <Card
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>
            {t('candidateWrittenExam.question.heading', { number: question.number })}
          </Typography.Title>
          <Tag>{t(`candidateWrittenExam.question.types.${question.question.type}`)}</Tag>
          <Typography.Text type="secondary">
            {t('candidateWrittenExam.question.points', { points: question.points })}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Checkbox checked={isMarked} onChange={onToggleMark}>
          {t('candidateWrittenExam.question.mark')}
        </Checkbox>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph id={stemId} style={{ ...preWrap, fontSize: 16, margin: 0 }}>
          <RichText
            text={question.question.stem}
            numberBlanks={question.question.type === 'fill_blank'}
          />
        </Typography.Paragraph>
        <AnswerInputs
          question={question.question}
          answer={answer}
          stemId={stemId}
          onChange={onChange}
        />
        {rejection ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('candidateWrittenExam.save.rejected', { reason: rejection })}
          />
        ) : null}
      </Flex>
    </Card>
  );
  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {section.title}
        </Typography.Title>
        {section.instructions ? (
          <Typography.Paragraph type="secondary" style={{ ...preWrap, margin: '4px 0 0' }}>
            {section.instructions}
          </Typography.Paragraph>
        ) : null}
      </div>
      {passage ? (
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
            gap: 12,
            alignItems: 'start',
          }}
        >
          <Card
            size="small"
            title={t('candidateWrittenExam.question.passage', { title: passage.title })}
            styles={{ body: { maxHeight: '60vh', overflowY: 'auto' } }}
          >
            <Typography.Paragraph style={{ ...preWrap, margin: 0 }} data-testid="passage">
              <RichText text={passage.text} />
            </Typography.Paragraph>
          </Card>
          {body}
        </div>
      ) : (
        body
      )}
    </Flex>
  );
}
