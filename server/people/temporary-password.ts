import { randomInt } from 'node:crypto';

// No 0/O/o, 1/l/I: the password is read off a screen and typed in by hand.
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const ALPHABET = LETTERS + DIGITS;

function pick(characters: string): string {
  return characters.charAt(randomInt(characters.length));
}

/** A random password of letters and digits (at least one of each) for a first or reset login. */
export function generateTemporaryPassword(length = 10): string {
  const characters = [pick(LETTERS), pick(DIGITS)];
  while (characters.length < length) characters.push(pick(ALPHABET));
  // Fisher-Yates, so the guaranteed letter and digit are not always first.
  for (let i = characters.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [characters[i], characters[j]] = [characters[j] ?? '', characters[i] ?? ''];
  }
  return characters.join('');
}
