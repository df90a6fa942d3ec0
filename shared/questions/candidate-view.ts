import { z } from 'zod';
import type { QuestionContent } from './question-schema.js';

const optionSchema = z.object({ id: z.string(), text: z.string() });

/**
 * A question as the candidate sees it: no answer key, no reference answer, the options in the
 * attempt's own order (issue 14 §2: shuffled per candidate, stored with the attempt).
 */
export const candidateQuestionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single_choice'), stem: z.string(), options: z.array(optionSchema) }),
  z.object({
    type: z.literal('multiple_choice'),
    stem: z.string(),
    options: z.array(optionSchema),
  }),
  z.object({ type: z.literal('true_false'), stem: z.string() }),
  z.object({ type: z.literal('fill_blank'), stem: z.string(), blankCount: z.number().int() }),
  z.object({ type: z.literal('essay'), stem: z.string(), maxLength: z.number().int() }),
  z.object({ type: z.literal('file'), stem: z.string(), maxFiles: z.number().int() }),
]);
export type CandidateQuestion = z.infer<typeof candidateQuestionSchema>;

/** The candidate's view of `question`, options in `optionOrder` (the paper's order when null). */
export function questionForCandidate(
  question: QuestionContent,
  optionOrder: readonly string[] | null,
): CandidateQuestion {
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const byId = new Map(question.options.map((option) => [option.id, option]));
      const ordered = optionOrder
        ? optionOrder.flatMap((id) => {
            const option = byId.get(id);
            return option ? [{ id: option.id, text: option.text }] : [];
          })
        : question.options.map((option) => ({ id: option.id, text: option.text }));
      return { type: question.type, stem: question.stem, options: ordered };
    }
    case 'true_false':
      return { type: 'true_false', stem: question.stem };
    case 'fill_blank':
      return { type: 'fill_blank', stem: question.stem, blankCount: question.blanks.length };
    case 'essay':
      return { type: 'essay', stem: question.stem, maxLength: question.maxLength };
    case 'file':
      return { type: 'file', stem: question.stem, maxFiles: question.maxFiles };
  }
}
