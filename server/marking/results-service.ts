import type { SessionUser } from '../../shared/api/auth.js';
import type {
  MyWrittenResult,
  QuestionStat,
  WrittenResultRow,
  WrittenResults,
} from '../../shared/api/marking.js';
import { markingRuleOf } from '../../shared/api/marking-rules.js';
import type { Answer } from '../../shared/questions/answer-schema.js';
import { questionForCandidate } from '../../shared/questions/candidate-view.js';
import { correctAnswerOf } from '../../shared/questions/correct-answer.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import type { DocumentDownload } from '../documents/download.js';
import { AppError } from '../errors/app-error.js';
import { XLSX_CONTENT_TYPE } from '../scoring/results-xlsx.js';
import {
  isAttemptFullyMarked,
  questionStatistics,
  round,
  scoreAttempt,
  sectionTotals,
  unmarkedAttempts,
  type ScoredQuestion,
} from './marking-book.js';
import { finalsOf, loadExamBook, managedExam, outcomesOf, type ExamBook } from './exam-book.js';
import type { ExamAttempt, MarkingRepo } from './repo.js';
import { buildWrittenResultsWorkbook } from './results-xlsx.js';

interface ScoredAttempt {
  attempt: ExamAttempt;
  scored: ScoredQuestion[];
  objective: number;
  subjective: number;
  total: number;
  maxTotal: number;
  isComplete: boolean;
}

