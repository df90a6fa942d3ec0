import type { AuditAction } from '../../shared/api/audit.js';
import type { SessionUser } from '../../shared/api/auth.js';
import {
  MANAGED_STAFF_ROLES,
  type AdminCollege,
  type CreateStaffBody,
  type ListStaffQuery,
  type StaffMember,
} from '../../shared/api/people.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { LoginGuard } from '../auth/login-guard.js';
import { hashPassword } from '../auth/passwords.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import {
  assertCanManageColleges,
  canManageStaff,
  canSeeStaff,
  manageableRoles,
  peopleScope,
  type PeopleScope,
} from './policy.js';
import { presentCollege, presentStaff } from './presenter.js';
import type { CollegeRow, PeopleRepo, StaffRow } from './repo.js';
import { generateTemporaryPassword } from './temporary-password.js';

export type { Actor } from '../audit/audit-log.js';

export interface StaffWithPassword {
  staff: StaffMember;
  temporaryPassword: string;
}

/** Colleges and staff accounts of one school, within the acting admin's scope. */
export class PeopleService {
  constructor(
    private readonly repo: PeopleRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly loginLimits: Pick<LoginGuard, 'restricted' | 'unlock'>,
  ) {}

  async listColleges(user: SessionUser): Promise<AdminCollege[]> {
    const scope = peopleScope(user);
    const rows = await this.repo.listColleges(scope.schoolId, scope.collegeId);
    const counts = await this.repo.headCounts(scope.schoolId);
    return rows.map((row) => presentCollege(row, counts.get(row.id)));
  }

  async createCollege(actor: Actor, input: { name: string; nameEn?: string | undefined }) {
    const scope = peopleScope(actor.user);
    assertCanManageColleges(scope);
    const row = await this.repo.insertCollege({
      schoolId: scope.schoolId,
      name: input.name,
      nameEn: input.nameEn || null,
    });
    await this.record(actor, scope, 'college.created', 'college', row.id, row.name);
    return presentCollege(row, undefined);
  }

