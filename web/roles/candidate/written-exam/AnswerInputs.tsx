import { Checkbox, Flex, Input, Radio, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { characterCount } from '../../../../shared/questions/answer-check.js';
import type { Answer } from '../../../../shared/questions/answer-schema.js';
import type { CandidateQuestion } from '../../../../shared/questions/candidate-view.js';
import { RichText } from '../../../rich-text/RichText.js';
import { answerFor, truncateToLength } from './answers.js';
import { FileAnswerInput } from './FileAnswerInput.js';
import { useTextDraft } from './useTextDraft.js';

interface AnswerInputsProps {
  question: CandidateQuestion;
  answer: Answer | undefined;
  /** The id of the stem, which names the group of choices. */
  stemId: string;
  onChange: (answer: Answer) => void;
}

/** Option letters by position: the options are in the candidate's own (shuffled) order. */
const letterOf = (index: number) => String.fromCharCode(65 + index);

/** The inputs of one question, by its type; choices are saved at once, text after a pause. */
export function AnswerInputs({ question, answer, stemId, onChange }: AnswerInputsProps) {
  const { t } = useTranslation();
  switch (question.type) {
    case 'single_choice': {
      const { optionId } = answerFor('single_choice', answer, {
        type: 'single_choice',
        optionId: null,
      });
      return (
        <Radio.Group
          aria-labelledby={stemId}
          value={optionId}
          onChange={(event) =>
            onChange({ type: 'single_choice', optionId: String(event.target.value) })
          }
        >
          <Flex vertical gap={8}>
            {question.options.map((option, index) => (
              <Radio key={option.id} value={option.id}>
                {letterOf(index)}. <RichText text={option.text} />
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      );
    }
    case 'multiple_choice': {
      const { optionIds } = answerFor('multiple_choice', answer, {
        type: 'multiple_choice',
        optionIds: [],
      });
      const chosen = new Set(optionIds);
      return (
        <Flex vertical gap={8} role="group" aria-labelledby={stemId}>
          {question.options.map((option, index) => (
            <Checkbox
              key={option.id}
              checked={chosen.has(option.id)}
              onChange={(event) => {
                // Kept in the candidate's option order, whatever the order of the clicks.
                const next = question.options
                  .map((o) => o.id)
                  .filter((id) => (id === option.id ? event.target.checked : chosen.has(id)));
                onChange({ type: 'multiple_choice', optionIds: next });
              }}
            >
              {letterOf(index)}. <RichText text={option.text} />
            </Checkbox>
          ))}
        </Flex>
      );
    }
    case 'true_false': {
      const { value } = answerFor('true_false', answer, { type: 'true_false', value: null });
      return (
        <Radio.Group
          aria-labelledby={stemId}
          value={value === null ? null : value ? 'true' : 'false'}
          onChange={(event) =>
            onChange({ type: 'true_false', value: event.target.value === 'true' })
          }
        >
          <Flex vertical gap={8}>
            <Radio value="true">{t('candidateWrittenExam.question.true')}</Radio>
            <Radio value="false">{t('candidateWrittenExam.question.false')}</Radio>
          </Flex>
        </Radio.Group>
      );
    }
    case 'fill_blank': {
      const saved = answerFor('fill_blank', answer, { type: 'fill_blank', blanks: [] });
      return <BlankInputs count={question.blankCount} saved={saved.blanks} onChange={onChange} />;
    }
    case 'essay': {
      const saved = answerFor('essay', answer, { type: 'essay', text: '' });
      return <EssayInput maxLength={question.maxLength} saved={saved.text} onChange={onChange} />;
    }
    case 'file': {
      const saved = answerFor('file', answer, { type: 'file', fileIds: [] });
      return (
        <FileAnswerInput
          // QuestionCard names the stem `stem-<paperQuestionId>`.
          paperQuestionId={stemId.replace(/^stem-/, '')}
          maxFiles={question.maxFiles}
          fileIds={saved.fileIds}
          labelledBy={stemId}
          onChange={onChange}
        />
      );
    }
  }
}

function BlankInputs({
  count,
  saved,
  onChange,
}: {
  count: number;
  saved: string[];
  onChange: (answer: Answer) => void;
}) {
  const { t } = useTranslation();
  const initial = Array.from({ length: count }, (_, index) => saved[index] ?? '');
  const text = useTextDraft(initial, (blanks) => onChange({ type: 'fill_blank', blanks }));
  return (
    <Flex vertical gap={8}>
      {text.draft.map((value, index) => (
        <label key={index} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <span style={{ minWidth: 56 }}>
            {t('candidateWrittenExam.question.blank', { number: index + 1 })}
          </span>
          <Input
            value={value}
            maxLength={500}
            style={{ maxWidth: 360 }}
            onChange={(event) =>
              text.update(text.draft.map((old, i) => (i === index ? event.target.value : old)))
            }
            onCompositionStart={text.onCompositionStart}
            onCompositionEnd={text.onCompositionEnd}
            onBlur={text.commitNow}
          />
        </label>
      ))}
    </Flex>
  );
}

function EssayInput({
  maxLength,
  saved,
  onChange,
}: {
  maxLength: number;
  saved: string;
  onChange: (answer: Answer) => void;
}) {
  const { t } = useTranslation();
  const countId = useId();
  const text = useTextDraft(
    saved,
    (value) => onChange({ type: 'essay', text: value }),
    (value) => truncateToLength(value, maxLength),
  );
  const count = characterCount(text.draft);
  return (
    <Flex vertical gap={4}>
      <Input.TextArea
        aria-label={t('candidateWrittenExam.question.answerLabel')}
        aria-describedby={countId}
        value={text.draft}
        autoSize={{ minRows: 6, maxRows: 20 }}
        onChange={(event) => text.update(event.target.value)}
        onCompositionStart={text.onCompositionStart}
        onCompositionEnd={text.onCompositionEnd}
        onBlur={text.commitNow}
      />
      <Typography.Text
        id={countId}
        type={count >= maxLength ? 'warning' : 'secondary'}
        style={{ alignSelf: 'flex-end' }}
      >
        {t('candidateWrittenExam.question.characters', { count, max: maxLength })}
      </Typography.Text>
    </Flex>
  );
}
