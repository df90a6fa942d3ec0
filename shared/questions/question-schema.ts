import { z } from 'zod';

/**
 * What a question is, as the bank stores it and the paper shows it (issue 14 §1). Stems and
 * options are text; formulas are written `$…$` (KaTeX renders them on the page).
 */
export const QUESTION_TYPES = [
  'single_choice',
  'multiple_choice',
  'true_false',
  'fill_blank',
  'essay',
  'file',
] as const;
export const questionTypeSchema = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof questionTypeSchema>;

/** Questions the server scores itself at submit; the others wait for a marker. */
export const OBJECTIVE_TYPES: ReadonlySet<QuestionType> = new Set([
  'single_choice',
  'multiple_choice',
  'true_false',
  'fill_blank',
]);

export const MAX_STEM_LENGTH = 20_000;
export const MAX_OPTIONS = 10;
export const MAX_BLANKS = 20;
/** The longest essay a question may allow (a 3,000-character 作文 fits many times). */
export const MAX_ESSAY_LENGTH = 50_000;

const stemSchema = z.string().trim().min(1).max(MAX_STEM_LENGTH);
/** A choice's id: stable across edits and shuffles (A, B, … when imported). */
const optionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,16}$/);
const optionSchema = z.strictObject({
  id: optionIdSchema,
  text: z.string().trim().min(1).max(4_000),
});

/** No two options share an id, and every id an answer key names is an option. */
function checkOptions(
  options: readonly { id: string }[],
  keys: readonly string[],
  ctx: z.RefinementCtx,
): void {
  const ids = new Set(options.map((option) => option.id));
  if (ids.size !== options.length) {
    ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be unique' });
  }
  for (const key of keys) {
    if (!ids.has(key)) {
      ctx.addIssue({ code: 'custom', path: ['correct'], message: `"${key}" is not an option` });
    }
  }
}

const singleChoiceSchema = z
  .strictObject({
    type: z.literal('single_choice'),
    stem: stemSchema,
    options: z.array(optionSchema).min(2).max(MAX_OPTIONS),
    correct: optionIdSchema,
  })
  .superRefine((question, ctx) => {
    checkOptions(question.options, [question.correct], ctx);
  });

/**
 * 多选题: `all_or_nothing` scores only the exact set; `partial` gives a share for each correct
 * choice when no wrong one is chosen (少选得部分分, 错选不得分).
 */
export const MULTIPLE_CHOICE_SCORINGS = ['all_or_nothing', 'partial'] as const;

const multipleChoiceSchema = z
  .strictObject({
    type: z.literal('multiple_choice'),
    stem: stemSchema,
    options: z.array(optionSchema).min(2).max(MAX_OPTIONS),
    correct: z.array(optionIdSchema).min(1).max(MAX_OPTIONS),
    scoring: z.enum(MULTIPLE_CHOICE_SCORINGS),
  })
  .superRefine((question, ctx) => {
    checkOptions(question.options, question.correct, ctx);
    if (new Set(question.correct).size !== question.correct.length) {
      ctx.addIssue({ code: 'custom', path: ['correct'], message: 'a choice is named twice' });
    }
  });

const trueFalseSchema = z.strictObject({
  type: z.literal('true_false'),
  stem: stemSchema,
  correct: z.boolean(),
});

/** How a blank's answer is compared with the accepted ones (each on by default). */
export const blankMatchingSchema = z.strictObject({
  ignoreCase: z.boolean().default(true),
  /** Full-width letters, digits and punctuation count as their half-width forms (NFKC). */
  ignoreWidth: z.boolean().default(true),
  /** Spaces around the answer and runs of spaces inside it do not count. */
  ignoreSpaces: z.boolean().default(true),
});
export type BlankMatching = z.infer<typeof blankMatchingSchema>;

/** 填空题: the stem marks its blanks `___`; each blank lists the answers it accepts. */
const fillBlankSchema = z.strictObject({
  type: z.literal('fill_blank'),
  stem: stemSchema,
  blanks: z
    .array(z.strictObject({ accepted: z.array(z.string().trim().min(1).max(500)).min(1).max(20) }))
    .min(1)
    .max(MAX_BLANKS),
  matching: blankMatchingSchema.prefault({}),
});

/** 简答题 / 作文: plain text up to `maxLength` characters, marked by staff. */
const essaySchema = z.strictObject({
  type: z.literal('essay'),
  stem: stemSchema,
  maxLength: z.number().int().min(1).max(MAX_ESSAY_LENGTH),
  /** What markers see beside the answer (参考答案); never shown to the candidate before results. */
  referenceAnswer: z.string().max(MAX_ESSAY_LENGTH).default(''),
});

/** 上传作答: photos of handwritten work (from the PC or the paired phone), marked by staff. */
const fileAnswerSchema = z.strictObject({
  type: z.literal('file'),
  stem: stemSchema,
  maxFiles: z.number().int().min(1).max(10),
  referenceAnswer: z.string().max(MAX_ESSAY_LENGTH).default(''),
});

/** A question's content and answer key, whatever its type. */
export const questionContentSchema = z.discriminatedUnion('type', [
  singleChoiceSchema,
  multipleChoiceSchema,
  trueFalseSchema,
  fillBlankSchema,
  essaySchema,
  fileAnswerSchema,
]);
export type QuestionContent = z.infer<typeof questionContentSchema>;
export type QuestionOf<T extends QuestionType> = Extract<QuestionContent, { type: T }>;
