import { z } from 'zod';
import type { JSONSchema } from 'zod/v4/core';
import { DEMO_CANDIDATES } from '../demo/demo-data.js';
import { fakeSnapshot } from '../check-in/check-in-test-helpers.js';
import { tinyPng, zipOf } from '../documents/test-files.js';
import type { OutgoingRequest } from './caller.js';
import type { Json } from './fuzz-values.js';
import { bodyOf, isUpload, type TableRoute } from './route-table.js';
import type { IdKind, IdSet } from './security-world-ids.js';

type Node = JSONSchema.JSONSchema;

/** The JSON Schema a zod schema accepts as input (what a client sends). */
export function inputJsonSchema(schema: z.ZodType): Node {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

/** Which fixture row a field names, by its name (and, for `userId`, by the route). */
export function idKindOf(field: string, path: string): IdKind | null {
  switch (field) {
    case 'examId':
      return /\/(papers|marking|written-results)\b/.test(path) ? 'writtenExam' : 'exam';
    case 'sessionId':
      return 'session';
    case 'registrationId':
      return 'registration';
    case 'documentId':
    case 'documentIds':
      return 'document';
    case 'announcementId':
      return 'announcement';
    case 'collegeId':
      return 'college';
    case 'reportId':
      return 'report';
    case 'faceCheckId':
      return 'faceCheck';
    case 'questionId':
      return 'question';
    case 'passageId':
      return 'passage';
    case 'paperQuestionId':
      return path.includes('/marking/') ? 'paperQuestion' : null;
    case 'attemptId':
      return path.includes('/mock-attempts/') ? 'mockAttempt' : null;
    case 'answerFileId':
      return 'answerFile';
    case 'imageId':
      return 'questionImage';
    case 'eventId':
      return path.includes('/snapshot') ? 'evidenceEvent' : null;
    case 'staffId':
    case 'panelChairId':
    case 'waitingExaminerIds':
    case 'panelExaminerIds':
    case 'proctorIds':
    case 'markerIds':
      return 'staff';
    case 'userId':
      return path.startsWith('/api/admin/staff') ? 'staff' : 'candidate';
    default:
      return null;
  }
}

/** A valid question (its answer key must name one of its options, which no schema says). */
export const SAMPLE_QUESTION = {
  type: 'single_choice',
  stem: 'Matrix question',
  options: [
    { id: 'A', text: 'yes' },
    { id: 'B', text: 'no' },
  ],
  correct: 'A',
} as const satisfies Json;

/** Values for fields whose rules a pattern alone does not state (checksums, real data). */
function knownValue(field: string, ids: IdSet): Json | undefined {
  switch (field) {
    case 'schoolSlug':
    case 'slug':
      return ids.schoolSlug;
    case 'idNumber':
      return DEMO_CANDIDATES[0].idNumber;
    case 'phone':
      return DEMO_CANDIDATES[0].phone;
    case 'image':
      return fakeSnapshot('match');
    case 'startsAt':
      return new Date(Date.now() + 3600_000).toISOString();
    case 'endsAt':
      return new Date(Date.now() + 7200_000).toISOString();
    case 'newPassword':
      return 'Matrix2026pw';
    case 'content':
      return SAMPLE_QUESTION;
    default:
      return undefined;
  }
}

/** The id of no row (valid as a uuid): the same in every request, so requests compare. */
export const UNKNOWN_ID = '0e0e0e0e-0000-4000-8000-000000000000';

const STRING_CANDIDATES = ['matrix', 'Matrix2026', 'MATRIX-1', '123456', 'a'.repeat(43), '张三'];

/**
 * Valid values of fields whose rule no JSON Schema says (checked in code, e.g. an IANA time
 * zone): a new such field fails the matrix with "no valid sample" until it is added here.
 */
const SAMPLE_OVERRIDES: Readonly<Record<string, string>> = { timeZone: 'Asia/Shanghai' };

function patternsOf(node: Node): RegExp[] {
  const own = node.pattern ? [node.pattern] : [];
  const all = (node.allOf ?? []).flatMap((part) => (part.pattern ? [part.pattern] : []));
  return [...own, ...all].map((pattern) => new RegExp(pattern, 'u'));
}

function sampleString(node: Node): string {
  if (node.format === 'uuid') return UNKNOWN_ID;
  if (node.format === 'date-time') return new Date().toISOString();
  const min = node.minLength ?? 1;
  const max = node.maxLength ?? 10_000;
  const fits = (value: string) =>
    value.length >= min && value.length <= max && patternsOf(node).every((re) => re.test(value));
  for (const candidate of STRING_CANDIDATES) {
    const padded = candidate.length < min ? candidate.padEnd(min, candidate.slice(-1)) : candidate;
    if (fits(padded)) return padded;
  }
  return 'x'.repeat(Math.max(min, 1));
}

function sampleNumber(node: Node, integer: boolean): number {
  const low =
    typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum + 1 : (node.minimum ?? 1);
  const high = node.maximum ?? Math.max(low, 1);
  const value = Math.min(Math.max(low, 1), high);
  return integer ? Math.ceil(value) : value;
}

function typeOf(node: Node): JSONSchema.SchemaType | undefined {
  return Array.isArray(node.type) ? node.type.find((type) => type !== 'null') : node.type;
}

/**
 * A valid value of a JSON Schema: required fields, plus every field that names a row (so a
 * request carries the ids the matrix swaps for foreign ones). Ids come from the fixture.
 */
interface SampleContext {
  ids: IdSet;
  path: string;
  /** Optional fields too (the fuzzer's starting point), not only the required ones. */
  allFields?: boolean;
}

function sampleNode(node: Node, field: string, context: SampleContext): Json {
  const kind = idKindOf(field, context.path);
  const known = knownValue(field, context.ids);
  if (known !== undefined) return known;
  if (node.const !== undefined) return node.const;
  if (node.enum?.length) return node.enum[0] ?? null;
  const choices = node.anyOf ?? node.oneOf;
  if (choices?.length) {
    const notNull = choices.find((choice) => choice.type !== 'null') ?? choices[0];
    return notNull ? sampleNode(notNull, field, context) : null;
  }
  switch (typeOf(node)) {
    case 'object': {
      const result: Record<string, Json> = {};
      const required = new Set(node.required ?? []);
      for (const [name, child] of Object.entries(node.properties ?? {})) {
        if (typeof child === 'boolean') continue;
        if (context.allFields || required.has(name) || idKindOf(name, context.path)) {
          result[name] = sampleNode(child, name, context);
        }
      }
      return result;
    }
    case 'array': {
      const items = Array.isArray(node.items) ? node.items[0] : node.items;
      const count = Math.max(node.minItems ?? 0, kind ? 1 : 0);
      if (!items || typeof items === 'boolean') return [];
      return Array.from({ length: count }, () => sampleNode(items, field, context));
    }
    case 'string':
      return kind ? context.ids[kind] : (SAMPLE_OVERRIDES[field] ?? sampleString(node));
    case 'integer':
      return sampleNumber(node, true);
    case 'number':
      return sampleNumber(node, false);
    case 'boolean':
      return true;
    case 'null':
    case undefined:
      return null;
  }
}

/** A valid value for a zod schema, filled with the fixture's ids; throws when the guess fails. */
export function sampleFor(schema: z.ZodType, context: SampleContext, where: string): Json {
  if (context.allFields) {
    const full = sampleNode(inputJsonSchema(schema), '', context);
    if (schema.safeParse(full).success) return full;
  }
  const value = sampleNode(inputJsonSchema(schema), '', { ...context, allFields: false });
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `${where}: no valid sample (add one in request-samples.ts SAMPLE_OVERRIDES): ${JSON.stringify(parsed.error.issues).slice(0, 400)}`,
    );
  }
  return value;
}

