import type { Prng } from './prng.js';

/** A JSON value as a client may send it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Generate NUL (U+0000) and lone UTF-16 surrogates. PostgreSQL cannot store NUL in text, and
 * today a NUL in any text field answers 500 (issue 12, item 1, being fixed by the core engineer).
 * Until that fix is merged this is off so the branch is green; flip it to `true` at merge — the
 * fuzzers must generate them for good.
 */
export const GENERATE_NUL_AND_SURROGATES: boolean = true;

const NUL = '\u0000';
const LONE_SURROGATES = ['\ud800', '\udfff', 'a\udc00b'];

/** Strings careful code must survive: markup, paths, SQL, control and odd Unicode. */
function hostileStrings(): string[] {
  const always = [
    '',
    ' ',
    '<img src=x onerror=alert(1)>',
    '"><script>alert(1)</script>',
    "' OR '1'='1",
    '../../../../etc/passwd',
    '%00',
    '\u202e\u0645\u0631\u062d\u0628\u0627',
    '\u0007\u001b[31m\r\n',
    '𠜎𠜱𠝹𠱓',
    '\ufeff',
    'NaN',
    '-1',
    '1e309',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '0e0e0e0e-0000-4000-8000-000000000000',
    '2026-02-30T25:61:00Z',
    '9999-12-31T23:59:59.999+14:00',
    '0000-01-01T00:00:00Z',
  ];
  return GENERATE_NUL_AND_SURROGATES
    ? [...always, NUL, `a${NUL}b`, NUL.repeat(40), ...LONE_SURROGATES]
    : always;
}

const NUMBERS = [
  -1,
  0,
  0.5,
  -0,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  1e-320,
];

/** A nested value `depth` levels deep, of arrays or objects. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): Json {
  let value: Json = 1;
  for (let level = 0; level < depth; level++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** A value of any type but the one given: the wrong-type mutations. */
function wrongTypeFor(value: Json, prng: Prng): Json {
  const candidates: Json[] = [
    null,
    true,
    0,
    -1,
    '',
    'text',
    [],
    [1, 'two', null],
    {},
    { nested: { deeper: [1] } },
  ];
  const type = (item: Json) =>
    Array.isArray(item) ? 'array' : item === null ? 'null' : typeof item;
  const others = candidates.filter((candidate) => type(candidate) !== type(value));
  return prng.pick(others);
}

/** A hostile replacement for one value: wrong type, huge, odd text, odd number, deep nesting. */
export function hostileValue(value: Json, prng: Prng): { label: string; value: Json } {
  const strings = hostileStrings();
  switch (prng.int(8)) {
    case 0:
      return { label: 'wrong type', value: wrongTypeFor(value, prng) };
    case 1: {
      const size = prng.pick([257, 4_097, 65_537, 300_000]);
      return { label: `string of ${String(size)}`, value: 'x'.repeat(size) };
    }
    case 2:
      return { label: 'hostile string', value: prng.pick(strings) };
    case 3: {
      const text = typeof value === 'string' ? value : 'text';
      const odd = prng.pick(strings);
      const at = prng.int(text.length + 1);
      return { label: 'hostile text inside', value: text.slice(0, at) + odd + text.slice(at) };
    }
    case 4:
      return { label: 'odd number', value: prng.pick(NUMBERS) };
    case 5: {
      // Deeper values go as JSON text: JSON.stringify itself gives up a few thousand levels down.
      const depth = prng.pick([64, 1_000]);
      return {
        label: `nested ${String(depth)} deep`,
        value: deeplyNested(depth, prng.chance(0.5) ? 'array' : 'object'),
      };
    }
    case 6:
      return {
        label: 'many items',
        value: Array.from({ length: prng.pick([101, 5_000]) }, () => value),
      };
    default:
      return { label: 'null', value: null };
  }
}

/** What the fuzzer does to one field of a valid request. */
export type FieldAttack =
  | 'wrong type'
  | 'huge string'
  | 'hostile text'
  | 'NUL'
  | 'lone surrogate'
  | 'odd number'
  | 'deep nesting'
  | 'many items'
  | 'removed';

/** The attacks every field gets at least once (NUL and surrogates behind their flag by default). */
export function fieldAttacks(withNul = GENERATE_NUL_AND_SURROGATES): FieldAttack[] {
  const attacks: FieldAttack[] = [
    'wrong type',
    'huge string',
    'hostile text',
    'odd number',
    'deep nesting',
    'many items',
    'removed',
  ];
  return withNul ? [...attacks, 'NUL', 'lone surrogate'] : attacks;
}

function insideText(value: Json, odd: string, prng: Prng): string {
  const text = typeof value === 'string' && value.length > 0 ? value : 'text';
  const at = prng.int(text.length + 1);
  return text.slice(0, at) + odd + text.slice(at);
}

/** The value an attack puts in place of a field's value (undefined: the field is removed). */
export function attackValue(attack: FieldAttack, value: Json, prng: Prng): Json | undefined {
  switch (attack) {
    case 'wrong type':
      return wrongTypeFor(value, prng);
    case 'huge string':
      return 'x'.repeat(prng.pick([257, 4_097, 65_537, 300_000]));
    case 'hostile text':
      return insideText(value, prng.pick(hostileStrings()), prng);
    case 'NUL':
      return prng.chance(0.5) ? insideText(value, NUL, prng) : NUL;
    case 'lone surrogate':
      return insideText(value, prng.pick(LONE_SURROGATES), prng);
    case 'odd number':
      return prng.pick(NUMBERS);
    case 'deep nesting':
      return deeplyNested(prng.pick([64, 1_000]), prng.chance(0.5) ? 'array' : 'object');
    case 'many items':
      return Array.from({ length: prng.pick([101, 5_000]) }, () => value);
    case 'removed':
      return undefined;
  }
}

