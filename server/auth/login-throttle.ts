import { and, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db/client.js';
import { loginThrottle } from '../db/schema/index.js';
import { AppError } from '../errors/app-error.js';
import type { CaptchaService } from './captcha.js';

export const THROTTLE_RULES = {
  /** A counter starts again after this long without a failure. */
  idleResetMinutes: 15,
  /** The first wait after `delayAfter` failures; each further failure doubles it. */
  firstDelaySeconds: 2,
  /** Waits never grow past this, so nobody can keep the real user out for long. */
  maxDelaySeconds: 60,
  /** Counters idle this long are deleted. */
  keepHours: 24,
} as const;

/** One counter a login attempt counts against, and what its failures lead to. */
export interface ThrottleCounter {
  /** What is guessed at: an exam, an admission number, a login name (hashed), a user. */
  subject: string;
  /** Who guesses: `ip:…`, `device:…`, or '' for every client together. */
  client: string;
  /** After this many failures every attempt needs a picture code. */
  captchaAfter?: number | undefined;
  /** After this many failures an attempt must wait a growing delay after the last failure. */
  delayAfter?: number | undefined;
  /** Admins are alerted when the failures reach this, and again at each tenfold. */
  alertAt?: number | undefined;
  /** On success: `clear` starts the counter again; `refund` only takes this attempt back. */
  onSuccess: 'clear' | 'refund';
  /**
   * Counts clients instead of failures: a failure counts here only when it is the first of
   * its client on that per-client counter, so one client alone cannot push it up.
   */
  countsClientsOf?: ThrottleCounter | undefined;
}

/** A picture code sent with a login attempt. */
export interface CaptchaSolution {
  captchaId?: string | undefined;
  captchaAnswer?: string | undefined;
}

interface CounterState {
  failures: number;
  lastFailureAt: Date;
}

const keyOf = (counter: { subject: string; client: string }) =>
  `${counter.subject}\n${counter.client}`;

/** Seconds to wait after the last failure once a counter has this many failures. */
export function delaySecondsAfter(failures: number, delayAfter: number): number {
  if (failures < delayAfter) return 0;
  const doublings = Math.min(failures - delayAfter, 10);
  return Math.min(
    THROTTLE_RULES.maxDelaySeconds,
    THROTTLE_RULES.firstDelaySeconds * 2 ** doublings,
  );
}

/** Whether a count is where admins are alerted: the threshold, and each tenfold of it. */
export function isAlertPoint(failures: number, alertAt: number): boolean {
  let point = alertAt;
  while (point < failures) point *= 10;
  return point === failures;
}

function needsCaptcha(
  counters: readonly ThrottleCounter[],
  countOf: (counter: ThrottleCounter) => number,
) {
  return counters.some(
    (counter) => counter.captchaAfter !== undefined && countOf(counter) >= counter.captchaAfter,
  );
}

/** The counters in the database: SQL only. */
class ThrottleStore {
  private writesSinceCleanup = 0;

  constructor(private readonly db: Database) {}

  private matching(counters: readonly ThrottleCounter[]) {
    return or(
      ...counters.map((counter) =>
        and(eq(loginThrottle.subject, counter.subject), eq(loginThrottle.client, counter.client)),
      ),
    );
  }

  async read(counters: readonly ThrottleCounter[], liveAfter: Date) {
    const rows = await this.db
      .select()
      .from(loginThrottle)
      .where(and(this.matching(counters), gt(loginThrottle.lastFailureAt, liveAfter)));
    return new Map<string, CounterState>(rows.map((row) => [keyOf(row), row]));
  }

  /** Counts one failure on each counter (a quiet one starts at 1); answers the new counts. */
  async increment(counters: readonly ThrottleCounter[], now: Date, liveAfter: Date) {
    if (counters.length === 0) return [];
    const isIdle = sql`${loginThrottle.lastFailureAt} <= ${liveAfter.toISOString()}::timestamptz`;
    const rows = await this.db
      .insert(loginThrottle)
      .values(
        counters.map((counter) => ({
          subject: counter.subject,
          client: counter.client,
          failures: 1,
          lastFailureAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [loginThrottle.subject, loginThrottle.client],
        set: {
          failures: sql`case when ${isIdle} then 1 else ${loginThrottle.failures} + 1 end`,
          lastFailureAt: now,
        },
      })
      .returning();
    await this.cleanUpNowAndThen(now);
    const counts = new Map(rows.map((row) => [keyOf(row), row.failures]));
    return counters.map((counter) => counts.get(keyOf(counter)) ?? 1);
  }

  async refund(counters: readonly ThrottleCounter[]): Promise<void> {
    if (counters.length === 0) return;
    await this.db
      .update(loginThrottle)
      .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
      .where(this.matching(counters));
  }

  async clear(counters: readonly ThrottleCounter[]): Promise<void> {
    if (counters.length === 0) return;
    await this.db.delete(loginThrottle).where(this.matching(counters));
  }

  async clearSubjects(subjects: readonly string[]): Promise<void> {
    if (subjects.length === 0) return;
    await this.db.delete(loginThrottle).where(inArray(loginThrottle.subject, [...subjects]));
  }

  /** Subjects with a live counter at or past its threshold (per client, or all clients). */
  async subjectsAtOrPast(
    subjects: readonly string[],
    liveAfter: Date,
    thresholds: { perClient: number; allClients: number },
  ): Promise<Set<string>> {
    if (subjects.length === 0) return new Set();
    const rows = await this.db
      .selectDistinct({ subject: loginThrottle.subject })
      .from(loginThrottle)
      .where(
        and(
          inArray(loginThrottle.subject, [...subjects]),
          gt(loginThrottle.lastFailureAt, liveAfter),
          or(
            and(
              sql`${loginThrottle.client} <> ''`,
              sql`${loginThrottle.failures} >= ${thresholds.perClient}`,
            ),
            and(
              eq(loginThrottle.client, ''),
              sql`${loginThrottle.failures} >= ${thresholds.allClients}`,
            ),
          ),
        ),
      );
    return new Set(rows.map((row) => row.subject));
  }

  // Deleting on every write would cost a statement per failed login; every 100th is plenty.
  private async cleanUpNowAndThen(now: Date): Promise<void> {
    this.writesSinceCleanup++;
    if (this.writesSinceCleanup < 100) return;
    this.writesSinceCleanup = 0;
    const cutoff = new Date(now.getTime() - THROTTLE_RULES.keepHours * 3600_000);
    await this.db.delete(loginThrottle).where(lt(loginThrottle.lastFailureAt, cutoff));
  }
}

/** A login attempt that passed the throttle; the caller reports how it ended. */
export class ThrottledAttempt {
  constructor(
    private readonly store: ThrottleStore,
    private readonly counters: readonly ThrottleCounter[],
    /** The counters this attempt counted on, with their new counts. */
    private readonly counted: ReadonlyMap<ThrottleCounter, number>,
  ) {}

  /** The attempt was counted as a failure up front; a success takes that back. */
  async succeeded(): Promise<void> {
    await this.store.clear(this.counters.filter((counter) => counter.onSuccess === 'clear'));
    await this.store.refund(
      [...this.counted.keys()].filter((counter) => counter.onSuccess === 'refund'),
    );
  }

  /** The counters whose counts just reached a point where admins are alerted. */
  failed(): { counter: ThrottleCounter; count: number }[] {
    return [...this.counted].flatMap(([counter, count]) =>
      counter.alertAt !== undefined && isAlertPoint(count, counter.alertAt)
        ? [{ counter, count }]
        : [],
    );
  }
}

/**
 * Limits guessing without locking anyone out: failures are counted per subject and client;
 * past a threshold every attempt needs a picture code, past another it waits a delay that
 * doubles up to a minute. Each attempt counts as a failure before the credentials are checked
 * (a success takes it back), so concurrent guesses cannot all slip in under a threshold.
 */
export class LoginThrottle {
  private readonly store: ThrottleStore;

  constructor(
    db: Database,
    private readonly clock: Clock,
    private readonly captchas: CaptchaService,
  ) {
    this.store = new ThrottleStore(db);
  }

  /** Throws LOGIN_DELAYED, CAPTCHA_REQUIRED or CAPTCHA_INVALID, or lets the attempt go on. */
  async begin(
    counters: readonly ThrottleCounter[],
    captcha: CaptchaSolution,
  ): Promise<ThrottledAttempt> {
    const now = this.clock.now();
    const liveAfter = new Date(now.getTime() - THROTTLE_RULES.idleResetMinutes * 60_000);
    const before = await this.store.read(counters, liveAfter);
    const countBefore = (counter: ThrottleCounter) => before.get(keyOf(counter))?.failures ?? 0;

    const wait = Math.max(
      0,
      ...counters.map((counter) => {
        const state = before.get(keyOf(counter));
        if (!state || counter.delayAfter === undefined) return 0;
        const delayMs = delaySecondsAfter(state.failures, counter.delayAfter) * 1000;
        return (state.lastFailureAt.getTime() + delayMs - now.getTime()) / 1000;
      }),
    );
    if (wait > 0) throw AppError.retryLater('LOGIN_DELAYED', wait);
    const hasSolvedCaptcha = needsCaptcha(counters, countBefore);
    if (hasSolvedCaptcha) await this.useCaptcha(captcha);

    const counted = await this.count(counters, now, liveAfter);
    // Attempts counted in between were concurrent: judge this one by every failure before it.
    const countAhead = (counter: ThrottleCounter) => {
      const count = counted.get(counter);
      return count === undefined ? countBefore(counter) : count - 1;
    };
    const isRaced = [...counted.keys()].some(
      (counter) => countAhead(counter) > countBefore(counter),
    );
    if (isRaced) {
      const delay = Math.max(
        0,
        ...counters.map((counter) =>
          counter.delayAfter === undefined
            ? 0
            : delaySecondsAfter(countAhead(counter), counter.delayAfter),
        ),
      );
      if (delay > 0 || (!hasSolvedCaptcha && needsCaptcha(counters, countAhead))) {
        await this.store.refund([...counted.keys()]);
        if (delay > 0) throw AppError.retryLater('LOGIN_DELAYED', delay);
        throw AppError.of('CAPTCHA_REQUIRED');
      }
    }
    return new ThrottledAttempt(this.store, counters, counted);
  }

  /** Counts the attempt on every counter it counts on; answers their new counts. */
  private async count(counters: readonly ThrottleCounter[], now: Date, liveAfter: Date) {
    const perFailure = counters.filter((counter) => !counter.countsClientsOf);
    const counts = await this.store.increment(perFailure, now, liveAfter);
    const counted = new Map(perFailure.map((counter, i) => [counter, counts[i] ?? 1]));
    const newClients = counters.filter(
      (counter) => counter.countsClientsOf && counted.get(counter.countsClientsOf) === 1,
    );
    if (newClients.length > 0) {
      const clientCounts = await this.store.increment(newClients, now, liveAfter);
      newClients.forEach((counter, i) => counted.set(counter, clientCounts[i] ?? 1));
    }
    return counted;
  }

  /** Forgets every counter of the subjects (an admin lifted the limits of an account). */
  clearSubjects(subjects: readonly string[]): Promise<void> {
    return this.store.clearSubjects(subjects);
  }

  /** The subjects whose logins currently need a picture code or a wait somewhere. */
  restrictedSubjects(
    subjects: readonly string[],
    thresholds: { perClient: number; allClients: number },
  ): Promise<Set<string>> {
    const liveAfter = new Date(
      this.clock.now().getTime() - THROTTLE_RULES.idleResetMinutes * 60_000,
    );
    return this.store.subjectsAtOrPast(subjects, liveAfter, thresholds);
  }

  private async useCaptcha(captcha: CaptchaSolution): Promise<void> {
    if (!captcha.captchaId || !captcha.captchaAnswer) throw AppError.of('CAPTCHA_REQUIRED');
    await this.captchas.consume(captcha.captchaId, captcha.captchaAnswer);
  }
}
