import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common.js';

/**
 * What a burst of failed logins was aimed at: one exam's admission numbers, admission numbers
 * from one address, or the password of one staff or candidate login name.
 */
export const LOGIN_ALERT_KINDS = [
  'admission_exam',
  'admission_ip',
  'staff_password',
  'candidate_password',
] as const;
export const loginAlertKindSchema = z.enum(LOGIN_ALERT_KINDS);
export type LoginAlertKind = z.infer<typeof loginAlertKindSchema>;

/** What an alert counted: failed logins, or the different clients (addresses) they came from. */
export const loginAlertUnitSchema = z.enum(['failures', 'clients']);

/** The detail (JSON) of an `auth.login_failures_burst` audit entry. */
export const loginAlertDetailSchema = z.object({
  kind: loginAlertKindSchema,
  count: z.number().int(),
  unit: loginAlertUnitSchema,
  /** Counted within runs of failures no more than this many minutes apart. */
  windowMinutes: z.number().int(),
  /** The exam, when it exists (a made-up exam ID is never echoed to admins). */
  examCode: z.string().optional(),
});
export type LoginAlertDetail = z.infer<typeof loginAlertDetailSchema>;

/** A burst of failed logins as the admin home shows it. */
export const loginAlertSchema = z.object({
  id: idSchema,
  createdAt: isoDateTimeSchema,
  kind: loginAlertKindSchema,
  count: z.number().int(),
  unit: loginAlertUnitSchema,
  windowMinutes: z.number().int(),
  examCode: z.string().nullable(),
  /** The account aimed at, when the login name belongs to one. */
  accountName: z.string().nullable(),
  accountUsername: z.string().nullable(),
  schoolName: z.string().nullable(),
  /** The address of the attempt that reached the threshold. */
  ip: z.string().nullable(),
});
export type LoginAlert = z.infer<typeof loginAlertSchema>;
