import { z } from 'zod';
import { answerSchema } from '../questions/answer-schema.js';
import { candidateQuestionSchema } from '../questions/candidate-view.js';
import { correctAnswerSchema } from '../questions/correct-answer.js';
import { questionTypeSchema } from '../questions/question-schema.js';
import { defineDownload, defineRoute } from './contract.js';
import { idSchema, isMultipleOf, isoDateTimeSchema } from './common.js';
import { answerStageSchema, markSlotSchema } from './marking-rules.js';
import { registrationParamsSchema } from './tickets.js';

// 阅卷 and 成绩 of written exams (issue 14 §6). Objective questions are scored at 交卷; the exam's
// admins and its 阅卷人 (examiners with the marker duty on one of its sessions) mark the subjective
// ones (essay, file) per question across candidates, anonymised by a 答卷编号 (for 阅卷人 always,
// for admins until every subjective answer has its final mark); admins then publish (公布成绩).
// Single marking keeps one mark per answer, the latest; 双评 (the exam's doubleMarking rule) asks
// two different markers, and a third (仲裁) when they differ by more than the threshold
// (shared/api/marking-rules.ts answerOutcome).

const EXAM_ADMINS = ['college_admin', 'school_admin'] as const;
const MARKERS = ['examiner'] as const;

/** Marks are multiples of this. */
export const MARK_STEP = 0.5;
export const MAX_MARK_COMMENT = 2000;

const examParams = z.strictObject({ examId: idSchema });
export const markingQuestionParamsSchema = z.strictObject({
  examId: idSchema,
  paperQuestionId: idSchema,
});
export const markParamsSchema = z.strictObject({
  examId: idSchema,
  paperQuestionId: idSchema,
  attemptId: idSchema,
});

/** 给分: 0 up to the question's points (MARK_POINTS_OVER_MAX above them), in steps of 0.5. */
export const markBodySchema = z.strictObject({
  points: z.number().min(0).max(10_000).refine(isMultipleOf(MARK_STEP), 'POINTS_NOT_HALF_STEP'),
  comment: z.string().trim().max(MAX_MARK_COMMENT).default(''),
});
export type MarkBody = z.output<typeof markBodySchema>;

/** A subjective question of the exam's formal paper(s), with how far its marking has come. */
export const markingQuestionSchema = z.object({
  paperQuestionId: idSchema,
  paperVersion: z.number().int(),
  /** 第 n 题 in paper order. */
  number: z.number().int().positive(),
  sectionTitle: z.string(),
  type: questionTypeSchema,
  stem: z.string(),
  points: z.number(),
  /** Submitted attempts that hold this question (answered or not). */
  submittedCount: z.number().int(),
  /** Answers with their final mark. */
  markedCount: z.number().int(),
  /** Answers waiting for each slot: 一评, 二评 and 仲裁 (the last two under 双评 only). */
  pending: z.object({
    first: z.number().int(),
    second: z.number().int(),
    third: z.number().int(),
  }),
  /** 待阅: the answers the caller may mark now (双评: not those they marked already). */
  myPendingCount: z.number().int(),
});
export type MarkingQuestion = z.infer<typeof markingQuestionSchema>;

export const markingOverviewSchema = z.object({
  examId: idSchema,
  examCode: z.string(),
  examName: z.string(),
  questions: z.array(markingQuestionSchema),
  /** Attempts still being written: their answers come later. */
  inProgressCount: z.number().int(),
  /** No attempt in progress and every subjective answer marked: admins see names from then on. */
  isComplete: z.boolean(),
  /** 双评 and its difference threshold in points; null for single marking. */
  doubleMarking: z.object({ threshold: z.number() }).nullable(),
});
export type MarkingOverview = z.infer<typeof markingOverviewSchema>;