/** The file each upload route is sent in the matrix: small and valid. */
function uploadBytes(route: TableRoute): Buffer {
  if (route.path === '/api/me/documents' || route.path.includes('files')) return tinyPng();
  if (route.path.endsWith('/roster/photos')) return zipOf([{ name: 'x.png', data: tinyPng() }]);
  if (route.path.endsWith('/roster')) return Buffer.from('姓名,身份证号\n张三,110\n', 'utf8');
  return Buffer.alloc(1024);
}

/** How a route's request is built: valid, or broken on purpose in one part. */
export type RequestVariant = 'valid' | 'invalid-input';

function queryString(query: Json): string {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== null && typeof value !== 'object') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A query the schema refuses: its required fields left out, or a typed field given text. */
function brokenQuery(schema: z.ZodType): string {
  const node = inputJsonSchema(schema);
  if (node.required?.length) return '';
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    if (typeof child === 'boolean') continue;
    const typed = child.enum ?? child.format ?? (typeOf(child) === 'integer' ? 'integer' : null);
    if (typed) return `?${name}=not-valid!`;
  }
  throw new Error('no way to break this query: give it a required or typed field');
}

/** Whether a route takes input the server validates (params, query or body). */
export function hasValidatedInput(route: TableRoute): boolean {
  return Boolean(route.params ?? route.query ?? bodyOf(route));
}

/** The parts of a request before they become a URL and a body. */
export interface RequestParts {
  params: Record<string, string>;
  query: Json;
  /** The JSON body; undefined for routes without one. */
  body: Json | undefined;
}

/** Valid parts for a route with the given ids (all optional fields too, for the fuzzer). */
export function partsFor(route: TableRoute, ids: IdSet, allFields = false): RequestParts {
  const context = { ids, path: route.path, allFields };
  const params = route.params ? sampleFor(route.params, context, `${route.key} params`) : {};
  const body = bodyOf(route);
  return {
    params: Object.fromEntries(
      Object.entries(params ?? {}).map(([name, value]) => [name, String(value)]),
    ),
    query: route.query ? sampleFor(route.query, context, `${route.key} query`) : {},
    body: body ? sampleFor(body, context, `${route.key} body`) : undefined,
  };
}

/** The request the parts make: path parameters are put in as given (already URL-safe). */
export function requestOf(
  route: TableRoute,
  parts: RequestParts,
  search = queryString(parts.query),
): OutgoingRequest {
  const url =
    route.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => parts.params[name] ?? '') +
    search;
  if (isUpload(route)) {
    return {
      method: route.method,
      url,
      raw: { payload: uploadBytes(route), contentType: 'application/octet-stream' },
    };
  }
  const needsBody = route.method !== 'GET' && route.method !== 'DELETE';
  return {
    method: route.method,
    url,
    ...(parts.body !== undefined || needsBody ? { json: parts.body ?? {} } : {}),
  };
}

/**
 * The request for a route with the given ids. `invalid-input` breaks the first validated part
 * (a path parameter, the query or the body), so the answer shows whether the caller got past
 * the access check (VALIDATION_FAILED) without the route doing anything.
 */
export function requestFor(
  route: TableRoute,
  ids: IdSet,
  variant: RequestVariant = 'valid',
): OutgoingRequest {
  const parts = partsFor(route, ids);
  if (variant === 'valid') return requestOf(route, parts);
  const [first] = Object.keys(parts.params);
  if (first)
    return requestOf(route, { ...parts, params: { ...parts.params, [first]: 'not-valid!' } });
  if (route.query) return requestOf(route, parts, brokenQuery(route.query));
  return requestOf(route, { ...parts, body: 'not-an-object' });
}
