import type { LoginAlertDetail, LoginAlertKind } from '../../shared/api/login-alerts.js';
import type { AuditLog } from '../audit/audit-log.js';
import {
  THROTTLE_RULES,
  type CaptchaSolution,
  type LoginThrottle,
  type ThrottleCounter,
} from './login-throttle.js';
import { sha256Hex } from './tokens.js';
import type { TrustedDevices } from './trusted-device.js';

/** Password logins (staff, and candidates by ID number), per login name. */
export const PASSWORD_LIMITS = {
  /** Failures of one login name from one client before that client needs a picture code. */
  captchaAfter: 3,
  /** …before that client waits 2, 4, 8 … 60 seconds after each failure. */
  delayAfter: 5,
  /** Failures from one client at which admins are alerted. */
  alertAfterFailures: 10,
  /** Clients failing on one login name before every untrusted client needs a picture code
   * (a guess spread over many addresses), and admins are alerted. */
  allClientsCaptchaAfter: 5,
} as const;

/** Admission-number logins (考试ID + 准考证号). */
export const ADMISSION_LIMITS = {
  /** Failures from one address (any exam) before it needs a picture code. */
  perClientCaptchaAfter: 3,
  /** Addresses failing on one exam ID before all its logins need a picture code. */
  perExamClientsCaptchaAfter: 10,
  /** Failures on one admission number (any exam ID) before it needs a picture code. */
  perNumberCaptchaAfter: 3,
  /** Failures from one address, or addresses failing on one exam, at which admins are alerted. */
  alertAt: 20,
} as const;

export type PasswordAccountKind = 'staff' | 'candidate';

/** What a login request tells about its client. */
export interface ClientMeta {
  ip: string;
  /** The trusted-browser cookie, if the browser sent one. */
  trustedDevice?: string | undefined;
}

/**
 * The counter subject of a password login name. Hashed: a login field sometimes holds a
 * password typed in the wrong box. Keyed by the name typed, never by whether an account has
 * it, so unknown names are limited exactly like real ones.
 */
export function passwordSubject(
  schoolId: string | null,
  kind: PasswordAccountKind,
  loginName: string,
): string {
  return `password:${sha256Hex(`${schoolId ?? 'platform'}\n${kind}\n${loginName}`)}`;
}

const admissionSubject = (part: 'exam' | 'number', schoolId: string, value: string) =>
  `admission-${part}:${sha256Hex(`${schoolId}\n${value.toUpperCase()}`)}`;

export interface PasswordLoginAttempt {
  /** After the right password; answers the trusted-browser cookie to give the client. */
  succeeded(): Promise<string>;
  /** After a wrong password or an unknown login name. */
  failed(account: { id: string } | undefined): Promise<void>;
}

export interface AdmissionLoginAttempt {
  succeeded(): Promise<void>;
  /** `examOf` is asked only when admins are to be alerted. */
  failed(examOf: () => Promise<{ id: string; code: string } | undefined>): Promise<void>;
}

/** The login limits of each way to log in, and the admins' alerts when they are hit hard. */
export class LoginGuard {
  constructor(
    private readonly throttle: LoginThrottle,
    private readonly devices: TrustedDevices,
    private readonly audit: AuditLog,
  ) {}

  async beginPasswordLogin(
    target: { schoolId: string | null; kind: PasswordAccountKind; loginName: string },
    meta: ClientMeta,
    captcha: CaptchaSolution,
  ): Promise<PasswordLoginAttempt> {
    const subject = passwordSubject(target.schoolId, target.kind, target.loginName);
    const { client, isTrusted } = this.devices.clientOf(subject, meta.trustedDevice, meta.ip);
    const perClient: ThrottleCounter = {
      subject,
      client,
      captchaAfter: PASSWORD_LIMITS.captchaAfter,
      delayAfter: PASSWORD_LIMITS.delayAfter,
      alertAt: PASSWORD_LIMITS.alertAfterFailures,
      onSuccess: 'clear',
    };
    const clients: ThrottleCounter = {
      subject,
      client: '',
      // A browser that logged in before is not asked because of other clients' failures.
      captchaAfter: isTrusted ? undefined : PASSWORD_LIMITS.allClientsCaptchaAfter,
      alertAt: PASSWORD_LIMITS.allClientsCaptchaAfter,
      onSuccess: 'refund',
      countsClientsOf: perClient,
    };
    const attempt = await this.throttle.begin([perClient, clients], captcha);
    return {
      succeeded: async () => {
        await attempt.succeeded();
        return this.devices.issue(subject);
      },
      failed: async (account) => {
        for (const { counter, count } of attempt.failed()) {
          await this.alert(target.schoolId, meta.ip, {
            kind: target.kind === 'staff' ? 'staff_password' : 'candidate_password',
            count,
            unit: counter === clients ? 'clients' : 'failures',
            ...(account ? { accountId: account.id } : {}),
          });
        }
      },
    };
  }

