import { AppError } from '../errors/app-error.js';

/** PostgreSQL's unique_violation, found on the error or on any error it wraps (drizzle wraps). */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as Error & { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Runs an insert or update, turning a unique-index violation into DUPLICATE: the index is the
 * last word when two admins create the same name at once.
 */
export async function rejectDuplicates<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.of('DUPLICATE');
    throw error;
  }
}
