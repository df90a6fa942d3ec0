import type { SessionUser } from '../../shared/api/auth.js';
import type {
  MarkBody,
  MarkerExam,
  MarkingAnswer,
  MarkingOverview,
  MarkingQuestion,
  MarkingQuestionView,
  PutMarkResponse,
} from '../../shared/api/marking.js';
import { answerOutcome, type MarkSlot } from '../../shared/api/marking-rules.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import {
  loadExamBook,
  managedExam,
  markerExam,
  outcomesOf,
  finalsOf,
  type ExamBook,
  type MarkingRole,
} from './exam-book.js';
import {
  attemptCode,
  isAttemptFullyMarked,
  isSubjective,
  subjectiveIdsOf,
} from './marking-book.js';
import { presentMark } from './presenter.js';
import type { ExamAttempt, LockedMark, MarkRow, MarkingRepo, PaperQuestionInfo } from './repo.js';

export { loadExamBook, managedExam, markingExamFor, type ExamBook } from './exam-book.js';

/** How the audit log names a slot (Chinese word, then the stored name). */
const SLOT_WORDS: Record<MarkSlot, string> = { first: '一评', second: '二评', third: '仲裁' };

/**
 * 阅卷 (issue 14 §6): the exam's admins and its 阅卷人 mark each subjective answer per question
 * across candidates, anonymised by 答卷编号 (阅卷人 always, admins until every answer has its
 * final mark). Single marking keeps the latest mark; 双评 asks two different markers and, beyond
 * the exam's threshold, a third (shared/api/marking-rules.ts).
 */
export class MarkingService {
  constructor(
    private readonly repo: MarkingRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The written exams the examiner marks, each with their 待阅 count. */
  async markerExams(user: SessionUser): Promise<MarkerExam[]> {
    const items: MarkerExam[] = [];
    for (const examId of await this.repo.markerExamIds(user.id)) {
      const exam = await this.repo.findExam(examId);
      if (!exam || exam.schoolId !== user.schoolId || exam.kind !== 'written') continue;
      const book = await loadExamBook(this.repo, exam);
      const questions = markedQuestions(book).map((q) => this.questionOf(book, q, user));
      items.push({
        examId,
        examCode: exam.code,
        examName: exam.name,
        questionCount: questions.length,
        myPendingCount: sum(questions.map((q) => q.myPendingCount)),
        pendingCount: sum(questions.map((q) => q.submittedCount - q.markedCount)),
        submittedCount: book.attempts.filter((a) => a.state !== 'in_progress').length,
        inProgressCount: book.attempts.filter((a) => a.state === 'in_progress').length,
        isComplete: book.isComplete,
        isDoubleMarking: book.rule.doubleMarking,
      });
    }
    return items.sort((a, b) => a.examCode.localeCompare(b.examCode));
  }

  async overview(user: SessionUser, examId: string, role: MarkingRole): Promise<MarkingOverview> {
    const book = await this.bookFor(user, examId, role);
    return {
      examId,
      examCode: book.exam.code,
      examName: book.exam.name,
      questions: markedQuestions(book).map((question) => this.questionOf(book, question, user)),
      inProgressCount: book.attempts.filter((attempt) => attempt.state === 'in_progress').length,
      isComplete: book.isComplete,
      doubleMarking: book.rule.doubleMarking ? { threshold: book.rule.threshold } : null,
    };
  }

  async question(
    user: SessionUser,
    examId: string,
    paperQuestionId: string,
    role: MarkingRole,
  ): Promise<MarkingQuestionView> {
    const book = await this.bookFor(user, examId, role);
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
    const content = question.content;
    return {
      question: {
        ...this.questionOf(book, question, user),
        referenceAnswer: 'referenceAnswer' in content ? content.referenceAnswer : '',
        limit:
          content.type === 'essay'
            ? content.maxLength
            : content.type === 'file'
              ? content.maxFiles
              : null,
      },
      isComplete: book.isComplete,
      answers: holders.map(({ attempt, index }) =>
        this.answerOf(book, question.id, attempt, index, user, role, answers.get(attempt.id)),
      ),
    };
  }

  /**
   * 给分: the caller's mark of one answer. Single marking replaces the answer's mark; 双评 puts it
   * in the slot the answer waits for, or over the caller's own earlier mark (a correction: one
   * marker never fills two slots), and refuses an answer with its final mark
   * (MARK_ALREADY_FINAL). The attempt becomes marked once its last subjective answer has its
   * final mark.
   */
  async mark(
    actor: Actor,
    ids: { examId: string; paperQuestionId: string; attemptId: string },
    body: MarkBody,
    role: MarkingRole,
  ): Promise<PutMarkResponse> {
    const book = await this.bookFor(actor.user, ids.examId, role);
    const { exam, rule } = book;
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
    let stage = answerOutcome([], rule).stage;
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
      (answerMarks) => {
        if (!rule.doubleMarking) return 'first';
        const outcome = answerOutcome(answerMarks, rule);
        if (outcome.stage === 'done') return { refused: 'MARK_ALREADY_FINAL' as const };
        // A marker corrects their own mark until the final one is in; never fills a second slot.
        return answerMarks.find((mark) => mark.markerId === actor.user.id)?.slot ?? outcome.stage;
      },
      (marks) => {
        const outcomes = outcomesOf(withAttempt(marks, attempt.id), rule);
        stage = outcomes.get(attempt.id)?.get(question.id)?.stage ?? stage;
        const finalIds = new Set(finalsOf(outcomes).get(attempt.id)?.keys());
        return isAttemptFullyMarked(attempt, book.questions, finalIds);
      },
    );
    if (saved === 'not_submitted') throw AppError.of('MARK_ATTEMPT_NOT_SUBMITTED');
    if ('refused' in saved) throw AppError.of(saved.refused);
    await this.audit.recordBy(actor, {
      schoolId: exam.schoolId,
      action: 'answer.marked',
      targetType: 'attempt',
      targetId: attempt.id,
      // The 答卷编号, never the candidate: the log is read while marking is still anonymous.
      detail: `${exam.code} ${attemptCode(index)} 第${String(book.numbers.get(question.id) ?? 0)}题 ${SLOT_WORDS[saved.slot]}(${saved.slot}): ${String(body.points)}/${String(question.points)}`,
    });
    const wasDone = book.finals.get(attempt.id)?.has(question.id) === true;
    const before = this.questionOf(book, question, actor.user).markedCount;
    return {
      mark: {
        slot: saved.slot,
        points: body.points,
        comment: body.comment,
        markerName: actor.user.name,
        markedAt: now.toISOString(),
      },
      stage,
      attemptState: saved.state,
      markedCount: before + (stage === 'done' && !wasDone ? 1 : 0),
    };
  }

