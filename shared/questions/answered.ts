import type { Answer } from './answer-schema.js';

/**
 * Whether an answer says anything (the answer sheet's 已作答, the staff's answered count): a
 * choice, a filled blank, some text, a file. An empty answer clears an earlier one.
 */
export function isAnswered(answer: Answer | undefined): boolean {
  if (!answer) return false;
  switch (answer.type) {
    case 'single_choice':
      return answer.optionId !== null;
    case 'multiple_choice':
      return answer.optionIds.length > 0;
    case 'true_false':
      return answer.value !== null;
    case 'fill_blank':
      return answer.blanks.some((blank) => blank.trim() !== '');
    case 'essay':
      return answer.text.trim() !== '';
    case 'file':
      return answer.fileIds.length > 0;
  }
}