  /** Changing one's password while logged in: the current password may be wrong a few times. */
  beginPasswordChange(userId: string, ip: string) {
    const counter: ThrottleCounter = {
      subject: `password-change:${userId}`,
      client: `ip:${ip}`,
      delayAfter: PASSWORD_LIMITS.delayAfter,
      onSuccess: 'clear',
    };
    return this.throttle.begin([counter], {});
  }

  async beginAdmissionLogin(
    target: { schoolId: string; examCode: string; admissionNumber: string },
    ip: string,
    captcha: CaptchaSolution,
  ): Promise<AdmissionLoginAttempt> {
    const perClient: ThrottleCounter = {
      subject: 'admission-client',
      client: `ip:${ip}`,
      captchaAfter: ADMISSION_LIMITS.perClientCaptchaAfter,
      alertAt: ADMISSION_LIMITS.alertAt,
      onSuccess: 'refund',
    };
    const examSubject = admissionSubject('exam', target.schoolId, target.examCode);
    // Only tells a client's first failure on this exam from its later ones.
    const perExamClient: ThrottleCounter = {
      subject: examSubject,
      client: `ip:${ip}`,
      onSuccess: 'refund',
    };
    const perExam: ThrottleCounter = {
      subject: examSubject,
      client: '',
      captchaAfter: ADMISSION_LIMITS.perExamClientsCaptchaAfter,
      alertAt: ADMISSION_LIMITS.alertAt,
      onSuccess: 'refund',
      countsClientsOf: perExamClient,
    };
    const perNumber: ThrottleCounter = {
      subject: admissionSubject('number', target.schoolId, target.admissionNumber),
      client: '',
      captchaAfter: ADMISSION_LIMITS.perNumberCaptchaAfter,
      onSuccess: 'refund',
    };
    const counters = [perClient, perExamClient, perExam, perNumber];
    const attempt = await this.throttle.begin(counters, captcha);
    return {
      succeeded: () => attempt.succeeded(),
      failed: async (examOf) => {
        for (const { counter, count } of attempt.failed()) {
          const isExam = counter === perExam;
          const exam = isExam ? await examOf() : undefined;
          await this.alert(target.schoolId, ip, {
            kind: isExam ? 'admission_exam' : 'admission_ip',
            count,
            unit: isExam ? 'clients' : 'failures',
            ...(exam ? { exam } : {}),
          });
        }
      },
    };
  }

  /** Lifts the limits on an account's login names (an admin vouched for its owner, or the
   * owner proved the phone and set a new password). */
  unlock(account: LimitedAccount): Promise<void> {
    return this.throttle.clearSubjects(subjectsOf(account));
  }

  /** The accounts among these whose logins need a picture code or a wait somewhere. */
  async restricted(accounts: readonly LimitedAccount[]): Promise<Set<string>> {
    const subjects = new Map(
      accounts.flatMap((account) => subjectsOf(account).map((s) => [s, account.id] as const)),
    );
    const hit = await this.throttle.restrictedSubjects([...subjects.keys()], {
      perClient: PASSWORD_LIMITS.captchaAfter,
      allClients: PASSWORD_LIMITS.allClientsCaptchaAfter,
    });
    return new Set([...hit].flatMap((subject) => subjects.get(subject) ?? []));
  }

  private async alert(
    schoolId: string | null,
    ip: string,
    alert: {
      kind: LoginAlertKind;
      count: number;
      unit: LoginAlertDetail['unit'];
      accountId?: string;
      exam?: { id: string; code: string };
    },
  ): Promise<void> {
    const detail: LoginAlertDetail = {
      kind: alert.kind,
      count: alert.count,
      unit: alert.unit,
      windowMinutes: THROTTLE_RULES.idleResetMinutes,
      ...(alert.exam ? { examCode: alert.exam.code } : {}),
    };
    const target = alert.accountId
      ? { targetType: 'user', targetId: alert.accountId }
      : alert.exam
        ? { targetType: 'exam', targetId: alert.exam.id }
        : {};
    await this.audit.record({
      schoolId,
      actorId: null,
      action: 'auth.login_failures_burst',
      ...target,
      detail: JSON.stringify(detail),
      ip,
    });
  }
}

/** An account, by the names it logs in with by password. */
export interface LimitedAccount {
  id: string;
  schoolId: string | null;
  role: string;
  username: string | null;
  phone: string | null;
  idNumber?: string | null;
}

/** Candidates log in by password with their ID number; staff with username or phone. */
function subjectsOf(account: LimitedAccount): string[] {
  if (account.role === 'candidate') {
    return account.idNumber
      ? [passwordSubject(account.schoolId, 'candidate', account.idNumber)]
      : [];
  }
  return [account.username, account.phone].flatMap((name) =>
    name ? [passwordSubject(account.schoolId, 'staff', name)] : [],
  );
}
