import type { LightMyRequestResponse } from 'fastify';
import type { MatrixCaller } from '../../shared/api/contract.js';
import { errorBodySchema } from '../../shared/errors.js';
import type { Caller, OutgoingRequest } from './caller.js';
import {
  attackValue,
  fieldAttacks,
  hostileJsonText,
  hostilePathValue,
  pathsOf,
  withValueAt,
  type Json,
} from './fuzz-values.js';
import { gateAnswer, MATRIX_CALLERS } from './matrix-cells.js';
import type { Prng } from './prng.js';
import { partsFor, requestOf } from './request-samples.js';
import { isUpload, type TableRoute } from './route-table.js';
import type { SecurityWorld } from './security-world.js';
import { ownIds, unknownIds } from './security-world-ids.js';

/** One fuzzed request: what was sent, as whom, and why (to read a failure). */
export interface FuzzCase {
  label: string;
  caller: Caller;
  request: OutgoingRequest;
}

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/json; charset=utf-16',
  'application/xml',
  'application/octet-stream',
];

const HOSTILE_QUERIES = [
  'page=1&page=2',
  'a[b]=1',
  '__proto__[polluted]=yes',
  'constructor[prototype][polluted]=yes',
  'pageSize=-1',
  'pageSize=1e9',
  `q=${'%E4%B8%AD'.repeat(2_000)}`,
  'q=%',
  'state=',
  '&&&=',
];

/** Hostile file contents for upload routes: nothing, noise, a program, a lying PNG. */
function hostileBytes(prng: Prng): Buffer {
  switch (prng.int(5)) {
    case 0:
      return Buffer.alloc(0);
    case 1:
      return Buffer.from(Array.from({ length: 5_000 }, () => prng.int(256)));
    case 2:
      return Buffer.concat([Buffer.from('MZ'), Buffer.alloc(600)]);
    case 3:
      return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.from('<html><script>alert(1)</script></html>'),
      ]);
    default:
      return Buffer.from('PK\u0003\u0004' + 'x'.repeat(100), 'latin1');
  }
}

/** The callers a route admits (whose requests reach its validation and handler). */
function admittedCallers(route: TableRoute): MatrixCaller[] {
  return MATRIX_CALLERS.filter((caller) => gateAnswer(route, caller) === 'admitted');
}

/**
 * Routes that would end or change the shared callers' own sessions are fuzzed as someone else:
 * logout anonymously, password and language changes as callers kept for it.
 */
function callerFor(world: SecurityWorld, route: TableRoute, prng: Prng, spare: Caller): Caller {
  if (route.path === '/api/auth/logout') return world.callers.anonymous;
  if (route.path.startsWith('/api/auth/password/change') || route.path.endsWith('/me/locale')) {
    return spare;
  }
  const admitted = admittedCallers(route);
  const choice =
    prng.chance(0.85) && admitted.length ? prng.pick(admitted) : prng.pick(MATRIX_CALLERS);
  return world.callers[choice];
}

function withQuery(url: string, extra: string): string {
  return url + (url.includes('?') ? '&' : '?') + extra;
}

/** The query string of a fuzzed query: objects and arrays as a careless client would write them. */
function fuzzQueryString(query: Json): string {
  if (query === null || typeof query !== 'object' || Array.isArray(query)) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value))
      for (const item of value.slice(0, 50)) search.append(name, JSON.stringify(item));
    else search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function valueAt(root: Json, path: (string | number)[]): Json {
  return path.reduce<Json>((node, step) => {
    if (Array.isArray(node)) return node[Number(step)] ?? null;
    if (node !== null && typeof node === 'object') return node[String(step)] ?? null;
    return null;
  }, root);
}

/**
 * The fuzz requests of one route: every field of its body and query gets every attack
 * (fieldAttacks), every path parameter hostile values, then hostile JSON texts, content types,
 * queries and, for uploads, file bytes. Deletions use ids of no row, so the world survives.
 */
