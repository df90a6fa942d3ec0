import { z } from 'zod';

export const idSchema = z.uuid();
export const okSchema = z.object({ ok: z.literal(true) });
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** The query of an upload route: the file's own name, for display only (never a path). */
export const uploadQuerySchema = z.strictObject({ name: z.string().trim().min(1).max(255) });

/** Mainland China mobile number: 11 digits starting with 1[3-9]. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, 'INVALID_PHONE');

/** 18-character resident ID number with its ISO 7064 MOD 11-2 check character. */
export const idNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, 'INVALID_ID_NUMBER')
  .refine(isValidIdNumberChecksum, 'INVALID_ID_NUMBER_CHECKSUM');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS[sum % 11] ?? '';
}

export function isValidIdNumberChecksum(idNumber: string): boolean {
  return idNumberCheckChar(idNumber.slice(0, 17)) === idNumber.slice(17).toUpperCase();
}

/** Shows the first 3 and last 4 characters only: 110***********123X. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 8) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 3) + '*'.repeat(idNumber.length - 7) + idNumber.slice(-4);
}

export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

export const slugSchema = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9-]+$/);

/** A password users can remember and attackers cannot guess cheaply. */
export const newPasswordSchema = z
  .string()
  .min(8, 'PASSWORD_TOO_SHORT')
  .max(128)
  .regex(/[A-Za-z]/, 'PASSWORD_NEEDS_LETTER')
  .regex(/\d/, 'PASSWORD_NEEDS_DIGIT');

/** `page` and `pageSize` of a paged list. */
export const pagingQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** A person's name as rosters carry it: letters of any script, spaces, · and -; no markup. */
export const personNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{M}][\p{L}\p{M} ·.'-]*$/u, 'INVALID_NAME');

/** The one issue of a FILE_TOO_LARGE answer: it names the limit that applied, in bytes. */
export function fileTooLargeIssue(maxBytes: number): { path: string; message: string } {
  return { path: 'file', message: `max ${String(maxBytes)} bytes` };
}

/** The limit a FILE_TOO_LARGE answer names, if it names one. */
export function maxBytesOfIssues(issues: readonly { message: string }[]): number | null {
  for (const issue of issues) {
    const match = /^max (\d+) bytes$/.exec(issue.message);
    if (match?.[1]) return Number(match[1]);
  }
  return null;
}

/**
 * Whether a number is a whole multiple of `step`, within float rounding. zod's `multipleOf`
 * accepts any value closer to 0 than its tolerance (1e-320 is a "multiple" of 0.5), and such a
 * value overflows a PostgreSQL `real` column; here only 0 itself is the multiple nearest 0.
 */
export function isMultipleOf(step: number): (value: number) => boolean {
  return (value) => {
    const steps = Math.round(value / step);
    if (steps === 0) return value === 0;
    return Math.abs(value - steps * step) <= Math.abs(steps * step) * 1e-9;
  };
}
