import { z } from 'zod';
import { localeSchema, roleSchema, smsPurposeSchema } from '../enums.js';
import { optionalCaptchaFields } from './captcha.js';
import { defineRoute } from './contract.js';
import {
  idNumberSchema,
  idSchema,
  newPasswordSchema,
  okSchema,
  phoneSchema,
  slugSchema,
} from './common.js';

export const sessionUserSchema = z.object({
  id: idSchema,
  role: roleSchema,
  name: z.string(),
  schoolId: idSchema.nullable(),
  schoolSlug: z.string().nullable(),
  schoolName: z.string().nullable(),
  /** The school's IANA time zone: times are shown in it (null for platform admins). */
  schoolTimeZone: z.string().nullable(),
  collegeId: idSchema.nullable(),
  collegeName: z.string().nullable(),
  locale: localeSchema,
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResultSchema = z.object({ user: sessionUserSchema });

const smsCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'INVALID_CODE');

/** Which accounts a password reset is about: 考生 or 工作人员. */
export const ACCOUNT_KINDS = ['candidate', 'staff'] as const;
export const accountKindSchema = z.enum(ACCOUNT_KINDS);
export type AccountKind = z.infer<typeof accountKindSchema>;

export const sendSmsCode = defineRoute({
  method: 'POST',
  path: '/api/auth/sms-codes',
  summary:
    'Send a 6-digit code by SMS (at most once a minute and 10 times a day per phone). The answer ' +
    'is the same whether or not the phone is registered; the code is only sent where it is ' +
    '(a candidate for login; an account of the kind for reset_password)',
  tags: ['auth'],
  access: 'public',
  policy: { foreign: 'none' },
  body: z.strictObject({
    schoolSlug: slugSchema,
    phone: phoneSchema,
    purpose: smsPurposeSchema,
    /** For reset_password: whose password is forgotten. Logins by code are candidates'. */
    accountKind: accountKindSchema.default('candidate'),
  }),
  response: z.object({ resendAfterSeconds: z.number().int(), expiresInSeconds: z.number().int() }),
});

export const loginWithSms = defineRoute({
  method: 'POST',
  path: '/api/auth/login/sms',
  summary: 'Candidate login with phone and SMS code (docs/journeys.md J1)',
  tags: ['auth'],
  access: 'public',
  policy: { foreign: 'none' },
  body: z.strictObject({
    schoolSlug: slugSchema,
    collegeId: idSchema.optional(),
    phone: phoneSchema,
    code: smsCodeSchema,
  }),
  response: loginResultSchema,
});

export const loginWithIdNumber = defineRoute({
  method: 'POST',
  path: '/api/auth/login/id-number',
  summary: 'Candidate login with ID number and password (docs/journeys.md J5)',
  tags: ['auth'],
  access: 'public',
  policy: { foreign: 'none' },
  body: z.strictObject({
    schoolSlug: slugSchema,
    idNumber: idNumberSchema,
    password: z.string().min(1).max(128),
    ...optionalCaptchaFields,
  }),
  response: loginResultSchema,
});

export const loginWithAdmission = defineRoute({
  method: 'POST',
  path: '/api/auth/login/admission',
  summary: 'Candidate login with exam ID and admission number (docs/journeys.md J3)',
  tags: ['auth'],
  access: 'public',
  policy: { foreign: 'none' },
  body: z.strictObject({
    schoolSlug: slugSchema,
    examCode: z.string().trim().min(1).max(40),
    admissionNumber: z.string().trim().min(1).max(40),
    ...optionalCaptchaFields,
  }),
  response: loginResultSchema,
});

export const loginAsStaff = defineRoute({
  method: 'POST',
  path: '/api/auth/login/staff',
  summary: 'Staff login with username or phone and password; no school slug for platform admins',
  tags: ['auth'],
  access: 'public',
  policy: { foreign: 'none' },
  body: z.strictObject({
    schoolSlug: slugSchema.optional(),
    login: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(128),
    ...optionalCaptchaFields,
  }),
  response: loginResultSchema,
});

/** An account a reset may apply to, as the phone's owner sees it once the code is verified. */
export const resettableAccountSchema = z.object({
  accountId: idSchema,
  role: roleSchema,
  /** Masked: 张*, 欧阳**锋. */
  maskedName: z.string(),
  /** Masked: ad***n; null for candidates, who have none. */
  maskedUsername: z.string().nullable(),
});
export type ResettableAccount = z.infer<typeof resettableAccountSchema>;

export const verifyPasswordReset = defineRoute({
  method: 'POST',
  path: '/api/auth/password/reset/verify',
  summary:
    'Forgot password, step 1: the SMS code proves the phone; answers a 10-minute reset token ' +
    'and the accounts of the chosen kind with that phone (masked), to pick one',
  tags: ['auth'],
  access: 'public',
  policy: { foreign: 'none' },
  body: z.strictObject({
    schoolSlug: slugSchema,
    accountKind: accountKindSchema,
    phone: phoneSchema,
    code: smsCodeSchema,
  }),
  response: z.object({
    resetToken: z.string(),
    expiresInSeconds: z.number().int(),
    accounts: z.array(resettableAccountSchema).min(1),
  }),
});

export const resetPassword = defineRoute({
  method: 'POST',
  path: '/api/auth/password/reset',
  summary: 'Forgot password, step 2: the reset token, the one account picked, its new password',
  tags: ['auth'],
  access: 'public',
  policy: { foreign: 'none' },
  body: z.strictObject({
    schoolSlug: slugSchema,
    resetToken: z.string().min(1).max(300),
    accountId: idSchema,
    newPassword: newPasswordSchema,
  }),
  response: okSchema,
});

export const changePassword = defineRoute({
  method: 'POST',
  path: '/api/auth/password/change',
  summary: 'Change the password of the logged-in user',
  tags: ['auth'],
  access: 'authenticated',
  policy: { foreign: 'none' },
  allowPendingPasswordChange: true,
  body: z.strictObject({
    currentPassword: z.string().min(1).max(128),
    newPassword: newPasswordSchema,
  }),
  response: loginResultSchema,
});

export const logout = defineRoute({
  method: 'POST',
  path: '/api/auth/logout',
  summary: 'End the current login session',
  tags: ['auth'],
  access: 'public',
  policy: { foreign: 'none' },
  response: okSchema,
});

export const getCurrentUser = defineRoute({
  method: 'GET',
  path: '/api/auth/me',
  summary: 'The logged-in user, or 401',
  tags: ['auth'],
  access: 'authenticated',
  policy: { foreign: 'none' },
  allowPendingPasswordChange: true,
  response: loginResultSchema,
});

export const setLocale = defineRoute({
  method: 'PUT',
  path: '/api/auth/me/locale',
  summary: 'Remember the interface language of the logged-in user',
  tags: ['auth'],
  access: 'authenticated',
  policy: { foreign: 'none' },
  allowPendingPasswordChange: true,
  body: z.strictObject({ locale: localeSchema }),
  response: loginResultSchema,
});

export const getCsrfToken = defineRoute({
  method: 'GET',
  path: '/api/auth/csrf',
  summary: 'The CSRF token to send as x-csrf-token on every mutation (also set as a cookie)',
  tags: ['auth'],
  access: 'public',
  policy: { foreign: 'none' },
  response: z.object({ token: z.string() }),
});