/** The same value with the one at `path` replaced (or removed when `replacement` is undefined). */
export function withValueAt(
  root: Json,
  path: (string | number)[],
  replacement: Json | undefined,
): Json {
  return replaceAt(root, path, replacement);
}

/** Every path to a value inside a JSON value (the root is []). */
export function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) {
    value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

function clone(value: Json): Json {
  return structuredClone(value);
}

function replaceAt(root: Json, path: (string | number)[], replacement: Json | undefined): Json {
  if (path.length === 0) return replacement ?? null;
  const copy = clone(root);
  let parent: Json = copy;
  for (const step of path.slice(0, -1)) {
    if (Array.isArray(parent)) parent = parent[Number(step)] ?? null;
    else if (parent !== null && typeof parent === 'object') parent = parent[String(step)] ?? null;
  }
  const last = path[path.length - 1];
  if (last === undefined) return copy;
  if (Array.isArray(parent)) {
    if (replacement === undefined) parent.splice(Number(last), 1);
    else parent[Number(last)] = replacement;
  } else if (parent !== null && typeof parent === 'object') {
    if (replacement === undefined) {
      const rest = Object.fromEntries(
        Object.entries(parent).filter(([key]) => key !== String(last)),
      );
      return replaceAt(root, path.slice(0, -1), rest);
    } else parent[String(last)] = replacement;
  }
  return copy;
}

/** One mutation of a valid value: a field replaced, removed, or an unknown one added. */
export function mutate(valid: Json, prng: Prng): { label: string; value: Json } {
  const paths = pathsOf(valid);
  const path = prng.pick(paths);
  const where = path.length ? path.join('.') : '(root)';
  const roll = prng.int(10);
  if (roll === 0 && path.length > 0) {
    return { label: `${where} removed`, value: replaceAt(valid, path, undefined) };
  }
  if (roll === 1 && valid !== null && typeof valid === 'object' && !Array.isArray(valid)) {
    const extra = prng.pick(['unexpected', 'isAdmin', 'role', 'schoolId', 'userId', 'id']);
    return {
      label: `unknown field ${extra}`,
      value: { ...valid, [extra]: prng.pick<Json>(['school_admin', true, 1]) },
    };
  }
  const current = path.reduce<Json>((node, step) => {
    if (Array.isArray(node)) return node[Number(step)] ?? null;
    if (node !== null && typeof node === 'object') return node[String(step)] ?? null;
    return null;
  }, valid);
  const hostile = hostileValue(current, prng);
  return { label: `${where}: ${hostile.label}`, value: replaceAt(valid, path, hostile.value) };
}

/**
 * JSON text a JSON.stringify of a plain object cannot produce: prototype-pollution keys,
 * duplicate keys, and broken or odd documents.
 */
export function hostileJsonText(valid: Json, prng: Prng): { label: string; text: string } {
  const base = JSON.stringify(valid ?? {});
  const inside = base.startsWith('{') && base.length > 2 ? base.slice(1, -1) + ',' : '';
  const texts = [
    { label: '__proto__ key', text: `{${inside}"__proto__":{"polluted":"yes","isAdmin":true}}` },
    {
      label: 'constructor.prototype key',
      text: `{${inside}"constructor":{"prototype":{"polluted":"yes"}}}`,
    },
    { label: 'nested __proto__', text: `{${inside}"a":{"__proto__":{"polluted":"yes"}}}` },
    { label: 'duplicate keys', text: `{${inside}"role":"candidate","role":"school_admin"}` },
    { label: 'truncated JSON', text: base.slice(0, Math.max(1, base.length - 3)) },
    { label: 'not JSON', text: "{'single': 'quotes'}" },
    { label: 'JSON array', text: '[1,2,3]' },
    { label: 'JSON string', text: '"just a string"' },
    { label: 'JSON null', text: 'null' },
    { label: 'empty body', text: '' },
    { label: 'deep JSON text', text: '['.repeat(20_000) + ']'.repeat(20_000) },
    {
      label: 'deep object in a field',
      text: `{${inside}"deep":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`,
    },
    { label: 'huge number text', text: `{${inside}"n":1${'0'.repeat(400)}}` },
  ];
  if (GENERATE_NUL_AND_SURROGATES) {
    texts.push(
      { label: 'escaped NUL', text: base.replace(/"([^"]*)"(?=\s*[,}])/, '"$1\\u0000"') },
      {
        label: 'escaped lone surrogate',
        text: base.replace(/"([^"]*)"(?=\s*[,}])/, '"$1\\ud800"'),
      },
    );
  }
  return prng.pick(texts);
}

/** Path parameter values a route must refuse cleanly (raw, already URL-encoded where needed). */
export function hostilePathValue(prng: Prng): string {
  const values = [
    'not-a-uuid',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e',
    'x'.repeat(199),
    'x'.repeat(5_000),
    '%E4%B8%AD%E6%96%87',
    '%F0%9F',
    '%',
    '%25',
    '%20',
    '00000000-0000-0000-0000-000000000000',
    '0E0E0E0E-0000-4000-8000-000000000000',
    '{{id}}',
    '1;DROP TABLE app_user',
  ];
  if (GENERATE_NUL_AND_SURROGATES) values.push('%00', 'a%00b', '%ED%A0%80');
  return prng.pick(values);
}
