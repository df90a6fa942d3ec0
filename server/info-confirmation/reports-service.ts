import type { SessionUser } from '../../shared/api/auth.js';
import type { RosterReportView } from '../../shared/api/info-confirmation.js';
import type { RosterReportState } from '../../shared/enums.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { reportScopeOf } from './policy.js';
import { presentReport } from './presenter.js';
import type { IdentityRepo } from './repo.js';

/** 信息纠错: admins read candidates' reports and mark them handled. */
export class RosterReportsService {
  constructor(
    private readonly repo: IdentityRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(
    user: SessionUser,
    query: { state: RosterReportState; page: number; pageSize: number },
  ): Promise<{ items: RosterReportView[]; total: number }> {
    const { rows, total } = await this.repo.listReports(
      reportScopeOf(user),
      query.state,
      query.page,
      query.pageSize,
    );
    return { items: rows.map(presentReport), total };
  }

  /** The admin fixed the data (by re-importing the roster) or answered; resolving is final. */
  async resolve(actor: Actor, reportId: string, note: string): Promise<RosterReportView> {
    const scope = reportScopeOf(actor.user);
    const report = await this.repo.findReport(scope, reportId);
    if (!report) throw AppError.notFound('report');
    if (report.state === 'resolved') throw alreadyResolved();
    const resolved = await this.repo.resolveReport(reportId, note, this.clock.now(), actor.user.id);
    if (!resolved) throw alreadyResolved();
    await this.audit.recordBy(actor, {
      schoolId: scope.schoolId,
      action: 'roster_report.resolved',
      targetType: 'roster_report',
      targetId: reportId,
      detail: `${report.candidateName} ${report.admissionNumber ?? ''}`.trim(),
    });
    const after = await this.repo.findReport(scope, reportId);
    if (!after) throw AppError.notFound('report');
    return presentReport(after);
  }
}

function alreadyResolved(): AppError {
  return AppError.of('CONFLICT', 'The report is already resolved');
}
