import type { SessionUser } from '../../shared/api/auth.js';
import type { IdentityCheck, MockEntry } from '../../shared/api/info-confirmation.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { MOCK_REFUSALS, mockClosedReason } from '../written-exam/mock-clock.js';
import { presentIdentity, presentMockEntry } from './presenter.js';
import type { IdentityRepo, IdentityRow } from './repo.js';

/**
 * 核对个人身份信息 (确认信息 / 身份信息有误, docs/journeys.md J3) and 模拟考试 (docs/journeys.md J4) on a candidate's
 * own registrations. Someone else's registration answers NOT_FOUND, never FORBIDDEN.
 */
export class IdentityService {
  constructor(
    private readonly repo: IdentityRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async identity(user: SessionUser, registrationId: string): Promise<IdentityCheck> {
    const row = await this.findOwn(user, registrationId);
    return this.present(row);
  }

  /** Idempotent: the first confirmation time is kept and audited once. */
  async confirm(actor: Actor, registrationId: string): Promise<IdentityCheck> {
    const row = await this.findOwn(actor.user, registrationId);
    if (row.identityConfirmedAt) return this.present(row);
    const confirmedAt = await this.repo.confirmIdentity(registrationId, this.clock.now());
    await this.audit.recordBy(actor, {
      schoolId: row.schoolId,
      action: 'registration.identity_confirmed',
      targetType: 'registration',
      targetId: registrationId,
      detail: `${row.examName} ${row.sessionName} ${row.admissionNumber}`,
    });
    return this.present({ ...row, identityConfirmedAt: confirmedAt });
  }

  /**
   * 身份信息有误: at most one report per registration is open; sending another while it is open
   * replaces its message (the candidate refines what they wrote). Nothing is reported after the
   * session has ended.
   */
  async report(actor: Actor, registrationId: string, message: string): Promise<IdentityCheck> {
    const row = await this.findOwn(actor.user, registrationId);
    const now = this.clock.now();
    if (now >= row.endsAt) throw AppError.of('CONFLICT', 'The session has ended');
    const { id: reportId, replaced } = await this.repo.upsertOpenReport({
      schoolId: row.schoolId,
      userId: actor.user.id,
      registrationId,
      message,
      createdAt: now,
    });
    await this.audit.recordBy(actor, {
      schoolId: row.schoolId,
      action: 'roster_report.created',
      targetType: 'roster_report',
      targetId: reportId,
      detail: `${row.examName} ${row.admissionNumber}${replaced ? ' (message replaced)' : ''}`,
    });
    return this.present(row);
  }

  /**
   * 【模拟考试】不限次数: counts an entry while the mock exam is open (mock-clock.ts: a written
   * exam's until the formal attempt starts, the others' until the session starts).
   */
  async enterMock(user: SessionUser, registrationId: string): Promise<MockEntry> {
    const row = await this.findOwn(user, registrationId);
    const now = this.clock.now();
    const hasFormalAttempt =
      row.examKind === 'written' && (await this.repo.hasFormalAttempt(registrationId));
    const closed = mockClosedReason({ ...row, hasFormalAttempt }, now);
    if (closed) throw AppError.of(MOCK_REFUSALS[closed]);
    const entry = await this.repo.recordMockEntry(registrationId, now);
    // Withdrawn between the read and the update.
    if (!entry?.lastEnteredAt) throw AppError.of('MOCK_WITHDRAWN');
    return presentMockEntry(row, { count: entry.count, lastEnteredAt: entry.lastEnteredAt }, now);
  }

  private async present(row: IdentityRow): Promise<IdentityCheck> {
    const latest = await this.repo.latestReportOf(row.registrationId);
    return presentIdentity(row, latest, this.clock.now());
  }

  private async findOwn(user: SessionUser, registrationId: string): Promise<IdentityRow> {
    const row = await this.repo.registrationOf(user.id, registrationId);
    if (!row) throw AppError.notFound('registration');
    return row;
  }
}
