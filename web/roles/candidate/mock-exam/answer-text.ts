import type { TFunction } from 'i18next';
import type { CorrectAnswer } from '../../../../shared/api/mock-attempt.js';
import type { Answer } from '../../../../shared/questions/answer-schema.js';
import type { CandidateQuestion } from '../../../../shared/questions/candidate-view.js';
import { isAnswered } from '../written-exam/answers.js';

/** A choice as the candidate saw it: its letter by position in their order, and its text. */
function choiceText(question: CandidateQuestion, optionIds: readonly string[]): string {
  if (!('options' in question)) return '';
  return question.options
    .flatMap((option, index) =>
      optionIds.includes(option.id) ? [`${String.fromCharCode(65 + index)}. ${option.text}`] : [],
    )
    .join('；');
}

function numberedBlanks(blanks: readonly string[], t: TFunction): string {
  return blanks
    .map(
      (text, index) =>
        `${t('candidateWrittenExam.question.blank', { number: index + 1 })}：${text}`,
    )
    .join('；');
}

/** The candidate's answer in words, or null when they gave none. */
export function answerText(
  question: CandidateQuestion,
  answer: Answer | undefined,
  t: TFunction,
): string | null {
  if (!answer || !isAnswered(answer) || answer.type !== question.type) return null;
  switch (answer.type) {
    case 'single_choice':
      return choiceText(question, answer.optionId === null ? [] : [answer.optionId]);
    case 'multiple_choice':
      return choiceText(question, answer.optionIds);
    case 'true_false':
      return t(`candidateWrittenExam.question.${answer.value ? 'true' : 'false'}`);
    case 'fill_blank':
      return numberedBlanks(answer.blanks, t);
    case 'essay':
      return answer.text;
    case 'file':
      return t('candidateMockExam.result.files', { count: answer.fileIds.length });
  }
}

/** The answer key in words (a reference answer for essays), or null when there is none. */
export function correctText(
  question: CandidateQuestion,
  correct: CorrectAnswer,
  t: TFunction,
): string | null {
  switch (correct.type) {
    case 'single_choice':
      return choiceText(question, [correct.optionId]);
    case 'multiple_choice':
      return choiceText(question, correct.optionIds);
    case 'true_false':
      return t(`candidateWrittenExam.question.${correct.value ? 'true' : 'false'}`);
    case 'fill_blank':
      return numberedBlanks(
        correct.accepted.map((accepted) => accepted.join(' / ')),
        t,
      );
    case 'essay':
    case 'file':
      return correct.referenceAnswer.trim() === '' ? null : correct.referenceAnswer;
  }
}

/**
 * Whether an answer's words come from the question's own text (the chosen options, the 参考答案),
 * which may hold formulas and pictures (RichText); the candidate's own words stay plain text.
 */
export function isQuestionText(type: CandidateQuestion['type'], of: 'answer' | 'correct'): boolean {
  if (type === 'single_choice' || type === 'multiple_choice') return true;
  return of === 'correct' && (type === 'essay' || type === 'file');
}