/** 成绩 of written exams: per candidate and per question, the XLSX, 公布成绩, the candidate's view. */
export class WrittenResultsService {
  constructor(
    private readonly repo: MarkingRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async results(user: SessionUser, examId: string): Promise<WrittenResults> {
    const exam = await managedExam(this.repo, user, examId);
    const book = await loadExamBook(this.repo, exam);
    const [registrations, scored, release] = await Promise.all([
      this.repo.registrationsOf(examId),
      this.scoreAll(book),
      this.repo.release(examId),
    ]);
    const latest = book.papers.at(-1);
    const byRegistration = new Map(scored.map((entry) => [entry.attempt.registrationId, entry]));
    return {
      examId,
      examCode: exam.code,
      examName: exam.name,
      passMark: latest?.passMark ?? null,
      maxTotal: latest ? this.paperTotal(book, latest.id) : null,
      isMarkingComplete: book.isComplete,
      publishedAt: release?.publishedAt.toISOString() ?? null,
      publishedByName: release?.byName ?? null,
      items: registrations.map((registration) =>
        this.rowOf(book, registration, byRegistration.get(registration.registrationId)),
      ),
      questions: this.statistics(book, scored),
    };
  }

  async resultsXlsx(user: SessionUser, examId: string): Promise<DocumentDownload> {
    const results = await this.results(user, examId);
    return {
      bytes: await buildWrittenResultsWorkbook(results),
      mimeType: XLSX_CONTENT_TYPE,
      fileName: `笔试成绩-${results.examCode}.xlsx`,
    };
  }

  /** 公布成绩: refused while attempts are open or answers unmarked; the first publication stays. */
  async publish(actor: Actor, examId: string) {
    const exam = await managedExam(this.repo, actor.user, examId);
    const existing = await this.repo.release(examId);
    if (existing) return { publishedAt: existing.publishedAt.toISOString() };
    const book = await loadExamBook(this.repo, exam);
    if (book.attempts.some((attempt) => attempt.state === 'in_progress')) {
      throw AppError.of('WRITTEN_ATTEMPTS_OPEN');
    }
    const unmarked = unmarkedAttempts(book.attempts, book.questions, book.marked);
    if (unmarked.length > 0) {
      throw AppError.of('MARKING_INCOMPLETE', `${String(unmarked.length)} attempts unmarked`);
    }
    const now = this.clock.now();
    const isFirst = await this.repo.publish({
      examId,
      schoolId: exam.schoolId,
      publishedAt: now,
      publishedBy: actor.user.id,
    });
    if (!isFirst) {
      const release = await this.repo.release(examId);
      if (!release) throw new Error('the publication vanished');
      return { publishedAt: release.publishedAt.toISOString() };
    }
    await this.audit.recordBy(actor, {
      schoolId: exam.schoolId,
      action: 'written_results.published',
      targetType: 'exam',
      targetId: examId,
      detail: `${exam.code} ${exam.name}: ${String(book.attempts.length)} attempts`,
    });
    return { publishedAt: now.toISOString() };
  }

  /** The candidate's own result, once published; nothing before (published: false). */
  async mine(user: SessionUser, registrationId: string): Promise<MyWrittenResult> {
    const registration = await this.repo.ownRegistration(user.id, registrationId);
    if (!registration) throw AppError.notFound('registration');
    if (registration.examKind !== 'written') return { published: false };
    const release = await this.repo.release(registration.examId);
    if (!release) return { published: false };
    const published = {
      published: true as const,
      publishedAt: release.publishedAt.toISOString(),
      examName: registration.examName,
    };
    const attempt = await this.repo.formalAttemptOf(registrationId);
    if (!attempt) return { ...published, result: null };
    const [papers, marks, answers] = await Promise.all([
      this.repo.formalPapers(registration.examId),
      this.repo.marksOfAttempt(attempt.id),
      this.repo.answersOf([attempt.id]),
    ]);
    const questions = new Map(
      (await this.repo.questionsOf([attempt.paperId])).map((question) => [question.id, question]),
    );
    // An attempt sat or submitted after the publication waits for its own final marks.
    const finals =
      finalsOf(outcomesOf(marks, markingRuleOf(registration.rules))).get(attempt.id) ??
      new Map<string, number>();
    if (
      attempt.state === 'in_progress' ||
      !isAttemptFullyMarked(attempt, questions, new Set(finals.keys()))
    ) {
      return { published: false };
    }
    const given = new Map(answers.map((row) => [row.paperQuestionId, row.answer]));
    const scored = scoreAttempt(attempt, questions, given, finals);
    const total = round(scored.reduce((sum, question) => sum + (question.points ?? 0), 0));
    const passMark = papers.find((p) => p.id === attempt.paperId)?.passMark ?? null;
    return {
      ...published,
      result: {
        total,
        maxTotal: round(scored.reduce((sum, question) => sum + question.maxPoints, 0)),
        passMark,
        passed: passMark === null ? null : total >= passMark,
        sections: sectionTotals(scored),
        questions: scored.map((question) => {
          const content = questions.get(question.paperQuestionId)?.content;
          const shown = registration.rules.resultAnswersShown && content !== undefined;
          return {
            number: question.number,
            type: question.type,
            points: question.points ?? 0,
            maxPoints: question.maxPoints,
            question: shown
              ? questionForCandidate(
                  content,
                  attempt.layout.questions[question.number - 1]?.optionOrder ?? null,
                )
              : null,
            answer: shown ? (given.get(question.paperQuestionId) ?? null) : null,
            correct: shown ? correctAnswerOf(content) : null,
          };
        }),
      },
    };
  }

  private async scoreAll(book: ExamBook): Promise<ScoredAttempt[]> {
    const submitted = book.attempts.filter((attempt) => attempt.state !== 'in_progress');
    const answers = await this.repo.answersOf(submitted.map((attempt) => attempt.id));
    const answersOf = new Map<string, Map<string, Answer>>();
    for (const row of answers) {
      const own = answersOf.get(row.attemptId) ?? new Map<string, Answer>();
      own.set(row.paperQuestionId, row.answer);
      answersOf.set(row.attemptId, own);
    }
    return submitted.map((attempt) => {
      const scored = scoreAttempt(
        attempt,
        book.questions,
        answersOf.get(attempt.id) ?? new Map(),
        book.finals.get(attempt.id) ?? new Map(),
      );
      const sum = (objective: boolean) =>
        round(
          scored
            .filter(
              (question) => (question.type === 'essay' || question.type === 'file') !== objective,
            )
            .reduce((total, question) => total + (question.points ?? 0), 0),
        );
      const objective = attempt.objectivePoints ?? sum(true);
      const subjective = sum(false);
      return {
        attempt,
        scored,
        objective,
        subjective,
        total: round(objective + subjective),
        maxTotal: round(scored.reduce((total, question) => total + question.maxPoints, 0)),
        isComplete: isAttemptFullyMarked(
          attempt,
          book.questions,
          book.marked.get(attempt.id) ?? new Set(),
        ),
      };
    });
  }

  private rowOf(
    book: ExamBook,
    registration: Pick<
      WrittenResultRow,
      'registrationId' | 'admissionNumber' | 'candidateName' | 'sessionName'
    >,
    entry: ScoredAttempt | undefined,
  ): WrittenResultRow {
    const attempt = book.attempts.find((a) => a.registrationId === registration.registrationId);
    const empty = {
      ...registration,
      objectivePoints: null,
      subjectivePoints: null,
      total: null,
      maxTotal: null,
      sections: [],
      passed: null,
    };
    if (!attempt) return { ...empty, state: 'absent' };
    if (!entry) return { ...empty, state: attempt.state };
    // From the final marks under the exam's current rule (双评 turned on later reopens a paper).
    const state = entry.isComplete ? 'marked' : 'submitted';
    // While marking is anonymous, a named row with a fresh mark would tell whose paper it was.
    if (!book.isComplete) {
      return { ...empty, state, objectivePoints: entry.objective };
    }
    const passMark = book.papers.find((p) => p.id === attempt.paperId)?.passMark ?? null;
    return {
      ...registration,
      state,
      objectivePoints: entry.objective,
      subjectivePoints: entry.subjective,
      total: entry.total,
      maxTotal: entry.maxTotal,
      sections: sectionTotals(entry.scored),
      passed: passMark === null || !entry.isComplete ? null : entry.total >= passMark,
    };
  }

  private paperTotal(book: ExamBook, paperId: string): number {
    return round(
      [...book.questions.values()]
        .filter((question) => question.paperId === paperId)
        .reduce((sum, question) => sum + question.points, 0),
    );
  }

  /** Per question of the papers sat: subjective ones over the attempts that have its mark. */
  private statistics(book: ExamBook, scored: ScoredAttempt[]): QuestionStat[] {
    const sat = new Set(scored.map((entry) => entry.attempt.paperId));
    const version = new Map(book.papers.map((p) => [p.id, p.version]));
    return [...book.questions.values()]
      .filter((question) => sat.has(question.paperId))
      .sort(
        (a, b) =>
          (version.get(a.paperId) ?? 0) - (version.get(b.paperId) ?? 0) ||
          (book.numbers.get(a.id) ?? 0) - (book.numbers.get(b.id) ?? 0),
      )
      .map((question) => {
        const scores = scored.flatMap((entry) => {
          const points = entry.scored.find((q) => q.paperQuestionId === question.id)?.points;
          return points === undefined || points === null ? [] : [{ points, total: entry.total }];
        });
        return {
          paperQuestionId: question.id,
          paperVersion: version.get(question.paperId) ?? 1,
          number: book.numbers.get(question.id) ?? 0,
          type: question.content.type,
          points: question.points,
          ...questionStatistics(question.points, scores),
        };
      });
  }
}
