import type { z } from 'zod';
import type {
  AdminExam,
  AdminSession,
  SessionStaff,
  examBodySchema,
  sessionBodySchema,
  sessionStaffBodySchema,
} from '../../shared/api/exam-admin.js';
import type { StaffDuty } from '../../shared/enums.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import type { ExamAdminRepo, ExamRow, SessionRow } from './admin-repo.js';
import {
  canAssign,
  canManageExam,
  examAdminScope,
  examCollegeFor,
  type ExamAdminScope,
} from './admin-policy.js';
import { presentExam, presentSession, presentSessionStaff } from './admin-presenter.js';

type ExamBody = z.output<typeof examBodySchema>;
type SessionBody = z.output<typeof sessionBodySchema>;
type SessionStaffBody = z.output<typeof sessionStaffBodySchema>;

export type { Actor } from '../audit/audit-log.js';

type AuditAction =
  | 'exam.created'
  | 'exam.updated'
  | 'exam.deleted'
  | 'session.created'
  | 'session.updated'
  | 'session.deleted'
  | 'session.staff_set';

/** Exams, their sessions (考场) and the staff of each session, as an admin manages them. */
export class ExamAdminService {
  constructor(
    private readonly repo: ExamAdminRepo,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  // ---- Exams --------------------------------------------------------------------------------

  async listExams(actor: Actor) {
    const scope = examAdminScope(actor.user);
    const rows = await this.repo.listExams(scope);
    const counts = await this.repo.examCounts(rows.map((row) => row.exam.id));
    return {
      items: rows.map((row) =>
        presentExam(row.exam, row.collegeName, {
          sessions: counts.sessions.get(row.exam.id) ?? 0,
          registrations: counts.registrations.get(row.exam.id) ?? 0,
        }),
      ),
      colleges: await this.repo.collegesInScope(scope),
    };
  }

  async getExam(actor: Actor, examId: string): Promise<AdminExam> {
    const scope = examAdminScope(actor.user);
    await this.manageableExam(scope, examId);
    return this.presentExamById(examId);
  }

  async createExam(actor: Actor, body: ExamBody): Promise<AdminExam> {
    const scope = examAdminScope(actor.user);
    const collegeId = await this.checkedCollege(scope, body.collegeId);
    await this.assertCodeFree(scope.schoolId, body.code, null);
    const row = await this.repo.insertExam({ ...body, collegeId, schoolId: scope.schoolId });
    await this.record(actor, scope, 'exam.created', 'exam', row.id, `${row.code} ${row.name}`);
    return this.presentExamById(row.id);
  }

  async updateExam(actor: Actor, examId: string, body: ExamBody): Promise<AdminExam> {
    const scope = examAdminScope(actor.user);
    const current = await this.manageableExam(scope, examId);
    const collegeId = await this.checkedCollege(scope, body.collegeId);
    await this.assertCodeFree(scope.schoolId, body.code, current.id);
    await this.repo.updateExam(examId, { ...body, collegeId });
    await this.record(actor, scope, 'exam.updated', 'exam', examId, `${body.code} ${body.name}`);
    return this.presentExamById(examId);
  }

  async deleteExam(actor: Actor, examId: string): Promise<{ ok: true }> {
    const scope = examAdminScope(actor.user);
    const current = await this.manageableExam(scope, examId);
    if ((await this.repo.registrationCount({ examId })) > 0) {
      throw AppError.of('CONFLICT', 'the exam has registered candidates');
    }
    await this.repo.deleteExam(examId);
    const detail = `${current.code} ${current.name}`;
    await this.record(actor, scope, 'exam.deleted', 'exam', examId, detail);
    return { ok: true };
  }

  // ---- Sessions -----------------------------------------------------------------------------

  async listSessions(actor: Actor, examId: string) {
    const scope = examAdminScope(actor.user);
    const current = await this.manageableExam(scope, examId);
    const rows = await this.repo.sessionsOfExam(examId);
    const now = this.clock.now();
    const ids = rows.map((row) => row.id);
    const candidates = await this.repo.registrationCountsOfSessions(ids);
    const staff = await this.repo.staffCounts(ids);
    return {
      serverTime: now.toISOString(),
      items: rows.map((row) =>
        presentSession(row, now, current.rules.preEntryMinutes, {
          candidates: candidates.get(row.id) ?? 0,
          staff: staff.get(row.id) ?? 0,
        }),
      ),
    };
  }

  async createSession(actor: Actor, examId: string, body: SessionBody): Promise<AdminSession> {
    const scope = examAdminScope(actor.user);
    const current = await this.manageableExam(scope, examId);
    const times = checkedTimes(body);
    const row = await this.repo.insertSession({
      schoolId: current.schoolId,
      examId,
      name: body.name,
      ...times,
    });
    await this.record(actor, scope, 'session.created', 'session', row.id, describeSession(row));
    return this.presentSessionRow(row, current);
  }

  async updateSession(actor: Actor, sessionId: string, body: SessionBody): Promise<AdminSession> {
    const scope = examAdminScope(actor.user);
    const { session, exam } = await this.manageableSession(scope, sessionId);
    const times = checkedTimes(body);
    const isRescheduled =
      times.startsAt.getTime() !== session.startsAt.getTime() ||
      times.endsAt.getTime() !== session.endsAt.getTime();
    if (isRescheduled && this.clock.now() >= session.endsAt) {
      throw AppError.of('CONFLICT', 'an ended session cannot be rescheduled');
    }
    const row = await this.repo.updateSession(sessionId, { name: body.name, ...times });
    await this.record(actor, scope, 'session.updated', 'session', row.id, describeSession(row));
    return this.presentSessionRow(row, exam);
  }

  async deleteSession(actor: Actor, sessionId: string): Promise<{ ok: true }> {
    const scope = examAdminScope(actor.user);
    const { session } = await this.manageableSession(scope, sessionId);
    if ((await this.repo.registrationCount({ sessionId })) > 0) {
      throw AppError.of('CONFLICT', 'the session has registered candidates');
    }
    await this.repo.deleteSession(sessionId);
    await this.record(
      actor,
      scope,
      'session.deleted',
      'session',
      sessionId,
      describeSession(session),
    );
    return { ok: true };
  }

  // ---- Staff --------------------------------------------------------------------------------

  async getStaff(actor: Actor, sessionId: string): Promise<SessionStaff> {
    const scope = examAdminScope(actor.user);
    const { session, exam } = await this.manageableSession(scope, sessionId);
    return this.presentStaff(scope, session, exam);
  }

  async setStaff(actor: Actor, sessionId: string, body: SessionStaffBody): Promise<SessionStaff> {
    const scope = examAdminScope(actor.user);
    const { session, exam } = await this.manageableSession(scope, sessionId);
    if (exam.kind === 'interview' && body.panelExaminerIds.length === 0) {
      throw AppError.of('VALIDATION_FAILED', 'an interview needs 1 to 7 panel examiners');
    }
    const { markerIds } = body;
    if (exam.kind !== 'written' && markerIds.length > 0) throw AppError.of('MARKERS_WRITTEN_ONLY');
    const wanted: { userId: string; duty: StaffDuty }[] = [
      ...body.waitingExaminerIds.map((userId) => ({ userId, duty: 'waiting_examiner' as const })),
      ...body.panelExaminerIds.map((userId) => ({ userId, duty: 'panel_examiner' as const })),
      ...(body.panelChairId ? [{ userId: body.panelChairId, duty: 'panel_chair' as const }] : []),
      ...body.proctorIds.map((userId) => ({ userId, duty: 'proctor' as const })),
      ...markerIds.map((userId) => ({ userId, duty: 'marker' as const })),
    ];
    const current = new Set((await this.repo.assignmentsOfSession(sessionId)).map((a) => a.userId));
    const users = new Map(
      (await this.repo.usersByIds([...new Set(wanted.map((a) => a.userId))])).map((u) => [u.id, u]),
    );
    for (const assignment of wanted) {
      const user = users.get(assignment.userId);
      if (!user || !canAssign(scope, user, assignment.duty, current.has(user.id))) {
        throw AppError.of(
          'VALIDATION_FAILED',
          `${assignment.userId} cannot be assigned as ${assignment.duty}`,
        );
      }
    }
    await this.repo.replaceAssignments(session, wanted);
    const detail =
      `${session.name}: waiting=${body.waitingExaminerIds.length} ` +
      `panel=${body.panelExaminerIds.length} chair=${body.panelChairId ? 1 : 0} ` +
      `proctor=${body.proctorIds.length} marker=${markerIds.length}`;
    await this.record(actor, scope, 'session.staff_set', 'session', sessionId, detail);
    return this.presentStaff(scope, session, exam);
  }

  // ---- Helpers ------------------------------------------------------------------------------

  /** The exam if the admin manages it; another college's or school's exam does not exist. */
  private async manageableExam(scope: ExamAdminScope, examId: string): Promise<ExamRow> {
    const found = await this.repo.findExam(examId);
    if (!found || !canManageExam(scope, found.exam)) throw AppError.notFound('exam');
    return found.exam;
  }

  private async manageableSession(scope: ExamAdminScope, sessionId: string) {
    const session = await this.repo.findSession(sessionId);
    if (!session) throw AppError.notFound('session');
    const found = await this.repo.findExam(session.examId);
    if (!found || !canManageExam(scope, found.exam)) throw AppError.notFound('session');
    return { session, exam: found.exam };
  }

  private async checkedCollege(scope: ExamAdminScope, requested: string | null) {
    const collegeId = examCollegeFor(scope, requested);
    if (collegeId === null || collegeId === scope.collegeId) return collegeId;
    const found = await this.repo.findCollege(collegeId);
    if (!found || found.schoolId !== scope.schoolId) {
      throw AppError.of('VALIDATION_FAILED', 'the college is not of this school');
    }
    return collegeId;
  }

  private async assertCodeFree(schoolId: string, code: string, examId: string | null) {
    const taken = await this.repo.findExamByCode(schoolId, code);
    if (taken && taken.id !== examId) throw AppError.of('DUPLICATE', 'the exam ID is taken');
  }

  private async presentExamById(examId: string): Promise<AdminExam> {
    const found = await this.repo.findExam(examId);
    if (!found) throw AppError.notFound('exam');
    const counts = await this.repo.examCounts([examId]);
    return presentExam(found.exam, found.collegeName, {
      sessions: counts.sessions.get(examId) ?? 0,
      registrations: counts.registrations.get(examId) ?? 0,
    });
  }

  private async presentSessionRow(row: SessionRow, exam: ExamRow): Promise<AdminSession> {
    const candidates = await this.repo.registrationCount({ sessionId: row.id });
    const staff = (await this.repo.staffCounts([row.id])).get(row.id) ?? 0;
    return presentSession(row, this.clock.now(), exam.rules.preEntryMinutes, {
      candidates,
      staff,
    });
  }

  private async presentStaff(scope: ExamAdminScope, session: SessionRow, exam: ExamRow) {
    const assignments = await this.repo.assignmentsOfSession(session.id);
    const options = await this.repo.staffOptions(
      { schoolId: scope.schoolId, collegeId: scope.collegeId },
      [...new Set(assignments.map((a) => a.userId))],
    );
    return presentSessionStaff(session.id, exam.kind, assignments, options);
  }

  private record(
    actor: Actor,
    scope: ExamAdminScope,
    action: AuditAction,
    targetType: 'exam' | 'session',
    targetId: string,
    detail: string,
  ): Promise<void> {
    return this.audit.recordBy(actor, {
      schoolId: scope.schoolId,
      action,
      targetType,
      targetId,
      detail,
    });
  }
}

/** The end must be after the start (INVALID_TIME_RANGE). */
function checkedTimes(body: SessionBody): { startsAt: Date; endsAt: Date } {
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  if (endsAt <= startsAt) throw AppError.of('INVALID_TIME_RANGE');
  return { startsAt, endsAt };
}

function describeSession(row: SessionRow): string {
  return `${row.name} ${row.startsAt.toISOString()}–${row.endsAt.toISOString()}`;
}
