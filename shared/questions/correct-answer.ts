import { z } from 'zod';
import type { QuestionContent } from './question-schema.js';

/** A question's answer key as a result shows it (参考答案 for essays and file answers). */
export const correctAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single_choice'), optionId: z.string() }),
  z.object({ type: z.literal('multiple_choice'), optionIds: z.array(z.string()) }),
  z.object({ type: z.literal('true_false'), value: z.boolean() }),
  /** Each blank's accepted answers. */
  z.object({ type: z.literal('fill_blank'), accepted: z.array(z.array(z.string())) }),
  z.object({ type: z.literal('essay'), referenceAnswer: z.string() }),
  z.object({ type: z.literal('file'), referenceAnswer: z.string() }),
]);
export type CorrectAnswer = z.infer<typeof correctAnswerSchema>;

/** A question's answer key as the candidate may see it after a mock attempt or with a published result. */
export function correctAnswerOf(question: QuestionContent): CorrectAnswer {
  switch (question.type) {
    case 'single_choice':
      return { type: 'single_choice', optionId: question.correct };
    case 'multiple_choice':
      return { type: 'multiple_choice', optionIds: [...question.correct] };
    case 'true_false':
      return { type: 'true_false', value: question.correct };
    case 'fill_blank':
      return { type: 'fill_blank', accepted: question.blanks.map((blank) => [...blank.accepted]) };
    case 'essay':
    case 'file':
      return { type: question.type, referenceAnswer: question.referenceAnswer };
  }
}