  async updateCollege(
    actor: Actor,
    collegeId: string,
    input: { name?: string | undefined; nameEn?: string | null | undefined; disabled?: boolean },
  ): Promise<AdminCollege> {
    const scope = peopleScope(actor.user);
    assertCanManageColleges(scope);
    const before = await this.collegeInScope(scope, collegeId);
    await this.repo.updateCollege(collegeId, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.nameEn !== undefined ? { nameEn: input.nameEn || null } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    });
    if (input.name !== undefined && input.name !== before.name) {
      await this.record(
        actor,
        scope,
        'college.renamed',
        'college',
        collegeId,
        `${before.name} → ${input.name}`,
      );
    }
    if (input.disabled !== undefined && input.disabled !== before.disabled) {
      const action = input.disabled ? 'college.disabled' : 'college.enabled';
      await this.record(actor, scope, action, 'college', collegeId, before.name);
    }
    const after = await this.collegeInScope(scope, collegeId);
    const counts = await this.repo.headCounts(scope.schoolId);
    return presentCollege(after, counts.get(collegeId));
  }

  async listStaff(user: SessionUser, query: ListStaffQuery) {
    const scope = peopleScope(user);
    const { rows, total } = await this.repo.listStaff({
      schoolId: scope.schoolId,
      collegeId: scope.collegeId ?? query.collegeId ?? null,
      roles: query.role ? [query.role] : MANAGED_STAFF_ROLES,
      text: query.q || undefined,
      page: query.page,
      pageSize: query.pageSize,
    });
    const restricted = await this.loginLimits.restricted(rows);
    return { items: rows.map((row) => presentStaff(row, scope, restricted.has(row.id))), total };
  }

  async createStaff(actor: Actor, input: CreateStaffBody): Promise<StaffWithPassword> {
    const scope = peopleScope(actor.user);
    if (!manageableRoles(scope).includes(input.role)) throw AppError.forbidden();
    const collegeId = await this.collegeForNewStaff(scope, input);
    if (await this.repo.usernameTaken(scope.schoolId, input.username)) {
      throw AppError.of('DUPLICATE', 'username taken');
    }
    const temporaryPassword = generateTemporaryPassword();
    const id = await this.repo.insertStaff({
      schoolId: scope.schoolId,
      collegeId,
      role: input.role,
      name: input.name,
      username: input.username,
      phone: input.phone ?? null,
      passwordHash: await hashPassword(temporaryPassword),
      now: this.clock.now(),
    });
    await this.record(
      actor,
      scope,
      'staff.created',
      'user',
      id,
      `${input.username} (${input.role})`,
    );
    return { staff: await this.present(scope, id), temporaryPassword };
  }

  async setStaffDisabled(actor: Actor, userId: string, disabled: boolean): Promise<StaffMember> {
    const scope = peopleScope(actor.user);
    const target = await this.manageableStaff(scope, userId);
    if (target.disabled !== disabled) {
      await this.repo.setDisabled(userId, disabled, this.clock.now());
      const action = disabled ? 'staff.disabled' : 'staff.enabled';
      await this.record(actor, scope, action, 'user', userId, target.username ?? target.name);
    }
    // Also when it was already disabled: no session of a disabled account may survive.
    if (disabled) await this.repo.endSessionsOf(userId);
    return this.present(scope, userId);
  }

  async resetStaffPassword(actor: Actor, userId: string): Promise<StaffWithPassword> {
    const scope = peopleScope(actor.user);
    const target = await this.manageableStaff(scope, userId);
    const temporaryPassword = generateTemporaryPassword();
    await this.repo.setTemporaryPassword(
      userId,
      await hashPassword(temporaryPassword),
      this.clock.now(),
    );
    await this.repo.endSessionsOf(userId);
    // Whoever was locked out by wrong passwords now has a new one from the admin.
    await this.loginLimits.unlock(target);
    const detail = target.username ?? target.name;
    await this.record(actor, scope, 'staff.password_reset', 'user', userId, detail);
    return { staff: await this.present(scope, userId), temporaryPassword };
  }

  /** Lifts the picture code and waits wrong passwords put on an account, for every client. */
  async unlockStaffLogin(actor: Actor, userId: string): Promise<StaffMember> {
    const scope = peopleScope(actor.user);
    const target = await this.manageableStaff(scope, userId);
    await this.loginLimits.unlock(target);
    const detail = target.username ?? target.name;
    await this.record(actor, scope, 'staff.login_unlocked', 'user', userId, detail);
    return this.present(scope, userId);
  }

  private async collegeInScope(scope: PeopleScope, collegeId: string): Promise<CollegeRow> {
    const row = await this.repo.findCollege(collegeId);
    const isVisible =
      row?.schoolId === scope.schoolId && (scope.collegeId === null || row.id === scope.collegeId);
    if (!row || !isVisible) throw AppError.notFound('college');
    return row;
  }

  /** School admins sit above colleges; college admins need one; others may have one. */
  private async collegeForNewStaff(scope: PeopleScope, input: CreateStaffBody) {
    if (input.role === 'school_admin') {
      if (input.collegeId) throw AppError.of('VALIDATION_FAILED', 'school admins have no college');
      return null;
    }
    const collegeId = scope.collegeId ?? input.collegeId ?? null;
    if (scope.collegeId && input.collegeId && input.collegeId !== scope.collegeId) {
      throw AppError.forbidden();
    }
    if (collegeId === null) {
      if (input.role === 'college_admin') {
        throw AppError.of('VALIDATION_FAILED', 'a college admin needs a college');
      }
      return null;
    }
    const college = await this.collegeInScope(scope, collegeId);
    if (college.disabled) throw AppError.of('CONFLICT', 'the college is disabled');
    return college.id;
  }

  /** Out of sight is NOT_FOUND (nothing leaks); in sight but not theirs is FORBIDDEN. */
  private async manageableStaff(scope: PeopleScope, userId: string): Promise<StaffRow> {
    const target = await this.repo.findStaff(userId);
    if (!target || !canSeeStaff(scope, target)) throw AppError.notFound('staff');
    if (!canManageStaff(scope, target)) throw AppError.forbidden();
    if (target.id === scope.actorId) throw AppError.forbidden('admins cannot act on themselves');
    return target;
  }

  private async present(scope: PeopleScope, userId: string): Promise<StaffMember> {
    const row = await this.repo.findStaff(userId);
    if (!row) throw AppError.notFound('staff');
    const restricted = await this.loginLimits.restricted([row]);
    return presentStaff(row, scope, restricted.has(row.id));
  }

  private record(
    actor: Actor,
    scope: PeopleScope,
    action: AuditAction,
    targetType: 'college' | 'user',
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