export function fuzzCasesFor(
  world: SecurityWorld,
  route: TableRoute,
  prng: Prng,
  spare: Caller,
): FuzzCase[] {
  const ids = route.method === 'DELETE' ? unknownIds('demo') : ownIds(world.own);
  const parts = partsFor(route, ids, true);
  const valid = requestOf(route, parts);
  const cases: FuzzCase[] = [];
  const add = (label: string, request: OutgoingRequest) => {
    cases.push({ label, caller: callerFor(world, route, prng, spare), request });
  };
  const fields: { part: 'body' | 'query'; value: Json }[] = [];
  if (parts.body !== undefined) fields.push({ part: 'body', value: parts.body });
  if (route.query) fields.push({ part: 'query', value: parts.query });
  for (const { part, value } of fields) {
    for (const path of pathsOf(value)) {
      for (const attack of fieldAttacks()) {
        if (path.length === 0 && attack === 'removed') continue;
        const next = withValueAt(value, path, attackValue(attack, valueAt(value, path), prng));
        const label = `${part}.${path.join('.') || '(root)'}: ${attack}`;
        add(
          label,
          part === 'body'
            ? requestOf(route, { ...parts, body: next })
            : requestOf(route, parts, fuzzQueryString(next)),
        );
      }
    }
    const extra = prng.pick(['isAdmin', 'role', 'schoolId', 'userId', 'id', 'unexpected']);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const next = { ...value, [extra]: 'school_admin' };
      add(
        `${part}: unknown field ${extra}`,
        part === 'body'
          ? requestOf(route, { ...parts, body: next })
          : requestOf(route, parts, fuzzQueryString(next)),
      );
    }
  }
  for (const name of Object.keys(parts.params)) {
    for (let round = 0; round < 3; round++) {
      const hostile = hostilePathValue(prng);
      add(
        `path :${name} = ${hostile.slice(0, 40)}`,
        requestOf(route, { ...parts, params: { ...parts.params, [name]: hostile } }),
      );
    }
  }
  for (let round = 0; round < 2; round++) {
    const extra = prng.pick(HOSTILE_QUERIES);
    add(`query + ${extra.slice(0, 40)}`, { ...valid, url: withQuery(valid.url, extra) });
  }
  if (route.method !== 'GET') {
    for (let round = 0; round < 3; round++) {
      const hostile = hostileJsonText(parts.body ?? {}, prng);
      add(`JSON text: ${hostile.label}`, {
        method: valid.method,
        url: valid.url,
        raw: { payload: hostile.text, contentType: 'application/json' },
      });
    }
    const contentType = prng.pick(CONTENT_TYPES);
    add(`content-type ${contentType}`, {
      method: valid.method,
      url: valid.url,
      raw: { payload: valid.raw?.payload ?? JSON.stringify(valid.json ?? {}), contentType },
    });
  }
  if (isUpload(route)) {
    for (let round = 0; round < 3; round++) {
      add('hostile upload bytes', {
        method: valid.method,
        url: valid.url,
        raw: { payload: hostileBytes(prng), contentType: 'application/octet-stream' },
      });
    }
  }
  return cases;
}

/** Null when the answer is acceptable (no 5xx, every error with a known code), else why not. */
export function judgeFuzzAnswer(response: LightMyRequestResponse): string | null {
  const status = response.statusCode;
  if (status >= 500) return `answered ${String(status)} ${response.body.slice(0, 160)}`;
  if (status < 400) return null;
  let body: unknown;
  try {
    body = response.json();
  } catch {
    return `answered ${String(status)} without a JSON error body: ${response.body.slice(0, 80)}`;
  }
  return errorBodySchema.safeParse(body).success
    ? null
    : `answered ${String(status)} without an error code: ${response.body.slice(0, 160)}`;
}

/** Whether a request managed to add properties to every object of the server process. */
export function prototypePolluted(): boolean {
  const probe: Record<string, unknown> = {};
  return ['polluted', 'isAdmin'].some((key) => key in probe);
}
