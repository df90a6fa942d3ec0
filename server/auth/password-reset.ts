import type { AccountKind, ResettableAccount } from '../../shared/api/auth.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import type { LoginGuard } from './login-guard.js';
import type { PasswordHasher } from './passwords.js';
import type { AuthRepo, SchoolRow, UserRow } from './repo.js';
import type { SmsCodeService } from './sms-codes.js';
import { hmacHex, safeEqual } from './tokens.js';

export const RESET_RULES = { grantMinutes: 10 } as const;

/** 张* · 李*四 · 欧阳**锋: the first and last characters of names longer than two. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0] ?? ''}*`;
  return `${chars[0] ?? ''}${'*'.repeat(chars.length - 2)}${chars.at(-1) ?? ''}`;
}

/** ad***n · z***: enough for its owner to recognise, too little to log in with. */
export function maskUsername(username: string): string {
  const chars = Array.from(username);
  if (chars.length <= 3) return `${chars[0] ?? ''}***`;
  return `${chars.slice(0, 2).join('')}***${chars.at(-1) ?? ''}`;
}

function presentAccount(user: UserRow): ResettableAccount {
  return {
    accountId: user.id,
    role: user.role,
    maskedName: maskName(user.name),
    maskedUsername: user.username ? maskUsername(user.username) : null,
  };
}

/**
 * 找回密码 in two steps: the SMS code proves the phone and opens a 10-minute grant for the
 * accounts of the chosen kind (考生 or 工作人员) with that phone; the person picks one, and only
 * that account gets the new password. The grant is signed (no table) and used once (its code).
 */
export class PasswordResetService {
  constructor(
    private readonly repo: AuthRepo,
    private readonly smsCodes: SmsCodeService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly secret: string,
    private readonly loginLimits: Pick<LoginGuard, 'unlock'>,
  ) {}

  async verify(input: {
    schoolSlug: string;
    accountKind: AccountKind;
    phone: string;
    code: string;
  }): Promise<{ resetToken: string; expiresInSeconds: number; accounts: ResettableAccount[] }> {
    const school = await this.school(input.schoolSlug);
    const codeId = await this.smsCodes.consume(
      school.id,
      input.phone,
      'reset_password',
      input.code,
    );
    const users = await this.repo.findUsersByPhone(school.id, input.phone, input.accountKind);
    const usable = users.filter((user) => !user.disabled);
    if (usable.length === 0) {
      // The phone is proven here, so a disabled account may say so; none at all looks like any
      // other wrong code (no code was sent for it).
      throw AppError.of(users.length > 0 ? 'ACCOUNT_DISABLED' : 'SMS_CODE_INVALID');
    }
    const expiresAt = this.clock.now().getTime() + RESET_RULES.grantMinutes * 60_000;
    return {
      resetToken: this.sign(codeId, input.accountKind, expiresAt),
      expiresInSeconds: RESET_RULES.grantMinutes * 60,
      accounts: usable.map(presentAccount),
    };
  }

  async reset(input: {
    schoolSlug: string;
    resetToken: string;
    accountId: string;
    newPassword: string;
  }): Promise<void> {
    const school = await this.school(input.schoolSlug);
    const grant = this.read(input.resetToken);
    if (!grant || grant.expiresAt <= this.clock.now().getTime()) {
      throw AppError.of('PASSWORD_RESET_EXPIRED');
    }
    const phone = await this.smsCodes.useForReset(grant.codeId, school.id);
    if (!phone) throw AppError.of('PASSWORD_RESET_EXPIRED');
    const users = await this.repo.findUsersByPhone(school.id, phone, grant.kind);
    const user = users.find((candidate) => candidate.id === input.accountId && !candidate.disabled);
    if (!user) throw AppError.of('PASSWORD_RESET_EXPIRED');
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.repo.setPassword(user.id, passwordHash, this.clock.now());
    await this.repo.deleteSessionsOf([user.id]);
    // The owner proved the phone: wrong passwords before no longer slow them down.
    await this.loginLimits.unlock(user);
    await this.audit.record({
      schoolId: school.id,
      actorId: user.id,
      action: 'auth.password_reset',
      targetType: 'user',
      targetId: user.id,
    });
  }

  private async school(slug: string): Promise<SchoolRow> {
    const school = await this.repo.findSchoolBySlug(slug);
    if (!school) throw AppError.notFound('school');
    return school;
  }

  private sign(codeId: string, kind: AccountKind, expiresAt: number): string {
    const body = `${codeId}.${kind}.${expiresAt}`;
    return `${body}.${this.macOf(body)}`;
  }

  private read(token: string): { codeId: string; kind: AccountKind; expiresAt: number } | null {
    const [codeId, kind, expires, mac, ...rest] = token.split('.');
    if (!codeId || !expires || !mac || rest.length > 0) return null;
    if (kind !== 'candidate' && kind !== 'staff') return null;
    if (!safeEqual(mac, this.macOf(`${codeId}.${kind}.${expires}`))) return null;
    const expiresAt = Number(expires);
    return Number.isSafeInteger(expiresAt) ? { codeId, kind, expiresAt } : null;
  }

  private macOf(body: string): string {
    return hmacHex(this.secret, `password-reset:${body}`);
  }
}