  private async bookFor(user: SessionUser, examId: string, role: MarkingRole) {
    const exam =
      role === 'admin'
        ? await managedExam(this.repo, user, examId)
        : await markerExam(this.repo, user, examId);
    return loadExamBook(this.repo, exam);
  }

  private questionOf(
    book: ExamBook,
    question: PaperQuestionInfo,
    user: SessionUser,
  ): MarkingQuestion {
    const holders = submittedHolders(book, question.id);
    const pending = { first: 0, second: 0, third: 0 };
    let myPendingCount = 0;
    for (const { attempt } of holders) {
      const stage = book.outcomes.get(attempt.id)?.get(question.id)?.stage ?? 'first';
      if (stage === 'done') continue;
      pending[stage] += 1;
      if (waitsFor(book, answerMarksOf(book, attempt.id, question.id), user)) {
        myPendingCount += 1;
      }
    }
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
      pending,
      myPendingCount,
    };
  }

  /** One answer as the caller may see it: 双评 hides the other markers' marks until the end. */
  private answerOf(
    book: ExamBook,
    questionId: string,
    attempt: ExamAttempt,
    index: number,
    user: SessionUser,
    role: MarkingRole,
    answer: MarkingAnswer['answer'] | undefined,
  ): MarkingAnswer {
    const answerMarks = answerMarksOf(book, attempt.id, questionId);
    const outcome = book.outcomes.get(attempt.id)?.get(questionId);
    const revealed = role === 'admin' && book.isComplete;
    const shown = book.rule.doubleMarking
      ? answerMarks.filter((mark) => mark.markerId === user.id)
      : answerMarks;
    const latest = [...shown].sort((a, b) => b.markedAt.getTime() - a.markedAt.getTime())[0];
    return {
      attemptId: attempt.id,
      code: attemptCode(index),
      answer: answer ?? null,
      mark: latest ? presentMark(latest) : null,
      stage: outcome?.stage ?? 'first',
      nextSlot: nextSlotOf(book, answerMarks, user),
      marks: revealed ? answerMarks.map(presentMark) : [],
      finalPoints: !book.rule.doubleMarking || revealed ? (outcome?.finalPoints ?? null) : null,
      candidate: revealed
        ? { admissionNumber: attempt.admissionNumber, name: attempt.candidateName }
        : null,
    };
  }
}

/**
 * The slot the user's mark would fill now: under 双评 their own slot once they marked (a
 * correction), null once the final mark is in.
 */
function nextSlotOf(book: ExamBook, answerMarks: readonly MarkRow[], user: SessionUser) {
  if (!book.rule.doubleMarking) return 'first';
  const { stage } = answerOutcome(answerMarks, book.rule);
  if (stage === 'done') return null;
  return answerMarks.find((mark) => mark.markerId === user.id)?.slot ?? stage;
}

/** Whether the answer waits for a mark from this user (under 双评: not one they gave already). */
function waitsFor(book: ExamBook, answerMarks: readonly MarkRow[], user: SessionUser): boolean {
  const slot = nextSlotOf(book, answerMarks, user);
  return (
    slot !== null && !answerMarks.some((mark) => mark.markerId === user.id && mark.slot === slot)
  );
}

function answerMarksOf(book: ExamBook, attemptId: string, questionId: string): MarkRow[] {
  const order: Record<MarkSlot, number> = { first: 0, second: 1, third: 2 };
  return book.marks
    .filter((mark) => mark.attemptId === attemptId && mark.paperQuestionId === questionId)
    .sort((a, b) => order[a.slot] - order[b.slot]);
}

function withAttempt(marks: readonly LockedMark[], attemptId: string) {
  return marks.map((mark) => ({ ...mark, attemptId }));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** The subjective questions of the papers attempts sit, or of the latest paper without any. */
function markedQuestions(book: ExamBook): PaperQuestionInfo[] {
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