export const getMarkingOverview = defineRoute({
  method: 'GET',
  path: '/api/admin/exams/:examId/marking',
  summary: '阅卷: the subjective questions of the exam’s formal paper(s), each with its progress',
  tags: ['marking'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: examParams,
  response: markingOverviewSchema,
});

export const markViewSchema = z.object({
  slot: markSlotSchema,
  points: z.number(),
  comment: z.string(),
  markerName: z.string(),
  markedAt: isoDateTimeSchema,
});
export type MarkView = z.infer<typeof markViewSchema>;

/** One submitted attempt's answer to the question, as a marker sees it. */
export const markingAnswerSchema = z.object({
  attemptId: idSchema,
  /** 答卷编号 (A001 …): stable per attempt of the exam, in the order attempts started. */
  code: z.string(),
  /** Null when the candidate never answered the question. */
  answer: answerSchema.nullable(),
  /** Single marking: the answer's mark (whoever gave it). 双评: the caller's own mark only. */
  mark: markViewSchema.nullable(),
  /** What the answer waits for: a mark in that slot, or `done` (its final mark is in). */
  stage: answerStageSchema,
  /** The slot the caller's mark would fill now; null when they may not mark it (双评: theirs is in, or the final one). */
  nextSlot: markSlotSchema.nullable(),
  /** Every mark with its marker, in slot order: for admins once marking is complete, else empty. */
  marks: z.array(markViewSchema),
  /** The final points: single marking's mark; under 双评 for admins once marking is complete. */
  finalPoints: z.number().nullable(),
  /** Admins only, once marking is complete; 阅卷人 never see it. Null otherwise. */
  candidate: z.object({ admissionNumber: z.string(), name: z.string() }).nullable(),
});
export type MarkingAnswer = z.infer<typeof markingAnswerSchema>;

export const markingQuestionViewSchema = z.object({
  question: markingQuestionSchema.extend({
    /** 参考答案, for the marker only. */
    referenceAnswer: z.string(),
    /** The essay's length limit, or the file answer's most files. */
    limit: z.number().int().nullable(),
  }),
  isComplete: z.boolean(),
  answers: z.array(markingAnswerSchema),
});
export type MarkingQuestionView = z.infer<typeof markingQuestionViewSchema>;

export const getMarkingQuestion = defineRoute({
  method: 'GET',
  path: '/api/admin/exams/:examId/marking/questions/:paperQuestionId',
  summary: 'One subjective question: its reference answer and every submitted answer, anonymised',
  tags: ['marking'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: markingQuestionParamsSchema,
  response: markingQuestionViewSchema,
});

export const putMarkResponseSchema = z.object({
  mark: markViewSchema,
  /** The answer's stage after this mark. */
  stage: answerStageSchema,
  attemptState: z.enum(['submitted', 'marked']),
  /** The question's marked count (final marks) after this mark. */
  markedCount: z.number().int(),
});
export type PutMarkResponse = z.infer<typeof putMarkResponseSchema>;

const PUT_MARK_SUMMARY =
  '给分 one answer (MARK_POINTS_OVER_MAX, MARK_ATTEMPT_NOT_SUBMITTED; 双评: MARK_SAME_MARKER, MARK_ALREADY_FINAL); the attempt becomes marked with the final mark of its last subjective answer';

export const putMark = defineRoute({
  method: 'PUT',
  path: '/api/admin/exams/:examId/marking/questions/:paperQuestionId/answers/:attemptId',
  summary: PUT_MARK_SUMMARY,
  tags: ['marking'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: markParamsSchema,
  body: markBodySchema,
  response: putMarkResponseSchema,
});

// ---- 阅卷人 (examiners with the marker duty) ----------------------------------------------------

/** A written exam the examiner marks, with how much waits for them. */
export const markerExamSchema = z.object({
  examId: idSchema,
  examCode: z.string(),
  examName: z.string(),
  /** Its subjective questions (of the papers sat). */
  questionCount: z.number().int(),
  /** 待阅: answers the examiner may mark now, over every question. */
  myPendingCount: z.number().int(),
  /** Answers still waiting for any mark (theirs or someone else's). */
  pendingCount: z.number().int(),
  /** Papers handed in so far (none: nothing to mark yet, not "all marked"). */
  submittedCount: z.number().int(),
  inProgressCount: z.number().int(),
  isComplete: z.boolean(),
  isDoubleMarking: z.boolean(),
});
export type MarkerExam = z.infer<typeof markerExamSchema>;

export const listMarkerExams = defineRoute({
  method: 'GET',
  path: '/api/examiner/marking',
  summary: '阅卷: the written exams the examiner marks (a marker duty on one of their sessions)',
  tags: ['marking'],
  access: MARKERS,
  policy: { foreign: 'hidden' },
  response: z.object({ items: z.array(markerExamSchema) }),
});

export const getMarkerOverview = defineRoute({
  method: 'GET',
  path: '/api/examiner/exams/:examId/marking',
  summary:
    '阅卷 for a 阅卷人: the subjective questions with their progress (NOT_FOUND without the duty)',
  tags: ['marking'],
  access: MARKERS,
  policy: { foreign: 'NOT_FOUND' },
  params: examParams,
  response: markingOverviewSchema,
});

export const getMarkerQuestion = defineRoute({
  method: 'GET',
  path: '/api/examiner/exams/:examId/marking/questions/:paperQuestionId',
  summary: 'One subjective question for a 阅卷人: every submitted answer, always anonymised',
  tags: ['marking'],
  access: MARKERS,
  policy: { foreign: 'NOT_FOUND' },
  params: markingQuestionParamsSchema,
  response: markingQuestionViewSchema,
});

export const putMarkerMark = defineRoute({
  method: 'PUT',
  path: '/api/examiner/exams/:examId/marking/questions/:paperQuestionId/answers/:attemptId',
  summary: PUT_MARK_SUMMARY,
  tags: ['marking'],
  access: MARKERS,
  policy: { foreign: 'NOT_FOUND' },
  params: markParamsSchema,
  body: markBodySchema,
  response: putMarkResponseSchema,
});

// ---- Results --------------------------------------------------------------------------------

export const CANDIDATE_STATES = ['absent', 'in_progress', 'submitted', 'marked'] as const;
export const sectionPointsSchema = z.object({
  title: z.string(),
  points: z.number(),
  maxPoints: z.number(),
});

export const writtenResultRowSchema = z.object({
  registrationId: idSchema,
  admissionNumber: z.string(),
  candidateName: z.string(),
  sessionName: z.string(),
  /** absent: never started the paper. */
  state: z.enum(CANDIDATE_STATES),
  objectivePoints: z.number().nullable(),
  /**
   * Subjective points, total, sections and pass/fail appear once the exam's marking is complete
   * (null and empty before): beside names they would undo the anonymous marking.
   */
  subjectivePoints: z.number().nullable(),
  total: z.number().nullable(),
  maxTotal: z.number().nullable(),
  sections: z.array(sectionPointsSchema),
  /** Against the paper's pass mark, once every answer is scored; null without one. */
  passed: z.boolean().nullable(),
});
export type WrittenResultRow = z.infer<typeof writtenResultRowSchema>;

/** How one question came out over the scored attempts holding it. */
export const questionStatSchema = z.object({
  paperQuestionId: idSchema,
  paperVersion: z.number().int(),
  number: z.number().int(),
  type: questionTypeSchema,
  points: z.number(),
  /** Attempts counted: submitted ones holding the question, subjective ones once marked. */
  count: z.number().int(),
  mean: z.number().nullable(),
  /** 难度 (P): mean / points, 0 (nobody scored) to 1 (everybody full marks). */
  difficulty: z.number().nullable(),
  /** 区分度 (D): the upper 27 % (by total) minus the lower 27 %, each as mean / points. */
  discrimination: z.number().nullable(),
});
export type QuestionStat = z.infer<typeof questionStatSchema>;

export const writtenResultsSchema = z.object({
  examId: idSchema,
  examCode: z.string(),
  examName: z.string(),
  passMark: z.number().nullable(),
  /** The latest formal paper's total (null without a paper). */
  maxTotal: z.number().nullable(),
  isMarkingComplete: z.boolean(),
  publishedAt: isoDateTimeSchema.nullable(),
  publishedByName: z.string().nullable(),
  items: z.array(writtenResultRowSchema),
  questions: z.array(questionStatSchema),
});
export type WrittenResults = z.infer<typeof writtenResultsSchema>;

export const getWrittenResults = defineRoute({
  method: 'GET',
  path: '/api/admin/exams/:examId/written-results',
  summary:
    'The written exam’s results: each candidate’s points and pass/fail, each question’s statistics',
  tags: ['marking'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: examParams,
  response: writtenResultsSchema,
});

/** XLSX of the written results (binary, so not a JSON contract; same access as the results). */
export const WRITTEN_RESULTS_XLSX_PATH = '/api/admin/exams/:examId/written-results.xlsx';
export const writtenResultsParamsSchema = examParams;
export const writtenResultsXlsxFile = defineDownload({
  method: 'GET',
  path: WRITTEN_RESULTS_XLSX_PATH,
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: writtenResultsParamsSchema,
});

export const publishWrittenResults = defineRoute({
  method: 'POST',
  path: '/api/admin/exams/:examId/written-results/publish',
  summary:
    '公布成绩: candidates see their result from now on; refused while answers are unmarked (MARKING_INCOMPLETE) or attempts open (WRITTEN_ATTEMPTS_OPEN)',
  tags: ['marking'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: examParams,
  response: z.object({ publishedAt: isoDateTimeSchema }),
});

// ---- The candidate's result ------------------------------------------------------------------

export const myWrittenResultSchema = z.discriminatedUnion('published', [
  /**
   * Not published yet, not a written exam, or the candidate's paper not fully marked (sat after
   * the publication): nothing hints at a score.
   */
  z.object({ published: z.literal(false) }),
  z.object({
    published: z.literal(true),
    publishedAt: isoDateTimeSchema,
    examName: z.string(),
    /** Null when the candidate never started the paper (缺考). */
    result: z
      .object({
        total: z.number(),
        maxTotal: z.number(),
        passMark: z.number().nullable(),
        passed: z.boolean().nullable(),
        sections: z.array(sectionPointsSchema),
        /** In the candidate's own order (第 n 题 as they saw it). */
        questions: z.array(
          z.object({
            number: z.number().int(),
            type: questionTypeSchema,
            points: z.number(),
            maxPoints: z.number(),
            /**
             * The question as the candidate saw it, their answer and the key: only where the
             * exam shows answers with the result (resultAnswersShown), else all null.
             */
            question: candidateQuestionSchema.nullable(),
            answer: answerSchema.nullable(),
            correct: correctAnswerSchema.nullable(),
          }),
        ),
      })
      .nullable(),
  }),
]);
export type MyWrittenResult = z.infer<typeof myWrittenResultSchema>;

export const getMyWrittenResult = defineRoute({
  method: 'GET',
  path: '/api/me/registrations/:registrationId/written-result',
  summary: 'The candidate’s written result once published (published: false before)',
  tags: ['marking'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: myWrittenResultSchema,
});
