import type { SessionUser } from '../../shared/api/auth.js';
import type {
  InterviewStage,
  RegistrationScores,
  ScoreBody,
  ScoreView,
} from '../../shared/api/scoring.js';
import type { ExamKind } from '../../shared/enums.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import type { SessionRosterRepo } from '../roster/repo.js';
import { aggregateTotals, totalOf } from './aggregate.js';
import { panelRoleOf, seesAllScores, type PanelRole } from './policy.js';
import { presentConfirmation, presentForm, presentScore } from './presenter.js';
import type { InterviewTimes, ScoringFormRow, ScoringRepo } from './repo.js';

/** The panel's side of scoring: each examiner's own score, the chair's view and 确认成绩. */
export class PanelScoringService {
  constructor(
    private readonly repo: ScoringRepo,
    private readonly sessions: SessionRosterRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async sessionScores(user: SessionUser, sessionId: string) {
    const session = await this.sessions.findSession(sessionId);
    if (!session) throw AppError.notFound('session');
    const role = await this.panelRole(user, sessionId);
    const form = await this.repo.findForm(session.examId);
    const candidates = await this.repo.sessionCandidates(sessionId);
    const ids = candidates.map((candidate) => candidate.registrationId);
    const mine = new Map(
      (await this.repo.scoresOf(ids))
        .filter((row) => row.examinerId === user.id)
        .map((row) => [row.registrationId, presentScore(row)]),
    );
    const counts = await this.repo.scoreCounts(ids);
    const confirmations = await this.repo.confirmationsOf(ids);
    const interviews = await this.repo.interviewTimes(ids);
    return {
      sessionName: session.name,
      examName: session.examName,
      isChair: role === 'chair',
      form: form ? presentForm(form) : null,
      items: candidates.map((candidate) => ({
        ...candidate,
        interview: interviewStageOf(session.examKind, interviews.get(candidate.registrationId)),
        myScore: mine.get(candidate.registrationId) ?? null,
        scoreCount: counts.get(candidate.registrationId) ?? 0,
        confirmation: presentConfirmation(confirmations.get(candidate.registrationId)),
      })),
    };
  }

  async saveMyScore(actor: Actor, registrationId: string, body: ScoreBody): Promise<ScoreView> {
    const { registration } = await this.panelRegistration(actor.user, registrationId);
    const form = await this.repo.findForm(registration.examId);
    if (!form) throw AppError.of('SCORING_FORM_MISSING');
    const times = (await this.repo.interviewTimes([registrationId])).get(registrationId);
    if (interviewStageOf(registration.examKind, times) === 'not_started') {
      throw AppError.of('NOT_INTERVIEWED');
    }
    const points = checkScore(form, body);
    const total = totalOf(points);
    const saved = await this.repo.saveScore({
      registrationId,
      schoolId: registration.schoolId,
      examId: registration.examId,
      examinerId: actor.user.id,
      points,
      total,
      comment: body.comment,
      formUpdatedAt: form.updatedAt,
      now: this.clock.now(),
    });
    if (saved === 'confirmed') throw AppError.of('SCORES_CONFIRMED');
    if (saved === 'form_changed') throw AppError.of('CONFLICT', 'the scoring form changed');
    await this.audit.recordBy(actor, {
      schoolId: registration.schoolId,
      action: 'score.saved',
      targetType: 'registration',
      targetId: registrationId,
      detail: `total ${String(total)}`,
    });
    return presentScore({ ...saved, examinerName: actor.user.name });
  }

  async registrationScores(user: SessionUser, registrationId: string) {
    const { registration, role } = await this.panelRegistration(user, registrationId);
    return this.scoresView(user, role, registration.examId, registrationId);
  }

  async confirm(actor: Actor, registrationId: string): Promise<RegistrationScores> {
    const { registration, role } = await this.panelRegistration(actor.user, registrationId);
    if (role !== 'chair') throw AppError.forbidden('only the panel chair confirms scores');
    const form = await this.repo.findForm(registration.examId);
    if (!form) throw AppError.of('SCORING_FORM_MISSING');
    const result = await this.repo.confirm({
      registrationId,
      schoolId: registration.schoolId,
      examId: registration.examId,
      confirmedBy: actor.user.id,
      now: this.clock.now(),
      aggregateOf: (totals) => aggregateTotals(totals, form.aggregation),
    });
    if (result === 'already') throw AppError.of('SCORES_CONFIRMED');
    if (result === 'empty') throw AppError.of('NO_SCORES_TO_CONFIRM');
    await this.audit.recordBy(actor, {
      schoolId: registration.schoolId,
      action: 'scores.confirmed',
      targetType: 'registration',
      targetId: registrationId,
      detail: `${form.aggregation} ${String(result.aggregate)} (${String(result.scoreCount)})`,
    });
    return this.scoresView(actor.user, role, registration.examId, registrationId);
  }

  private async scoresView(
    user: SessionUser,
    role: PanelRole,
    examId: string,
    registrationId: string,
  ): Promise<RegistrationScores> {
    const form = await this.repo.findForm(examId);
    const scores = await this.repo.scoresOf([registrationId]);
    const confirmation = (await this.repo.confirmationsOf([registrationId])).get(registrationId);
    const aggregation = form?.aggregation ?? 'mean';
    if (!seesAllScores(role, confirmation !== undefined)) {
      return {
        registrationId,
        visibility: 'own',
        scores: scores.filter((row) => row.examinerId === user.id).map(presentScore),
        aggregate: null,
        aggregation,
        confirmation: null,
      };
    }
    return {
      registrationId,
      visibility: 'all',
      scores: scores.map(presentScore),
      aggregate:
        confirmation?.aggregate ??
        aggregateTotals(
          scores.map((row) => row.total),
          aggregation,
        ),
      aggregation,
      confirmation: presentConfirmation(confirmation),
    };
  }

  /** 404 unless the user is on the staff of the registration's session; 403 if not on the panel. */
  private async panelRegistration(user: SessionUser, registrationId: string) {
    const registration = await this.repo.findRegistration(registrationId);
    if (!registration) throw AppError.notFound('registration');
    const role = await this.panelRole(user, registration.sessionId, 'registration');
    return { registration, role };
  }

  private async panelRole(
    user: SessionUser,
    sessionId: string,
    what = 'session',
  ): Promise<PanelRole> {
    const duties = await this.sessions.dutiesOf(sessionId, user.id);
    if (duties.length === 0) throw AppError.notFound(what);
    const role = panelRoleOf(duties);
    if (!role) throw AppError.forbidden('only the panel scores');
    return role;
  }
}

/**
 * Points in the form's order, one for every criterion (0 counts, an empty one is named in the
 * answer) and each within 0..max; a comment when the form asks for one.
 */
function checkScore(form: ScoringFormRow, body: ScoreBody): number[] {
  if (body.points.length > form.criteria.length) {
    throw AppError.withIssues('VALIDATION_FAILED', [
      { path: 'points', message: `expected ${String(form.criteria.length)} points` },
    ]);
  }
  const missing = form.criteria.flatMap((criterion, index) =>
    (body.points[index] ?? null) === null
      ? [{ path: `points.${String(index)}`, message: criterion.name }]
      : [],
  );
  if (missing.length > 0) throw AppError.withIssues('SCORE_CRITERION_MISSING', missing);
  const points = form.criteria.map((_criterion, index) => body.points[index] ?? 0);
  const issues = form.criteria.flatMap((criterion, index) =>
    (points[index] ?? 0) > criterion.maxPoints
      ? [{ path: `points.${String(index)}`, message: `max ${String(criterion.maxPoints)}` }]
      : [],
  );
  if (issues.length > 0) throw AppError.withIssues('SCORE_OUT_OF_RANGE', issues);
  if (form.commentRequired && body.comment === '') throw AppError.of('SCORE_COMMENT_REQUIRED');
  return points;
}

/**
 * An interview exam's candidate is scored once the interview started (the panel may score while
 * it runs); a written exam's panel scores without one.
 */
function interviewStageOf(kind: ExamKind, times: InterviewTimes | undefined): InterviewStage {
  if (kind !== 'interview') return 'not_applicable';
  if (!times?.startedAt) return 'not_started';
  return times.endedAt ? 'done' : 'in_progress';
}
