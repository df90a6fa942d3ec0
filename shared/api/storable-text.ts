import type { z } from 'zod';

/**
 * The issue message, and the error code, of text the database cannot store. Every route's
 * params, query and body (`defineRoute`) and every socket command (`defineCommand`) refuse it.
 */
export const UNSTORABLE_TEXT = 'TEXT_NOT_STORABLE';

// PostgreSQL refuses U+0000 in text and jsonb; a lone UTF-16 surrogate has no UTF-8 form (the
// drivers would silently store U+FFFD instead). With the `u` flag a well-formed surrogate pair is
// one code point, so only lone halves match.
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what is refused
const UNSTORABLE_CHARACTER = /[\u0000\uD800-\uDFFF]/u;

/** Whether PostgreSQL can store this text as it is. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE_CHARACTER.test(text);
}

/** More are not listed: one is enough to refuse, a few help to find them. */
const MAX_LISTED = 20;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A place in a value: its key and the place it is in (paths are built only when needed). */
interface Place {
  key: PropertyKey;
  parent: Place | null;
}

function pathOf(place: Place | null): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at = place; at; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Where a parsed value holds text that cannot be stored: strings, and the keys of objects. It
 * walks with its own stack, so a deeply nested value cannot overflow the call stack.
 */
export function unstorableTextPaths(value: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const pending: { value: unknown; place: Place | null }[] = [{ value, place: null }];
  while (found.length < MAX_LISTED) {
    const next = pending.pop();
    if (!next) break;
    const { place } = next;
    if (typeof next.value === 'string') {
      if (!isStorableText(next.value)) found.push(pathOf(place));
    } else if (Array.isArray(next.value)) {
      next.value.forEach((item: unknown, index) => {
        pending.push({ value: item, place: { key: index, parent: place } });
      });
    } else if (isPlainObject(next.value)) {
      for (const [key, item] of Object.entries(next.value)) {
        if (!isStorableText(key)) found.push(pathOf({ key, parent: place }));
        pending.push({ value: item, place: { key, parent: place } });
      }
    }
  }
  return found.slice(0, MAX_LISTED);
}

const guarded = new WeakSet<z.ZodType>();

/**
 * The schema, refusing any string or key in what it parses that the database cannot store (issue
 * message `TEXT_NOT_STORABLE`). The check runs even when other fields failed, so the answer names
 * the real problem. Guarding a guarded schema returns it as it is.
 */
export function refuseUnstorableText<S extends z.ZodType>(schema: S): S {
  if (guarded.has(schema)) return schema;
  const result = schema.superRefine(
    (value, context) => {
      for (const path of unstorableTextPaths(value)) {
        context.addIssue({ code: 'custom', message: UNSTORABLE_TEXT, path });
      }
    },
    { when: () => true },
  );
  guarded.add(result);
  return result;
}

/** Whether a list of validation issues refuses unstorable text. */
export function refusesUnstorableText(issues: readonly { message?: string }[]): boolean {
  return issues.some((issue) => issue.message === UNSTORABLE_TEXT);
}
