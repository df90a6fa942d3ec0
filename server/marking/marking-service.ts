import type { SessionUser } from '../../shared/api/auth.js';
import type {
  MarkBody,
  MarkingOverview,
  MarkingQuestion,
  MarkingQuestionView,
} from '../../shared/api/marking.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { canManageExam, examAdminScope } from '../exams/admin-policy.js';
import {
  attemptCode,
  isAttemptFullyMarked,
  isSubjective,
  paperNumbers,
  subjectiveIdsOf,
  unmarkedAttempts,
} from './marking-book.js';
import { presentMark } from './presenter.js';
import type { ExamAttempt, MarkRow, MarkingRepo, PaperQuestionInfo } from './repo.js';

/** What marking and results read about one exam: its formal papers, attempts and marks. */
export interface ExamBook {
  exam: { id: string; schoolId: string; code: string; name: string };
  papers: { id: string; version: number; title: string; passMark: number | null }[];
  questions: Map<string, PaperQuestionInfo>;
  numbers: Map<string, number>;
  attempts: ExamAttempt[];
  marks: MarkRow[];
  /** The marked question ids of each attempt. */
  marked: Map<string, Set<string>>;
  /** No attempt in progress and no submitted one waiting for a mark. */
  isComplete: boolean;
}

/** 404 for an exam outside the admin's school or college, so ids cannot be probed. */
export async function managedExam(repo: MarkingRepo, user: SessionUser, examId: string) {
  const scope = examAdminScope(user);
  const exam = await repo.findExam(examId);
  if (!exam || !canManageExam(scope, exam)) throw AppError.notFound('exam');
  return exam;
}

export async function loadExamBook(repo: MarkingRepo, exam: ExamBook['exam']): Promise<ExamBook> {
  const [papers, attempts, marks] = await Promise.all([
    repo.formalPapers(exam.id),
    repo.formalAttempts(exam.id),
    repo.marksOf(exam.id),
  ]);
  const questionRows = await repo.questionsOf(papers.map((p) => p.id));
  const questions = new Map(questionRows.map((question) => [question.id, question]));
  const marked = new Map<string, Set<string>>();
  for (const mark of marks) {
    const set = marked.get(mark.attemptId) ?? new Set<string>();
    set.add(mark.paperQuestionId);
    marked.set(mark.attemptId, set);
  }
  const isComplete =
    attempts.every((attempt) => attempt.state !== 'in_progress') &&
    unmarkedAttempts(attempts, questions, marked).length === 0;
  return {
    exam,
    papers,
    questions,
    numbers: paperNumbers(questionRows),
    attempts,
    marks,
    marked,
    isComplete,
  };
}

/**
 * 阅卷 (issue 14 §6): the exam's admins mark each subjective answer per question across
 * candidates, anonymised by 答卷编号 until every answer is marked. One mark per answer (no 双评).
 */
