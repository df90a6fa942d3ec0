import type { z } from 'zod';
import type { SessionUser } from '../../shared/api/auth.js';
import type { AdminPaper, PaperKind, paperBodySchema } from '../../shared/api/papers.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import { AppError } from '../errors/app-error.js';
import { canManageExam, examAdminScope } from '../exams/admin-policy.js';
import type { AttemptRepo } from '../written-exam/attempt-repo.js';
import type { PaperRepo } from './repo.js';

type PaperBody = z.output<typeof paperBodySchema>;

/** 试卷 for admins (issue 14 §2): read with the answer keys, saved from the bank's questions. */
export class PaperService {
  constructor(
    private readonly repo: PaperRepo,
    private readonly papers: Pick<AttemptRepo, 'paperContent'>,
    private readonly audit: AuditLog,
  ) {}

  async get(user: SessionUser, examId: string, kind: PaperKind): Promise<AdminPaper | null> {
    await this.writtenExam(user, examId);
    const latest = await this.repo.latestPaper(examId, kind);
    return latest ? this.view(latest.id) : null;
  }

  async save(actor: Actor, examId: string, kind: PaperKind, body: PaperBody): Promise<AdminPaper> {
    const scope = examAdminScope(actor.user);
    const target = await this.writtenExam(actor.user, examId);
    const ids = body.sections.flatMap((section) => section.questions.map((q) => q.bankQuestionId));
    const found = new Map(
      (await this.repo.bankQuestions(target.schoolId, ids))
        // A college admin builds papers from the school's shared questions and their college's.
        .filter(
          (row) =>
            scope.collegeId === null || row.collegeId === null || row.collegeId === scope.collegeId,
        )
        .map((row) => [row.id, row]),
    );
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw AppError.of('PAPER_QUESTION_UNKNOWN', `bank question ${missing}`);

    const passages: Record<string, { bankPassageId: string }> = {};
    const sections = body.sections.map((section) => ({
      title: section.title,
      instructions: section.instructions,
      shuffleQuestions: section.shuffleQuestions,
      shuffleOptions: section.shuffleOptions,
      drawCount: section.drawCount,
      questions: section.questions.map(({ bankQuestionId, points }) => {
        const question = found.get(bankQuestionId);
        if (!question) throw new Error('checked above');
        if (question.passageId)
          passages[question.passageId] = { bankPassageId: question.passageId };
        return {
          content: question.content,
          points: points ?? question.defaultPoints,
          bankQuestionId,
          ...(question.passageId ? { passage: question.passageId } : {}),
        };
      }),
    }));
    const unequal = sections.findIndex(
      (section) =>
        section.drawCount !== null &&
        new Set(section.questions.map((question) => question.points)).size > 1,
    );
    if (unequal >= 0) {
      throw AppError.of('PAPER_DRAW_POINTS_UNEQUAL', `section ${String(unequal + 1)}`);
    }
    const saved = await this.repo.save({
      examId,
      schoolId: target.schoolId,
      kind,
      expectedVersion: body.baseVersion,
      title: body.title,
      passMark: body.passMark,
      passages,
      sections,
    });
    if (saved === 'conflict') throw AppError.of('PAPER_VERSION_CONFLICT');
    const view = await this.view(saved.paperId);
    await this.audit.recordBy(actor, {
      schoolId: target.schoolId,
      action: 'paper.saved',
      targetType: 'exam',
      targetId: examId,
      detail: `${target.code} ${kind} v${String(view.version)}: ${String(ids.length)} questions, ${String(view.totalPoints)} points`,
    });
    return view;
  }

  private async writtenExam(user: SessionUser, examId: string) {
    const scope = examAdminScope(user);
    const target = await this.repo.findExam(examId);
    if (!target || !canManageExam(scope, target)) throw AppError.notFound('exam');
    if (target.kind !== 'written') throw AppError.of('EXAM_NOT_WRITTEN');
    return target;
  }

  private async view(paperId: string): Promise<AdminPaper> {
    const content = await this.papers.paperContent(paperId);
    if (!content) throw AppError.of('PAPER_MISSING');
    const attemptCount = await this.repo.attemptCount(paperId);
    const sections = content.sections.map((section) => ({
      title: section.title,
      instructions: section.instructions,
      shuffleQuestions: section.shuffleQuestions,
      shuffleOptions: section.shuffleOptions,
      drawCount: section.drawCount,
      points: sectionPoints(section.drawCount, section.questions),
      questions: section.questions.map((question) => ({
        paperQuestionId: question.id,
        bankQuestionId: question.bankQuestionId,
        points: question.points,
        content: question.content,
        passage: question.passageId ? (content.passages.get(question.passageId) ?? null) : null,
      })),
    }));
    const totalPoints = sections.reduce((sum, section) => sum + section.points, 0);
    return {
      paperId: content.paper.id,
      kind: content.paper.kind,
      version: content.paper.version,
      title: content.paper.title,
      passMark: content.paper.passMark,
      totalPoints,
      frozenAt: content.paper.frozenAt?.toISOString() ?? null,
      attemptCount,
      sections,
    };
  }
}

/** What a section is worth on one candidate's paper: a drawing section counts its drawn ones. */
function sectionPoints(drawCount: number | null, questions: readonly { points: number }[]): number {
  const all = questions.reduce((sum, question) => sum + question.points, 0);
  if (drawCount === null || drawCount >= questions.length) return all;
  return (questions[0]?.points ?? 0) * drawCount;
}
