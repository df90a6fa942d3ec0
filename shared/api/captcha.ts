import { z } from 'zod';
import { defineRoute } from './contract.js';
import { idSchema } from './common.js';

/** A picture code (图形验证码): single use, valid for 5 minutes. */
export const captchaSchema = z.object({
  captchaId: idSchema,
  /** An SVG image; the answer is drawn as paths, never as text. */
  svg: z.string(),
});
export type Captcha = z.infer<typeof captchaSchema>;

export const captchaAnswerSchema = z.string().trim().min(1).max(10);

/**
 * The picture code a login may carry: needed only once the server answered CAPTCHA_REQUIRED
 * (after failed logins); ignored otherwise.
 */
export const optionalCaptchaFields = {
  captchaId: idSchema.optional(),
  captchaAnswer: captchaAnswerSchema.optional(),
};

export const getLoginCaptcha = defineRoute({
  method: 'GET',
  path: '/api/auth/captcha',
  summary: 'A new picture code for a login the server answered CAPTCHA_REQUIRED; single use',
  tags: ['auth'],
  access: 'public',
  policy: { foreign: 'none' },
  response: captchaSchema,
});
