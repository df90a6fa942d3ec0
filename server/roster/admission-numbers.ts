import { randomInt } from 'node:crypto';

/** Digits of a generated 准考证号: about 40 bits, so guessing one is hopeless. */
export const GENERATED_ADMISSION_DIGITS = 12;

/**
 * A random admission number for a roster row that supplies none: 12 digits from a
 * cryptographic source, never starting with 0 (spreadsheets would drop it), not in `taken`.
 * Numbers are not sequential, so knowing one's own says nothing about the others'.
 */
export function generateAdmissionNumber(taken: ReadonlySet<string>): string {
  for (;;) {
    let digits = String(randomInt(1, 10));
    while (digits.length < GENERATED_ADMISSION_DIGITS) digits += String(randomInt(0, 10));
    if (!taken.has(digits)) return digits;
  }
}
