import { hash, verify } from '@node-rs/argon2';
import { safeEqual } from './tokens.js';

// argon2id with the library defaults (m=19 MiB, t=2, p=1), OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

const DUMMY_HASH = hashPassword('invigil-timing-equaliser');

/** The password a candidate has before choosing one: the last 6 characters of the ID number. */
export function initialPassword(idNumber: string): string {
  return idNumber.slice(-6).toUpperCase();
}

/**
 * Checks a password against the stored hash, or, when the user has none yet, against the initial
 * password derived from the ID number. Unknown users still cost one hash, so timing says nothing.
 */
export async function checkPassword(
  user: { passwordHash: string | null; idNumber: string | null } | undefined,
  password: string,
): Promise<boolean> {
  if (!user) {
    await verify(await DUMMY_HASH, password);
    return false;
  }
  if (user.passwordHash) return verify(user.passwordHash, password);
  if (user.idNumber) return safeEqual(initialPassword(user.idNumber), password.toUpperCase());
  return false;
}
