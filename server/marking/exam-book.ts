import type { SessionUser } from '../../shared/api/auth.js';
import {
  answerOutcome,
  markingRuleOf,
  type AnswerStage,
  type MarkingRule,
} from '../../shared/api/marking-rules.js';
import { AppError } from '../errors/app-error.js';
import { canManageExam, examAdminScope } from '../exams/admin-policy.js';
import { paperNumbers, unmarkedAttempts } from './marking-book.js';
import type { ExamAttempt, MarkRow, MarkingRepo, PaperQuestionInfo } from './repo.js';

export type MarkingExam = NonNullable<Awaited<ReturnType<MarkingRepo['findExam']>>>;

/** Where one answer's marking stands (shared/api/marking-rules.ts answerOutcome). */
export interface AnswerOutcome {
  stage: AnswerStage;
  finalPoints: number | null;
}

/** What marking and results read about one exam: its formal papers, attempts and marks. */
export interface ExamBook {
  exam: Pick<MarkingExam, 'id' | 'schoolId' | 'code' | 'name'>;
  rule: MarkingRule;
  papers: { id: string; version: number; title: string; passMark: number | null }[];
  questions: Map<string, PaperQuestionInfo>;
  numbers: Map<string, number>;
  attempts: ExamAttempt[];
  marks: MarkRow[];
  /** Each marked answer's outcome, by attempt then question (unmarked answers are absent). */
  outcomes: Map<string, Map<string, AnswerOutcome>>;
  /** The final points of each attempt's answers that have them, by question. */
  finals: Map<string, Map<string, number>>;
  /** The question ids of each attempt with their final mark. */
  marked: Map<string, Set<string>>;
  /** No attempt in progress and no submitted one waiting for a final mark. */
  isComplete: boolean;
}

/** Who opens the marking view: an exam admin, or a 阅卷人 (examiner with the marker duty). */
export type MarkingRole = 'admin' | 'marker';

/** 404 for an exam outside the admin's school or college, so ids cannot be probed. */
export async function managedExam(repo: MarkingRepo, user: SessionUser, examId: string) {
  const scope = examAdminScope(user);
  const exam = await repo.findExam(examId);
  if (!exam || !canManageExam(scope, exam)) throw AppError.notFound('exam');
  return exam;
}

/** 404 unless the examiner holds the marker duty on a session of this written exam of theirs. */
export async function markerExam(repo: MarkingRepo, user: SessionUser, examId: string) {
  const exam = await repo.findExam(examId);
  if (
    !exam ||
    user.role !== 'examiner' ||
    exam.schoolId !== user.schoolId ||
    exam.kind !== 'written' ||
    !(await repo.isMarker(examId, user.id))
  ) {
    throw AppError.notFound('exam');
  }
  return exam;
}

/** The exam for whoever may mark it: its admins, or its 阅卷人 (examiners); 404 for anyone else. */
export function markingExamFor(repo: MarkingRepo, user: SessionUser, examId: string) {
  return user.role === 'examiner'
    ? markerExam(repo, user, examId)
    : managedExam(repo, user, examId);
}

/** Each answer's outcome under the rule, from its marks, by attempt then question. */
export function outcomesOf(
  marks: readonly Pick<MarkRow, 'attemptId' | 'paperQuestionId' | 'slot' | 'points' | 'markedAt'>[],
  rule: MarkingRule,
): Map<string, Map<string, AnswerOutcome>> {
  const grouped = new Map<string, Map<string, (typeof marks)[number][]>>();
  for (const mark of marks) {
    const own = grouped.get(mark.attemptId) ?? new Map<string, (typeof marks)[number][]>();
    own.set(mark.paperQuestionId, [...(own.get(mark.paperQuestionId) ?? []), mark]);
    grouped.set(mark.attemptId, own);
  }
  return new Map(
    [...grouped].map(([attemptId, byQuestion]) => [
      attemptId,
      new Map(
        [...byQuestion].map(([questionId, answerMarks]) => [
          questionId,
          answerOutcome(answerMarks, rule),
        ]),
      ),
    ]),
  );
}

/** The final points of the answers that have them, by attempt then question. */
export function finalsOf(
  outcomes: ReadonlyMap<string, ReadonlyMap<string, AnswerOutcome>>,
): Map<string, Map<string, number>> {
  const finals = new Map<string, Map<string, number>>();
  for (const [attemptId, byQuestion] of outcomes) {
    const own = new Map<string, number>();
    for (const [questionId, outcome] of byQuestion) {
      if (outcome.finalPoints !== null) own.set(questionId, outcome.finalPoints);
    }
    finals.set(attemptId, own);
  }
  return finals;
}

export async function loadExamBook(repo: MarkingRepo, exam: MarkingExam): Promise<ExamBook> {
  const [papers, attempts, marks] = await Promise.all([
    repo.formalPapers(exam.id),
    repo.formalAttempts(exam.id),
    repo.marksOf(exam.id),
  ]);
  const questionRows = await repo.questionsOf(papers.map((p) => p.id));
  const questions = new Map(questionRows.map((question) => [question.id, question]));
  const rule = markingRuleOf(exam.rules);
  const outcomes = outcomesOf(marks, rule);
  const finals = finalsOf(outcomes);
  const marked = new Map([...finals].map(([attemptId, own]) => [attemptId, new Set(own.keys())]));
  const isComplete =
    attempts.every((attempt) => attempt.state !== 'in_progress') &&
    unmarkedAttempts(attempts, questions, marked).length === 0;
  return {
    exam,
    rule,
    papers,
    questions,
    numbers: paperNumbers(questionRows),
    attempts,
    marks,
    outcomes,
    finals,
    marked,
    isComplete,
  };
}
