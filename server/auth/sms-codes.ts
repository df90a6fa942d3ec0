import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { SmsPurpose } from '../../shared/enums.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/client.js';
import { smsCode } from '../db/schema/index.js';
import { AppError } from '../errors/app-error.js';
import type { SmsSender } from './sms/sms-sender.js';
import { hmacHex, randomSixDigitCode, safeEqual } from './tokens.js';

export const SMS_RULES = {
  lifetimeSeconds: 5 * 60,
  resendAfterSeconds: 60,
  perDay: 10,
  maxWrongTries: 5,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Verification codes by SMS: 6 digits, stored as an HMAC, single use, 5 minutes, at most one
 * send a minute and 10 a day per phone, void after 5 wrong tries.
 *
 * A phone nobody registered goes through the same steps (limits, a stored code) without the
 * message, and delivery happens after the answer, so neither the answer, its limits nor its
 * time tell whether a phone is registered.
 */
export class SmsCodeService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly sender: SmsSender,
    private readonly secret: string,
    private readonly log: Pick<FastifyBaseLogger, 'warn'>,
  ) {}

  /** Issues a code; `deliver` is false for a phone with no account it could be for. */
  async send(
    schoolId: string,
    phone: string,
    purpose: SmsPurpose,
    { deliver }: { deliver: boolean },
  ): Promise<void> {
    const code = randomSixDigitCode();
    const id = await this.db.transaction(async (tx) => {
      // Serialise sends per phone so two concurrent requests cannot both pass the limits.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sms:${phone}`}))`);
      const now = this.clock.now();
      const dayAgo = new Date(now.getTime() - DAY_MS);
      const recent = await tx
        .select({ createdAt: smsCode.createdAt })
        .from(smsCode)
        .where(and(eq(smsCode.phone, phone), gt(smsCode.createdAt, dayAgo)))
        .orderBy(desc(smsCode.createdAt));
      const last = recent[0];
      const sinceLast = last ? (now.getTime() - last.createdAt.getTime()) / 1000 : Infinity;
      if (sinceLast < SMS_RULES.resendAfterSeconds) {
        throw AppError.retryLater('SMS_TOO_FREQUENT', SMS_RULES.resendAfterSeconds - sinceLast);
      }
      const oldest = recent.at(-1);
      if (recent.length >= SMS_RULES.perDay && oldest) {
        const retry = (oldest.createdAt.getTime() + DAY_MS - now.getTime()) / 1000;
        throw AppError.retryLater('SMS_DAILY_LIMIT', retry);
      }
      // Only the newest code of a phone and purpose is valid.
      await tx
        .update(smsCode)
        .set({ voidedAt: now })
        .where(
          and(
            eq(smsCode.schoolId, schoolId),
            eq(smsCode.phone, phone),
            eq(smsCode.purpose, purpose),
            isNull(smsCode.consumedAt),
            isNull(smsCode.voidedAt),
          ),
        );
      const rowId = crypto.randomUUID();
      await tx.insert(smsCode).values({
        id: rowId,
        schoolId,
        phone,
        purpose,
        codeHash: hmacHex(this.secret, `${rowId}:${code}`),
        createdAt: now,
        expiresAt: new Date(now.getTime() + SMS_RULES.lifetimeSeconds * 1000),
      });
      return rowId;
    });
    if (deliver) void this.deliver(id, phone, code);
  }

  private async deliver(id: string, phone: string, code: string): Promise<void> {
    try {
      await this.sender.send({
        phone,
        code,
        text: `【云考场】您的验证码为${code}，${SMS_RULES.lifetimeSeconds / 60}分钟内有效。如非本人操作，请忽略本短信。`,
      });
    } catch (error) {
      // A code that never reached the phone must not count against the limits.
      this.log.warn(
        { sender: this.sender.name, err: error instanceof Error ? error.message : 'send failed' },
        'SMS code not delivered',
      );
      try {
        await this.db.delete(smsCode).where(eq(smsCode.id, id));
      } catch {
        // The database may be closing; the code then just expires.
      }
    }
  }

  /** Consumes the code or throws SMS_CODE_INVALID / SMS_CODE_VOIDED; answers the code's id. */
  async consume(
    schoolId: string,
    phone: string,
    purpose: SmsPurpose,
    code: string,
  ): Promise<string> {
    const now = this.clock.now();
    const rows = await this.db
      .select()
      .from(smsCode)
      .where(
        and(eq(smsCode.schoolId, schoolId), eq(smsCode.phone, phone), eq(smsCode.purpose, purpose)),
      )
      .orderBy(desc(smsCode.createdAt))
      .limit(1);
    const row = rows[0];
    if (!row || row.consumedAt || row.expiresAt <= now) throw AppError.of('SMS_CODE_INVALID');
    if (row.failedAttempts >= SMS_RULES.maxWrongTries) throw AppError.of('SMS_CODE_VOIDED');
    if (row.voidedAt) throw AppError.of('SMS_CODE_INVALID');

    if (!safeEqual(row.codeHash, hmacHex(this.secret, `${row.id}:${code}`))) {
      const updated = await this.db
        .update(smsCode)
        .set({ failedAttempts: sql`${smsCode.failedAttempts} + 1` })
        .where(eq(smsCode.id, row.id))
        .returning({ failedAttempts: smsCode.failedAttempts });
      const tries = updated[0]?.failedAttempts ?? SMS_RULES.maxWrongTries;
      if (tries >= SMS_RULES.maxWrongTries) {
        await this.db.update(smsCode).set({ voidedAt: now }).where(eq(smsCode.id, row.id));
        throw AppError.of('SMS_CODE_VOIDED');
      }
      throw AppError.of('SMS_CODE_INVALID');
    }
    // Single use even under concurrent submits: only one update finds it unconsumed.
    const consumed = await this.db
      .update(smsCode)
      .set({ consumedAt: now })
      .where(and(eq(smsCode.id, row.id), isNull(smsCode.consumedAt), isNull(smsCode.voidedAt)))
      .returning({ id: smsCode.id });
    if (consumed.length === 0) throw AppError.of('SMS_CODE_INVALID');
    return row.id;
  }

  /** The phone of a consumed reset code, marking its one reset used; undefined if it was. */
  async useForReset(codeId: string, schoolId: string): Promise<string | undefined> {
    const rows = await this.db
      .update(smsCode)
      .set({ resetUsedAt: this.clock.now() })
      .where(
        and(
          eq(smsCode.id, codeId),
          eq(smsCode.schoolId, schoolId),
          eq(smsCode.purpose, 'reset_password'),
          sql`${smsCode.consumedAt} is not null`,
          isNull(smsCode.resetUsedAt),
        ),
      )
      .returning({ phone: smsCode.phone });
    return rows[0]?.phone;
  }
}
