import { z } from 'zod';
import { defineRoute } from './contract.js';
import { sessionUserSchema } from './auth.js';
import { captchaAnswerSchema, captchaSchema } from './captcha.js';
import { idNumberSchema, idSchema, isoDateTimeSchema, slugSchema } from './common.js';

export const getCaptcha = defineRoute({
  method: 'GET',
  path: '/api/schools/:slug/captcha',
  summary: 'A new picture code (图形验证码) for the admission-ticket lookup; single use, 5 minutes',
  tags: ['auth'],
  access: 'public',
  policy: { foreign: 'none' },
  params: z.strictObject({ slug: slugSchema }),
  response: captchaSchema,
});

/** One of the candidate's registrations as the lookup lists it. */
export const lookedUpRegistrationSchema = z.object({
  registrationId: idSchema,
  examName: z.string(),
  sessionName: z.string(),
  startsAt: isoDateTimeSchema,
});
export type LookedUpRegistration = z.infer<typeof lookedUpRegistrationSchema>;

export const ticketLookupBodySchema = z.strictObject({
  schoolSlug: slugSchema,
  name: z.string().trim().min(1).max(40),
  idNumber: idNumberSchema,
  captchaId: idSchema,
  captchaAnswer: captchaAnswerSchema,
  /** 我已阅读并同意《考生诚信承诺书》和《隐私政策》 must be ticked. */
  agreed: z.literal(true),
});

export const lookupTicket = defineRoute({
  method: 'POST',
  path: '/api/auth/ticket-lookup',
  summary:
    '准考证查询 (docs/journeys.md J4): name, ID number and picture code log the candidate in and list their registrations',
  tags: ['auth'],
  access: 'public',
  policy: { foreign: 'none' },
  body: ticketLookupBodySchema,
  response: z.object({
    user: sessionUserSchema,
    registrations: z.array(lookedUpRegistrationSchema),
  }),
});
