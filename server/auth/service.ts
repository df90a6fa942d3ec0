import type { SessionUser } from '../../shared/api/auth.js';
import type { Locale, Role, SmsPurpose } from '../../shared/enums.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import type { AuditLog } from '../audit/audit-log.js';
import { checkPassword, hashPassword } from './passwords.js';
import type { AuthRepo, SchoolRow, UserRow } from './repo.js';
import type { SmsCodeService } from './sms-codes.js';
import { randomToken, sha256Hex } from './tokens.js';

export const PASSWORD_RULES = { maxWrongTries: 5, lockMinutes: 15 } as const;

export interface LoginResult {
  user: SessionUser;
  /** The session token for the cookie; only its hash is stored. */
  token: string;
}

export interface RequestMeta {
  ip: string;
  userAgent: string | undefined;
}

const CANDIDATE_ONLY: readonly Role[] = ['candidate'];

/**
 * A password login with the initial password (no password set yet) or a temporary one an admin
 * set must be followed by a change; logins by SMS code or admission number prove no password.
 */
function needsNewPassword(user: UserRow): boolean {
  return user.mustChangePassword || user.passwordHash === null;
}

/** Logins, password changes and resets, as the seed manuals describe them. */
export class AuthService {
  constructor(
    private readonly repo: AuthRepo,
    private readonly smsCodes: SmsCodeService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly sessionTtlHours: number,
  ) {}

  async requireSchool(slug: string): Promise<SchoolRow> {
    const school = await this.repo.findSchoolBySlug(slug);
    if (!school) throw AppError.notFound('school');
    return school;
  }

  async sendSmsCode(schoolSlug: string, phone: string, purpose: SmsPurpose): Promise<void> {
    const school = await this.requireSchool(schoolSlug);
    const users = await this.repo.findUsersByPhone(
      school.id,
      phone,
      purpose === 'login' ? CANDIDATE_ONLY : undefined,
    );
    if (users.length === 0) throw AppError.of('PHONE_NOT_REGISTERED');
    await this.smsCodes.send(school.id, phone, purpose);
  }

  async loginWithSms(
    input: { schoolSlug: string; collegeId?: string | undefined; phone: string; code: string },
    meta: RequestMeta,
  ): Promise<LoginResult> {
    const school = await this.requireSchool(input.schoolSlug);
    const [candidate] = await this.repo.findUsersByPhone(school.id, input.phone, CANDIDATE_ONLY);
    if (!candidate) throw AppError.of('PHONE_NOT_REGISTERED');
    await this.smsCodes.consume(school.id, input.phone, 'login', input.code);
    if (input.collegeId && candidate.collegeId && input.collegeId !== candidate.collegeId) {
      throw AppError.of('COLLEGE_MISMATCH');
    }
    return this.startSession(candidate, 'sms', meta, false);
  }

  async loginWithIdNumber(
    input: { schoolSlug: string; idNumber: string; password: string },
    meta: RequestMeta,
  ): Promise<LoginResult> {
    const school = await this.requireSchool(input.schoolSlug);
    const user = await this.repo.findCandidateByIdNumber(school.id, input.idNumber);
    await this.verifyPassword(user, input.password);
    if (!user) throw AppError.of('INVALID_CREDENTIALS');
    return this.startSession(user, 'id_number', meta, needsNewPassword(user));
  }

  async loginWithAdmission(
    input: { schoolSlug: string; examCode: string; admissionNumber: string },
    meta: RequestMeta,
  ): Promise<LoginResult> {
    const school = await this.requireSchool(input.schoolSlug);
    const user = await this.repo.findCandidateByAdmission(
      school.id,
      input.examCode,
      input.admissionNumber,
    );
    if (!user) throw AppError.of('ADMISSION_NOT_FOUND');
    return this.startSession(user, 'admission', meta, false);
  }

  /**
   * Logs in a candidate another check already identified (the 准考证查询 by name, ID number
   * and picture code); like the admission login, it proves no password, so none is forced.
   */
  async loginVerifiedCandidate(
    user: UserRow,
    method: string,
    meta: RequestMeta,
  ): Promise<LoginResult> {
    if (user.role !== 'candidate') throw AppError.of('INVALID_CREDENTIALS');
    return this.startSession(user, method, meta, false);
  }

  async loginAsStaff(
    input: { schoolSlug?: string | undefined; login: string; password: string },
    meta: RequestMeta,
  ): Promise<LoginResult> {
    const school = input.schoolSlug ? await this.requireSchool(input.schoolSlug) : null;
    const user = await this.repo.findStaffByLogin(school?.id ?? null, input.login);
    await this.verifyPassword(user, input.password);
    if (!user) throw AppError.of('INVALID_CREDENTIALS');
    return this.startSession(user, 'staff_password', meta, needsNewPassword(user));
  }

