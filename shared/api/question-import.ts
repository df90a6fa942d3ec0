import { z } from 'zod';
import { defineDownload, defineRoute } from './contract.js';
import { uploadQuerySchema } from './common.js';
import { listBankQuestionsQuerySchema } from './question-bank.js';

// Importing into the question bank (XLSX template, Moodle GIFT text or a Word paper marked
// 【单选题】…: check, then import the valid rows; the same 题号 updates) and exporting it in the
// template's columns.

const BANK_ADMINS = ['college_admin', 'school_admin'] as const;

/** Largest import file accepted (XLSX, Word or GIFT text). */
export const QUESTION_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Questions above this in one file are refused as a whole (TOO_MANY_ROWS). */
export const QUESTION_IMPORT_MAX_ROWS = 5_000;

/** The columns of the XLSX template and export, in order. */
export const QUESTION_COLUMNS = [
  'key',
  'type',
  'stem',
  'optionA',
  'optionB',
  'optionC',
  'optionD',
  'optionE',
  'optionF',
  'answer',
  'points',
  'difficulty',
  'tags',
  'scoring',
  'maxLength',
  'maxFiles',
  'referenceAnswer',
  'passage',
] as const;
export const questionColumnSchema = z.enum(QUESTION_COLUMNS);
export type QuestionColumn = z.infer<typeof questionColumnSchema>;
export const OPTION_COLUMNS = [
  'optionA',
  'optionB',
  'optionC',
  'optionD',
  'optionE',
  'optionF',
] as const satisfies readonly QuestionColumn[];

/** Header titles of the template's first row; either language is accepted on import. */
export const QUESTION_HEADERS: Record<QuestionColumn, { zh: string; en: string }> = {
  key: { zh: '题号', en: 'Key' },
  type: { zh: '题型', en: 'Type' },
  stem: { zh: '题干', en: 'Stem' },
  optionA: { zh: '选项A', en: 'Option A' },
  optionB: { zh: '选项B', en: 'Option B' },
  optionC: { zh: '选项C', en: 'Option C' },
  optionD: { zh: '选项D', en: 'Option D' },
  optionE: { zh: '选项E', en: 'Option E' },
  optionF: { zh: '选项F', en: 'Option F' },
  answer: { zh: '答案', en: 'Answer' },
  points: { zh: '分值', en: 'Points' },
  difficulty: { zh: '难度', en: 'Difficulty' },
  tags: { zh: '标签', en: 'Tags' },
  scoring: { zh: '多选计分', en: 'Multiple-choice scoring' },
  maxLength: { zh: '字数上限', en: 'Max length' },
  maxFiles: { zh: '文件数上限', en: 'Max files' },
  referenceAnswer: { zh: '参考答案', en: 'Reference answer' },
  passage: { zh: '阅读材料', en: 'Passage' },
};

/** The columns of the 阅读材料 sheet: a passage's title (what 阅读材料 names) and its text. */
export const PASSAGE_COLUMNS = ['passageTitle', 'passageText'] as const;
export type PassageColumn = (typeof PASSAGE_COLUMNS)[number];
export const PASSAGE_HEADERS: Record<PassageColumn, { zh: string; en: string }> = {
  passageTitle: { zh: '标题', en: 'Title' },
  passageText: { zh: '内容', en: 'Text' },
};
/** Sheet names of the template and the export. */
export const QUESTION_SHEETS = {
  questions: '题目',
  passages: '阅读材料',
  help: '填写说明',
} as const;

/** Why a whole import file was refused (the `message` of the error's issue). */
export const QUESTION_FILE_ISSUES = [
  'empty',
  'no_header',
  'bad_xlsx',
  /** A Word file without a readable word/document.xml. */
  'bad_docx',
  'not_utf8',
  'too_many_rows',
  'missing_column',
  'no_questions_sheet',
  'not_question_file',
] as const;
export type QuestionFileIssue = (typeof QUESTION_FILE_ISSUES)[number];

/** Why a row (XLSX) or a question (GIFT, Word) was refused; the page explains each. */
export const QUESTION_ROW_ERRORS = [
  'required',
  'unknown_type',
  'invalid_key',
  'invalid_points',
  'invalid_difficulty',
  'invalid_tags',
  'too_long',
  'formula_not_allowed',
  'too_few_options',
  'option_gap',
  'answer_not_an_option',
  'one_answer_only',
  'invalid_true_false',
  'blank_count_mismatch',
  'invalid_scoring',
  'invalid_max_length',
  'invalid_max_files',
  'not_for_type',
  'unknown_passage',
  'duplicate_in_file',
  'key_out_of_scope',
  'gift_syntax',
  'gift_unsupported',
  /** Word: an option letter or a line such as 答案： given twice in one question. */
  'repeated_field',
  /** Word: an option past F (the template has six option columns). */
  'too_many_options',
  /** A `$…$` formula KaTeX cannot parse (FORMULA_INVALID in the editor); `reason` says why. */
  'formula_invalid',
  /** `![说明](image:…)` naming a picture the bank does not have (pictures are added in the editor). */
  'image_unknown',
  'image_alt_missing',
] as const;
export const questionRowErrorCodeSchema = z.enum(QUESTION_ROW_ERRORS);
export type QuestionRowErrorCode = z.infer<typeof questionRowErrorCodeSchema>;