export class MarkingService {
  constructor(
    private readonly repo: MarkingRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async overview(user: SessionUser, examId: string): Promise<MarkingOverview> {
    const book = await loadExamBook(this.repo, await managedExam(this.repo, user, examId));
    return {
      examId,
      examCode: book.exam.code,
      examName: book.exam.name,
      questions: this.markedQuestions(book).map((question) => this.questionOf(book, question)),
      inProgressCount: book.attempts.filter((attempt) => attempt.state === 'in_progress').length,
      isComplete: book.isComplete,
    };
  }

  async question(
    user: SessionUser,
    examId: string,
    paperQuestionId: string,
  ): Promise<MarkingQuestionView> {
    const book = await loadExamBook(this.repo, await managedExam(this.repo, user, examId));
    const question = subjectiveQuestion(book, paperQuestionId);
    const holders = submittedHolders(book, paperQuestionId);
    const answers = new Map(
      (
        await this.repo.answersOf(
          holders.map(({ attempt }) => attempt.id),
          paperQuestionId,
        )
      ).map((row) => [row.attemptId, row.answer]),
    );
    const marks = new Map(
      book.marks
        .filter((mark) => mark.paperQuestionId === paperQuestionId)
        .map((mark) => [mark.attemptId, mark]),
    );
    const content = question.content;
    return {
      question: {
        ...this.questionOf(book, question),
        referenceAnswer: 'referenceAnswer' in content ? content.referenceAnswer : '',
        limit:
          content.type === 'essay'
            ? content.maxLength
            : content.type === 'file'
              ? content.maxFiles
              : null,
      },
      isComplete: book.isComplete,
      answers: holders.map(({ attempt, index }) => {
        const mark = marks.get(attempt.id);
        return {
          attemptId: attempt.id,
          code: attemptCode(index),
          answer: answers.get(attempt.id) ?? null,
          mark: mark ? presentMark(mark) : null,
          candidate: book.isComplete
            ? { admissionNumber: attempt.admissionNumber, name: attempt.candidateName }
            : null,
        };
      }),
    };
  }

  /** 给分: the mark of one answer; the attempt becomes marked with its last subjective mark. */
  async mark(
    actor: Actor,
    ids: { examId: string; paperQuestionId: string; attemptId: string },
    body: MarkBody,
  ) {
    const exam = await managedExam(this.repo, actor.user, ids.examId);
    const book = await loadExamBook(this.repo, exam);
    const question = subjectiveQuestion(book, ids.paperQuestionId);
    const index = book.attempts.findIndex((attempt) => attempt.id === ids.attemptId);
    const attempt = book.attempts[index];
    const holds = attempt?.layout.questions.some(
      (entry) => entry.paperQuestionId === ids.paperQuestionId,
    );
    if (!attempt || !holds) throw AppError.notFound('answer');
    if (body.points > question.points) {
      throw AppError.of(
        'MARK_POINTS_OVER_MAX',
        `${String(body.points)} > ${String(question.points)}`,
      );
    }
    const now = this.clock.now();
    const saved = await this.repo.saveMark(
      {
        attemptId: attempt.id,
        paperQuestionId: question.id,
        schoolId: exam.schoolId,
        examId: exam.id,
        points: body.points,
        comment: body.comment,
        markerId: actor.user.id,
        markedAt: now,
      },
      (markedIds) => isAttemptFullyMarked(attempt, book.questions, markedIds),
    );
    if (saved === 'not_submitted') throw AppError.of('MARK_ATTEMPT_NOT_SUBMITTED');
    await this.audit.recordBy(actor, {
      schoolId: exam.schoolId,
      action: 'answer.marked',
      targetType: 'attempt',
      targetId: attempt.id,
      // The 答卷编号, never the candidate: the log is read while marking is still anonymous.
      detail: `${exam.code} ${attemptCode(index)} 第${String(book.numbers.get(question.id) ?? 0)}题: ${String(body.points)}/${String(question.points)}`,
    });
    const alreadyMarked = book.marks.some(
      (mark) => mark.attemptId === attempt.id && mark.paperQuestionId === question.id,
    );
    const before = this.questionOf(book, question).markedCount;
    return {
      mark: {
        points: body.points,
        comment: body.comment,
        markerName: actor.user.name,
        markedAt: now.toISOString(),
      },
      attemptState: saved.state,
      markedCount: alreadyMarked ? before : before + 1,
    };
  }

  /** The subjective questions of the papers attempts sit, or of the latest paper without any. */
  private markedQuestions(book: ExamBook): PaperQuestionInfo[] {
    const sat = new Set(book.attempts.map((attempt) => attempt.paperId));
    const latest = book.papers.at(-1);
    if (sat.size === 0 && latest) sat.add(latest.id);
    const version = new Map(book.papers.map((p) => [p.id, p.version]));
    return [...book.questions.values()]
      .filter((question) => sat.has(question.paperId) && isSubjective(question.content))
      .sort(
        (a, b) =>
          (version.get(a.paperId) ?? 0) - (version.get(b.paperId) ?? 0) ||
          (book.numbers.get(a.id) ?? 0) - (book.numbers.get(b.id) ?? 0),
      );
  }

  private questionOf(book: ExamBook, question: PaperQuestionInfo): MarkingQuestion {
    const holders = submittedHolders(book, question.id);
    return {
      paperQuestionId: question.id,
      paperVersion: book.papers.find((p) => p.id === question.paperId)?.version ?? 1,
      number: book.numbers.get(question.id) ?? 0,
      sectionTitle: question.sectionTitle,
      type: question.content.type,
      stem: question.content.stem,
      points: question.points,
      submittedCount: holders.length,
      markedCount: holders.filter(({ attempt }) => book.marked.get(attempt.id)?.has(question.id))
        .length,
    };
  }
}

/** A subjective question of one of the exam's formal papers; any other id is not found. */
function subjectiveQuestion(book: ExamBook, paperQuestionId: string): PaperQuestionInfo {
  const question = book.questions.get(paperQuestionId);
  if (!question) throw AppError.notFound('question');
  if (!isSubjective(question.content)) throw AppError.of('MARK_QUESTION_OBJECTIVE');
  return question;
}

/** The submitted (or marked) attempts holding the question, with their place for the 答卷编号. */
function submittedHolders(book: ExamBook, paperQuestionId: string) {
  return book.attempts.flatMap((attempt, index) =>
    attempt.state !== 'in_progress' &&
    subjectiveIdsOf(attempt, book.questions).includes(paperQuestionId)
      ? [{ attempt, index }]
      : [],
  );
}
