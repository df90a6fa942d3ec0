import type { SessionUser } from '../../shared/api/auth.js';
import type { ExamResults, MyResult, ScoringFormBody } from '../../shared/api/scoring.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import type { DocumentDownload } from '../documents/download.js';
import { AppError } from '../errors/app-error.js';
import { canManageExam, examAdminScope } from '../exams/admin-policy.js';
import { aggregateTotals, totalOf } from './aggregate.js';
import { presentForm } from './presenter.js';
import type { ScoringRepo } from './repo.js';
import { XLSX_CONTENT_TYPE, buildResultsWorkbook } from './results-xlsx.js';

/** The admins' side of scoring (评分表, 成绩, 导出, 公布成绩) and the candidate's result. */
export class ScoringAdminService {
  constructor(
    private readonly repo: ScoringRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async form(user: SessionUser, examId: string) {
    await this.managedExam(user, examId);
    const form = await this.repo.findForm(examId);
    return { form: form ? presentForm(form) : null, isLocked: await this.repo.hasScores(examId) };
  }

  async saveForm(actor: Actor, examId: string, body: ScoringFormBody) {
    const exam = await this.managedExam(actor.user, examId);
    const saved = await this.repo.saveFormUnlessScored({
      examId,
      schoolId: exam.schoolId,
      criteria: body.criteria,
      commentRequired: body.commentRequired,
      aggregation: body.aggregation,
      now: this.clock.now(),
    });
    if (!saved) throw AppError.of('SCORING_FORM_LOCKED');
    await this.audit.recordBy(actor, {
      schoolId: exam.schoolId,
      action: 'scoring_form.saved',
      targetType: 'exam',
      targetId: examId,
      detail: `${exam.code}: ${body.criteria.map((c) => `${c.name} ${String(c.maxPoints)}`).join(', ')}; ${body.aggregation}`,
    });
    return { form: presentForm(saved), isLocked: false };
  }

  async results(user: SessionUser, examId: string): Promise<ExamResults> {
    const exam = await this.managedExam(user, examId);
    const form = await this.repo.findForm(examId);
    const candidates = await this.repo.examCandidates(examId);
    const ids = candidates.map((candidate) => candidate.registrationId);
    const scores = await this.repo.scoresOf(ids);
    const confirmations = await this.repo.confirmationsOf(ids);
    const aggregation = form?.aggregation ?? 'mean';
    return {
      examId,
      examCode: exam.code,
      examName: exam.name,
      form: form ? presentForm(form) : null,
      publishedAt: form?.resultsPublishedAt?.toISOString() ?? null,
      items: candidates.map((candidate) => {
        const own = scores.filter((row) => row.registrationId === candidate.registrationId);
        const confirmation = confirmations.get(candidate.registrationId);
        return {
          ...candidate,
          scores: own.map((row) => ({ examinerName: row.examinerName, total: row.total })),
          aggregate:
            confirmation?.aggregate ??
            aggregateTotals(
              own.map((row) => row.total),
              aggregation,
            ),
          isConfirmed: confirmation !== undefined,
        };
      }),
    };
  }

  async resultsXlsx(user: SessionUser, examId: string): Promise<DocumentDownload> {
    const results = await this.results(user, examId);
    return {
      bytes: await buildResultsWorkbook(results),
      mimeType: XLSX_CONTENT_TYPE,
      fileName: `成绩-${results.examCode}.xlsx`,
    };
  }

  /** 公布成绩: idempotent; the first publication's time is kept. */
  async publish(actor: Actor, examId: string) {
    const exam = await this.managedExam(actor.user, examId);
    const form = await this.repo.findForm(examId);
    if (!form) throw AppError.of('SCORING_FORM_MISSING');
    if (form.resultsPublishedAt) return { publishedAt: form.resultsPublishedAt.toISOString() };
    const published = await this.repo.publish(examId, this.clock.now());
    // Someone published in between: theirs is the publication.
    if (!published?.resultsPublishedAt) return this.publishedAt(examId);
    await this.audit.recordBy(actor, {
      schoolId: exam.schoolId,
      action: 'results.published',
      targetType: 'exam',
      targetId: examId,
      detail: `${exam.code} ${exam.name}`,
    });
    return { publishedAt: published.resultsPublishedAt.toISOString() };
  }

  private async publishedAt(examId: string) {
    const form = await this.repo.findForm(examId);
    if (!form?.resultsPublishedAt) throw AppError.of('SCORING_FORM_MISSING');
    return { publishedAt: form.resultsPublishedAt.toISOString() };
  }

  /** A candidate's results: confirmed and published ones only, nothing else hints at a score. */
  async myResults(user: SessionUser): Promise<{ items: MyResult[] }> {
    const rows = await this.repo.publishedResultsOf(user.id);
    return {
      items: rows.flatMap((row) =>
        row.publishedAt
          ? [
              {
                registrationId: row.registrationId,
                examName: row.examName,
                aggregate: row.aggregate,
                maxTotal: totalOf(row.criteria.map((criterion) => criterion.maxPoints)),
                publishedAt: row.publishedAt.toISOString(),
              },
            ]
          : [],
      ),
    };
  }

  /** 404 for an exam outside the admin's school or college, so ids cannot be probed. */
  private async managedExam(user: SessionUser, examId: string) {
    const scope = examAdminScope(user);
    const exam = await this.repo.findExam(examId);
    if (!exam || !canManageExam(scope, exam)) throw AppError.notFound('exam');
    return exam;
  }
}
