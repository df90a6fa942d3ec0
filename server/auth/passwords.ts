import { hash, verify } from '@node-rs/argon2';
import { safeEqual } from './tokens.js';

/** Hashes and checks passwords; tests pass one that counts the checks. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
}

// argon2id with the library defaults (m=19 MiB, t=2, p=1), OWASP's recommended minimum.
export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password),
  verify: (passwordHash, password) => verify(passwordHash, password),
};

export function hashPassword(password: string): Promise<string> {
  return argon2Hasher.hash(password);
}

/** The password a candidate has before choosing one: the last 6 characters of the ID number. */
export function initialPassword(idNumber: string): string {
  return idNumber.slice(-6).toUpperCase();
}

/**
 * Checks passwords with exactly one argon2 verify on every path, so an answer's time says
 * nothing about the account: an unknown account and an account still on its initial password
 * (compared in constant time to the last 6 characters of the ID number) both verify against a
 * hash made with the same parameters as real ones.
 */
export class PasswordChecker {
  // Made once at start, so the first unknown login does not pay for a hash as well.
  private readonly dummyHash: Promise<string>;

  constructor(readonly hasher: PasswordHasher) {
    this.dummyHash = hasher.hash('invigil-timing-equaliser');
  }

  async check(
    user: { passwordHash: string | null; idNumber: string | null } | undefined,
    password: string,
  ): Promise<boolean> {
    if (user?.passwordHash) return this.hasher.verify(user.passwordHash, password);
    // Real work, not a sleep: the same cost as checking a stored hash.
    await this.hasher.verify(await this.dummyHash, password);
    if (user?.idNumber) return safeEqual(initialPassword(user.idNumber), password.toUpperCase());
    return false;
  }
}