export const questionRowErrorSchema = z.object({
  /** The XLSX sheet: 题目 (questions) or 阅读材料 (passages); GIFT is all questions. */
  sheet: z.enum(['questions', 'passages']),
  /**
   * XLSX: the row as the spreadsheet shows it (header = 1); GIFT: the question's first line;
   * Word: the paragraph (counted from 1, blank ones too) of the question's 【题型】 mark.
   */
  line: z.number().int().min(1),
  /** The template column at fault (GIFT: the one that holds that part); null: the whole entry. */
  column: z.enum([...QUESTION_COLUMNS, ...PASSAGE_COLUMNS]).nullable(),
  code: questionRowErrorCodeSchema,
  /** The offending value, cut to 100 characters; null for a missing one. */
  value: z.string().nullable(),
  /** KaTeX's own words for a formula_invalid (English, as KaTeX gives them). */
  reason: z.string().optional(),
});
export type QuestionRowError = z.infer<typeof questionRowErrorSchema>;

/** What a Word import left out of a question that is imported all the same. */
export const QUESTION_IMPORT_WARNINGS = [
  /** A picture, drawing or embedded object: add pictures in the question editor. */
  'image_ignored',
  /** A Word equation (OMML): write formulas as $…$ instead. */
  'formula_ignored',
  /** 解析：…; the bank has no place for an explanation. */
  'explanation_ignored',
  /** A paragraph after the question's single-line fields that belongs to none of them. */
  'line_ignored',
] as const;
export const questionImportWarningSchema = z.object({
  /** The paragraph (counted as for errors) that held what was left out. */
  line: z.number().int().min(1),
  code: z.enum(QUESTION_IMPORT_WARNINGS),
  /** What was left out, cut to 100 characters; null when it has no text (a picture). */
  value: z.string().nullable(),
});
export type QuestionImportWarning = z.infer<typeof questionImportWarningSchema>;

/** validate: check only; valid_rows: import the valid rows and report the others. */
export const questionImportModeSchema = z.enum(['validate', 'valid_rows']);
export type QuestionImportMode = z.infer<typeof questionImportModeSchema>;

export const questionImportResultSchema = z.object({
  format: z.enum(['xlsx', 'gift', 'docx']),
  mode: questionImportModeSchema,
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  /** Every error, at most 1,000 (errorCount says how many there were). */
  errors: z.array(questionRowErrorSchema),
  errorCount: z.number().int(),
  /** Word: what was left out of questions imported all the same (at most 1,000). */
  warnings: z.array(questionImportWarningSchema),
  imported: z.boolean(),
  /**
   * Of the valid rows: new questions, questions of the same 题号 changed, and left as they were;
   * a check (validate) says what the import would do.
   */
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Reading passages of the 阅读材料 sheet added, and those of the same title changed. */
  passagesCreated: z.number().int(),
  passagesUpdated: z.number().int(),
});
export type QuestionImportResult = z.infer<typeof questionImportResultSchema>;

export const importBankQuestions = defineRoute({
  method: 'POST',
  path: '/api/admin/question-bank/import',
  summary:
    'Import questions from the XLSX template, Moodle GIFT text or a Word (.docx) paper marked 【单选题】… (raw body, judged by content); the same 题号 updates',
  tags: ['question-bank'],
  access: BANK_ADMINS,
  policy: { foreign: 'none' },
  upload: true,
  query: uploadQuerySchema.extend({ mode: questionImportModeSchema }),
  response: questionImportResultSchema,
});

/** Binary route: the XLSX template with instructions and an example of every type. */
export const QUESTION_TEMPLATE_PATH = '/api/admin/question-bank/template';
export const questionTemplateFile = defineDownload({
  method: 'GET',
  path: QUESTION_TEMPLATE_PATH,
  access: BANK_ADMINS,
  policy: { foreign: 'none' },
  params: z.strictObject({}),
});

/** Binary route: the bank in reach as XLSX, in the template's columns (export → edit → import). */
export const QUESTION_EXPORT_PATH = '/api/admin/question-bank/export';
export const questionExportQuerySchema = listBankQuestionsQuerySchema.omit({
  page: true,
  pageSize: true,
});
export const questionExportFile = defineDownload({
  method: 'GET',
  path: QUESTION_EXPORT_PATH,
  access: BANK_ADMINS,
  policy: { foreign: 'hidden' },
  params: z.strictObject({}),
  query: questionExportQuerySchema,
});
