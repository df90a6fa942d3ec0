import type { AccountKind, SessionUser } from '../../shared/api/auth.js';
import type { Locale, SmsPurpose } from '../../shared/enums.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { ClientMeta, LoginGuard } from './login-guard.js';
import type { CaptchaSolution } from './login-throttle.js';
import type { PasswordChecker } from './passwords.js';
import type { AuthRepo, SchoolRow, UserRow } from './repo.js';
import type { SmsCodeService } from './sms-codes.js';
import { randomToken, sha256Hex } from './tokens.js';

export interface LoginResult {
  user: SessionUser;
  /** The session token for the cookie; only its hash is stored. */
  token: string;
  /** After a password login: the cookie naming this browser trusted for the account. */
  trustedDevice?: string;
}

export interface RequestMeta extends ClientMeta {
  userAgent: string | undefined;
}

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
    private readonly passwords: PasswordChecker,
    private readonly guard: LoginGuard,
  ) {}

  async requireSchool(slug: string): Promise<SchoolRow> {
    const school = await this.repo.findSchoolBySlug(slug);
    if (!school) throw AppError.notFound('school');
    return school;
  }

  /** Same answer, limits and work for every phone; only a registered one gets the message. */
  async sendSmsCode(
    schoolSlug: string,
    phone: string,
    purpose: SmsPurpose,
    accountKind: AccountKind,
  ): Promise<void> {
    const school = await this.requireSchool(schoolSlug);
    const kind = purpose === 'login' ? 'candidate' : accountKind;
    const users = await this.repo.findUsersByPhone(school.id, phone, kind);
    await this.smsCodes.send(school.id, phone, purpose, { deliver: users.length > 0 });
  }

  /** The code is checked first, so an unregistered phone fails exactly like a wrong code. */
  async loginWithSms(
    input: { schoolSlug: string; collegeId?: string | undefined; phone: string; code: string },
    meta: RequestMeta,
  ): Promise<LoginResult> {
    const school = await this.requireSchool(input.schoolSlug);
    await this.smsCodes.consume(school.id, input.phone, 'login', input.code);
    const [candidate] = await this.repo.findUsersByPhone(school.id, input.phone, 'candidate');
    if (!candidate) throw AppError.of('SMS_CODE_INVALID');
    if (input.collegeId && candidate.collegeId && input.collegeId !== candidate.collegeId) {
      throw AppError.of('COLLEGE_MISMATCH');
    }
    return this.startSession(candidate, 'sms', meta, false);
  }

  async loginWithIdNumber(
    input: { schoolSlug: string; idNumber: string; password: string } & CaptchaSolution,
    meta: RequestMeta,
  ): Promise<LoginResult> {
    const school = await this.requireSchool(input.schoolSlug);
    const target = { schoolId: school.id, kind: 'candidate', loginName: input.idNumber } as const;
    const attempt = await this.guard.beginPasswordLogin(target, meta, input);
    const user = await this.repo.findCandidateByIdNumber(school.id, input.idNumber);
    if (!(await this.passwords.check(user, input.password)) || !user) {
      await attempt.failed(user);
      throw AppError.of('INVALID_CREDENTIALS');
    }
    const trustedDevice = await attempt.succeeded();
    const result = await this.startSession(user, 'id_number', meta, needsNewPassword(user));
    return { ...result, trustedDevice };
  }

  /**
   * 考试ID + 准考证号 (docs/journeys.md J3). Guessing is limited per address, per exam and per admission
   * number: past a few failures each attempt needs a picture code; a right pair always gets in.
   */
  async loginWithAdmission(
    input: { schoolSlug: string; examCode: string; admissionNumber: string } & CaptchaSolution,
    meta: RequestMeta,
  ): Promise<LoginResult> {
    const school = await this.requireSchool(input.schoolSlug);
    const target = { schoolId: school.id, ...input };
    const attempt = await this.guard.beginAdmissionLogin(target, meta.ip, input);
    const user = await this.repo.findCandidateByAdmission(
      school.id,
      input.examCode,
      input.admissionNumber,
    );
    if (!user) {
      await attempt.failed(() => this.repo.findExamByCode(school.id, input.examCode));
      throw AppError.of('ADMISSION_NOT_FOUND');
    }
    await attempt.succeeded();
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
    input: { schoolSlug?: string | undefined; login: string; password: string } & CaptchaSolution,
    meta: RequestMeta,
  ): Promise<LoginResult> {
    const school = input.schoolSlug ? await this.requireSchool(input.schoolSlug) : null;
    const target = { schoolId: school?.id ?? null, kind: 'staff', loginName: input.login } as const;
    const attempt = await this.guard.beginPasswordLogin(target, meta, input);
    const user = await this.repo.findStaffByLogin(school?.id ?? null, input.login);
    if (!(await this.passwords.check(user, input.password)) || !user) {
      await attempt.failed(user);
      throw AppError.of('INVALID_CREDENTIALS');
    }
    const trustedDevice = await attempt.succeeded();
    const result = await this.startSession(user, 'staff_password', meta, needsNewPassword(user));
    return { ...result, trustedDevice };
  }

  async changePassword(
    auth: { userId: string; sessionTokenHash: string; ip: string },
    input: { currentPassword: string; newPassword: string },
  ): Promise<SessionUser> {
    const user = await this.repo.findUserById(auth.userId);
    if (!user) throw AppError.unauthenticated();
    const attempt = await this.guard.beginPasswordChange(user.id, auth.ip);
    if (!(await this.passwords.check(user, input.currentPassword))) {
      throw AppError.of('INVALID_CREDENTIALS');
    }
    await attempt.succeeded();
    if (input.currentPassword === input.newPassword) throw AppError.of('PASSWORD_REUSED');
    const passwordHash = await this.passwords.hasher.hash(input.newPassword);
    await this.repo.setPassword(user.id, passwordHash, this.clock.now());
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
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      await this.repo.touchSession(tokenHash, now, this.expiryFrom(now));
    }
    return {
      user: { ...session.user, mustChangePassword: session.mustChangePassword },
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
