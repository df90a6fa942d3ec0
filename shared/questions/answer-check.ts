import type { ErrorCode } from '../errors.js';
import type { Answer } from './answer-schema.js';
import type { QuestionContent } from './question-schema.js';

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/**
 * Characters as a person counts them (字数): a rare 汉字 outside the BMP or an emoji with its
 * modifiers is one, though JavaScript's length says two or more. The page counts the same way.
 */
export function characterCount(text: string): number {
  return Array.from(graphemes.segment(text)).length;
}

/**
 * Why an answer does not fit its question (issue 14 §7), or null when it does. The server
 * refuses a misfit with the code; nothing of it is stored.
 */
export function checkAnswer(question: QuestionContent, answer: Answer): ErrorCode | null {
  if (answer.type !== question.type) return 'ANSWER_TYPE_MISMATCH';
  switch (question.type) {
    case 'single_choice': {
      const { optionId } = answer as Extract<Answer, { type: 'single_choice' }>;
      return optionId === null || question.options.some((option) => option.id === optionId)
        ? null
        : 'CHOICE_NOT_IN_QUESTION';
    }
    case 'multiple_choice': {
      const { optionIds } = answer as Extract<Answer, { type: 'multiple_choice' }>;
      const ids = new Set(question.options.map((option) => option.id));
      if (new Set(optionIds).size !== optionIds.length) return 'CHOICE_NOT_IN_QUESTION';
      return optionIds.every((id) => ids.has(id)) ? null : 'CHOICE_NOT_IN_QUESTION';
    }
    case 'true_false':
      return null;
    case 'fill_blank': {
      const { blanks } = answer as Extract<Answer, { type: 'fill_blank' }>;
      return blanks.length === question.blanks.length ? null : 'BLANK_COUNT_MISMATCH';
    }
    case 'essay': {
      const { text } = answer as Extract<Answer, { type: 'essay' }>;
      // Graphemes never outnumber UTF-16 units: most answers need no segmenting.
      if (text.length <= question.maxLength) return null;
      return characterCount(text) <= question.maxLength ? null : 'ANSWER_TOO_LONG';
    }
    case 'file': {
      const { fileIds } = answer as Extract<Answer, { type: 'file' }>;
      return fileIds.length <= question.maxFiles ? null : 'ANSWER_TOO_MANY_FILES';
    }
  }
}