  async resetPassword(input: {
    schoolSlug: string;
    phone: string;
    code: string;
    newPassword: string;
  }): Promise<void> {
    const school = await this.requireSchool(input.schoolSlug);
    const users = await this.repo.findUsersByPhone(school.id, input.phone);
    if (users.length === 0) throw AppError.of('PHONE_NOT_REGISTERED');
    await this.smsCodes.consume(school.id, input.phone, 'reset_password', input.code);
    const ids = users.map((user) => user.id);
    await this.repo.setPassword(ids, await hashPassword(input.newPassword), this.clock.now());
    await this.repo.deleteSessionsOf(ids);
    for (const user of users) {
      await this.audit.record({
        schoolId: school.id,
        actorId: user.id,
        action: 'auth.password_reset',
        targetType: 'user',
        targetId: user.id,
      });
    }
  }

  async changePassword(
    auth: { userId: string; sessionTokenHash: string },
    input: { currentPassword: string; newPassword: string },
  ): Promise<SessionUser> {
    const user = await this.repo.findUserById(auth.userId);
    if (!user) throw AppError.unauthenticated();
    await this.verifyPassword(user, input.currentPassword);
    if (input.currentPassword === input.newPassword) throw AppError.of('PASSWORD_REUSED');
    await this.repo.setPassword([user.id], await hashPassword(input.newPassword), this.clock.now());
    await this.repo.deleteSessionsOf([user.id], auth.sessionTokenHash);
    await this.repo.clearSessionPasswordChange(auth.sessionTokenHash);
    await this.audit.record({
      schoolId: user.schoolId,
      actorId: user.id,
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: user.id,
    });
    return this.sessionUser(user.id, false);
  }

  async setLocale(caller: SessionUser, locale: Locale): Promise<SessionUser> {
    await this.repo.setLocale(caller.id, locale);
    return this.sessionUser(caller.id, caller.mustChangePassword);
  }

  async logout(sessionTokenHash: string): Promise<void> {
    await this.repo.deleteSession(sessionTokenHash);
  }

  /** Resolves a session cookie to its user, sliding the expiry at most once a minute. */
  async authenticate(
    token: string,
  ): Promise<{ user: SessionUser; sessionTokenHash: string } | null> {
    const tokenHash = sha256Hex(token);
    const now = this.clock.now();
    const session = await this.repo.findLiveSession(tokenHash, now);
    if (!session) return null;
    const user = await this.repo.findSessionUser(session.userId);
    if (!user) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      await this.repo.touchSession(tokenHash, now, this.expiryFrom(now));
    }
    return {
      user: { ...user, mustChangePassword: session.mustChangePassword },
      sessionTokenHash: tokenHash,
    };
  }

  private expiryFrom(now: Date): Date {
    return new Date(now.getTime() + this.sessionTtlHours * 3600_000);
  }

  private async sessionUser(userId: string, mustChangePassword: boolean): Promise<SessionUser> {
    const user = await this.repo.findSessionUser(userId);
    if (!user) throw AppError.unauthenticated();
    return { ...user, mustChangePassword };
  }

  /** Applies the lockout rule: 5 wrong passwords lock the account for 15 minutes. */
  private async verifyPassword(user: UserRow | undefined, password: string): Promise<void> {
    const now = this.clock.now();
    if (user?.lockedUntil && user.lockedUntil > now) {
      throw AppError.retryLater(
        'ACCOUNT_LOCKED',
        (user.lockedUntil.getTime() - now.getTime()) / 1000,
      );
    }
    const isCorrect = await checkPassword(user, password);
    if (!user) throw AppError.of('INVALID_CREDENTIALS');
    if (isCorrect) {
      if (user.failedPasswordCount > 0 || user.lockedUntil)
        await this.repo.clearPasswordFailures(user.id);
      return;
    }
    if (user.failedPasswordCount + 1 >= PASSWORD_RULES.maxWrongTries) {
      const until = new Date(now.getTime() + PASSWORD_RULES.lockMinutes * 60_000);
      await this.repo.recordPasswordFailure(user.id, until);
      await this.audit.record({
        schoolId: user.schoolId,
        actorId: user.id,
        action: 'auth.account_locked',
        targetType: 'user',
        targetId: user.id,
      });
      throw AppError.retryLater('ACCOUNT_LOCKED', PASSWORD_RULES.lockMinutes * 60);
    }
    await this.repo.recordPasswordFailure(user.id, null);
    throw AppError.of('INVALID_CREDENTIALS');
  }

  private async startSession(
    user: UserRow,
    method: string,
    meta: RequestMeta,
    mustChangePassword: boolean,
  ): Promise<LoginResult> {
    if (user.disabled) throw AppError.of('ACCOUNT_DISABLED');
    const token = randomToken();
    const now = this.clock.now();
    await this.repo.createSession({
      tokenHash: sha256Hex(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: this.expiryFrom(now),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      mustChangePassword,
    });
    await this.audit.record({
      schoolId: user.schoolId,
      actorId: user.id,
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      detail: method,
      ip: meta.ip,
    });
    return { user: await this.sessionUser(user.id, mustChangePassword), token };
  }
}
