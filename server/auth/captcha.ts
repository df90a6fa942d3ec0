import { and, eq, isNull, lt } from 'drizzle-orm';
import svgCaptcha from 'svg-captcha';
import type { Clock } from '../clock.js';
import type { Database } from '../db/client.js';
import { captchaChallenge } from '../db/schema/index.js';
import { AppError } from '../errors/app-error.js';
import { hmacHex, safeEqual } from './tokens.js';

/** Draws a picture code: its answer and the SVG that shows it. */
export interface CaptchaGenerator {
  create(): { text: string; svg: string };
}

export const CAPTCHA_RULES = {
  length: 4,
  lifetimeSeconds: 5 * 60,
  /** Expired rows older than this are deleted when a new picture code is made. */
  keepExpiredSeconds: 60 * 60,
} as const;

// Letters and digits without the look-alikes 0/O/o, 1/l/I/i; answers are case-insensitive.
const CAPTCHA_CHARS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The default generator: svg-captcha, 4 characters drawn as paths with noise lines. */
export const svgCaptchaGenerator: CaptchaGenerator = {
  create() {
    // svg-captcha's typings declare its options as a class; the library takes a plain object.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    const captcha = svgCaptcha.create({
      size: CAPTCHA_RULES.length,
      charPreset: CAPTCHA_CHARS,
      noise: 3,
      color: false,
      width: 120,
      height: 40,
      fontSize: 44,
    });
    return { text: captcha.text, svg: captcha.data };
  },
};

/**
 * Picture codes (图形验证码): only an HMAC of the lower-cased answer is stored; each one is
 * single use (consumed by any attempt, right or wrong) and lives 5 minutes.
 */
export class CaptchaService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly generator: CaptchaGenerator,
    private readonly secret: string,
  ) {}

  async issue(): Promise<{ captchaId: string; svg: string }> {
    const now = this.clock.now();
    const { text, svg } = this.generator.create();
    const captchaId = crypto.randomUUID();
    await this.db
      .delete(captchaChallenge)
      .where(
        lt(
          captchaChallenge.expiresAt,
          new Date(now.getTime() - CAPTCHA_RULES.keepExpiredSeconds * 1000),
        ),
      );
    await this.db.insert(captchaChallenge).values({
      id: captchaId,
      answerHash: this.hashOf(captchaId, text),
      expiresAt: new Date(now.getTime() + CAPTCHA_RULES.lifetimeSeconds * 1000),
    });
    return { captchaId, svg };
  }

  /** Uses up the picture code; throws CAPTCHA_INVALID unless it was live, unused and right. */
  async consume(captchaId: string, answer: string): Promise<void> {
    const now = this.clock.now();
    // One atomic update: concurrent attempts cannot both find it unused.
    const rows = await this.db
      .update(captchaChallenge)
      .set({ usedAt: now })
      .where(and(eq(captchaChallenge.id, captchaId), isNull(captchaChallenge.usedAt)))
      .returning({
        answerHash: captchaChallenge.answerHash,
        expiresAt: captchaChallenge.expiresAt,
      });
    const row = rows[0];
    if (!row || row.expiresAt <= now) throw AppError.of('CAPTCHA_INVALID');
    if (!safeEqual(row.answerHash, this.hashOf(captchaId, answer))) {
      throw AppError.of('CAPTCHA_INVALID');
    }
  }

  private hashOf(captchaId: string, answer: string): string {
    return hmacHex(this.secret, `captcha:${captchaId}:${answer.trim().toLowerCase()}`);
  }
}
