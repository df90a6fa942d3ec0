import { z } from 'zod';
import { idSchema } from '../api/common.js';
import { MAX_BLANKS, MAX_ESSAY_LENGTH, MAX_OPTIONS } from './question-schema.js';

/**
 * What a candidate answers to one question (issue 14 §5: sent at once, or after a pause in
 * typing). An empty answer (nothing chosen, blank text) is an answer too: it clears the earlier
 * one. Whether it fits its question is checked by checkAnswer (answer-check.ts).
 */
export const answerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('single_choice'), optionId: z.string().max(16).nullable() }),
  z.strictObject({
    type: z.literal('multiple_choice'),
    optionIds: z.array(z.string().max(16)).max(MAX_OPTIONS),
  }),
  z.strictObject({ type: z.literal('true_false'), value: z.boolean().nullable() }),
  z.strictObject({
    type: z.literal('fill_blank'),
    blanks: z.array(z.string().max(500)).max(MAX_BLANKS),
  }),
  // Longer than any question allows is refused here; the question's own limit in checkAnswer.
  z.strictObject({ type: z.literal('essay'), text: z.string().max(MAX_ESSAY_LENGTH) }),
  z.strictObject({ type: z.literal('file'), fileIds: z.array(idSchema).max(10) }),
]);
export type Answer = z.infer<typeof answerSchema>;
