import type { CandidateQuestion } from '../../../../shared/questions/candidate-view.js';
import type { Answer } from '../../../../shared/questions/answer-schema.js';

/** The answer of a question nobody touched yet: nothing chosen, every blank empty. */
export function emptyAnswer(question: CandidateQuestion): Answer {
  switch (question.type) {
    case 'single_choice':
      return { type: 'single_choice', optionId: null };
    case 'multiple_choice':
      return { type: 'multiple_choice', optionIds: [] };
    case 'true_false':
      return { type: 'true_false', value: null };
    case 'fill_blank':
      return { type: 'fill_blank', blanks: Array.from({ length: question.blankCount }, () => '') };
    case 'essay':
      return { type: 'essay', text: '' };
    case 'file':
      return { type: 'file', fileIds: [] };
  }
}

// Whether an answer says anything (the grid's 已作答) is shared with the staff's answered count.
export { isAnswered } from '../../../../shared/questions/answered.js';

/** The answer of the question's type, or the empty one when a stored answer does not fit. */
export function answerFor<T extends Answer['type']>(
  type: T,
  answer: Answer | undefined,
  empty: Extract<Answer, { type: T }>,
): Extract<Answer, { type: T }> {
  return answer?.type === type ? (answer as Extract<Answer, { type: T }>) : empty;
}

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** The text cut to `max` characters as a person counts them (characterCount in answer-check.ts). */
export function truncateToLength(text: string, max: number): string {
  let result = '';
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (count === max) break;
    result += segment;
    count += 1;
  }
  return result;
}
