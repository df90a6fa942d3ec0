import type { LightMyRequestResponse } from 'fastify';
import type { MatrixCaller } from '../../shared/api/contract.js';
import { ROLES } from '../../shared/enums.js';
import type { ErrorCode } from '../../shared/errors.js';
import type { Caller, OutgoingRequest } from './caller.js';
import { hasValidatedInput, requestFor } from './request-samples.js';
import type { TableRoute } from './route-table.js';
import { allIdsOf, outOfScopeIds, ownIds, unknownIds, type IdSet } from './security-world-ids.js';
import { type SchoolCaller, type SecurityWorld } from './security-world.js';

/** Every caller a matrix row has a column for (the other columns follow from these). */
export const MATRIX_CALLERS: readonly MatrixCaller[] = ['anonymous', ...ROLES, 'phone'];

/** What a cell must answer. */
export type Expectation =
  /** This error code, with nothing done. */
  | { kind: 'refused'; code: ErrorCode }
  /** A 2xx answer. */
  | { kind: 'ok' }
  /** Any answer but a refusal of the caller (the route ran and decided on its own rules). */
  | { kind: 'past-gate' }
  /** A 2xx answer that carries none of these ids. */
  | { kind: 'hidden'; foreignIds: string[] };

export interface Cell {
  column: string;
  caller: Caller | (() => Promise<Caller>);
  request: OutgoingRequest;
  expect: Expectation;
  /** Runs after the read-only cells: the request really changes something. */
  changesData?: boolean;
}

/** The codes that mean "not you": a cell expected to pass the gate must not get one of these. */
const GATE_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'CSRF_FAILED',
  'PHONE_NOT_PAIRED',
]);

/** The answer `access` and `policy.except` give a caller at the gate. */
export function gateAnswer(route: TableRoute, caller: MatrixCaller): 'admitted' | ErrorCode {
  const declared = route.policy.except?.[caller];
  if (declared) return declared;
  if (route.access === 'public') return 'admitted';
  if (caller === 'anonymous' || caller === 'phone') return 'UNAUTHENTICATED';
  if (route.access === 'authenticated') return 'admitted';
  return route.access.includes(caller) ? 'admitted' : 'FORBIDDEN';
}

function isSchoolCaller(caller: MatrixCaller): caller is SchoolCaller {
  return caller !== 'anonymous' && caller !== 'platform_admin' && caller !== 'phone';
}

/** Whether swapping in these ids changes the request, i.e. the route names such rows. */
function namesRows(route: TableRoute, ids: IdSet, other: IdSet): boolean {
  const a = requestFor(route, ids);
  const b = requestFor(route, { ...other, schoolSlug: ids.schoolSlug });
  return a.url !== b.url || JSON.stringify(a.json) !== JSON.stringify(b.json);
}

/** The cells of one caller admitted by the gate: its own rows, then the rows it must not reach. */
function admittedCells(world: SecurityWorld, route: TableRoute, caller: MatrixCaller): Cell[] {
  const own = ownIds(world.own);
  const cells: Cell[] = [];
  const you = world.callers[caller];
  if (route.method === 'GET') {
    cells.push({
      column: caller,
      caller: you,
      request: requestFor(route, own),
      expect: { kind: 'ok' },
    });
  } else if (hasValidatedInput(route)) {
    cells.push({
      column: `${caller} (past the gate)`,
      caller: you,
      request: requestFor(route, own, 'invalid-input'),
      expect: { kind: 'refused', code: 'VALIDATION_FAILED' },
    });
  } else {
    cells.push({
      column: caller,
      caller: caller === 'phone' ? you : () => world.freshCaller(caller),
      request: requestFor(route, own),
      expect: { kind: 'past-gate' },
      changesData: true,
    });
  }
  if (route.policy.foreign === 'none' || !isSchoolCaller(caller)) return cells;
  const foreign = route.policy.foreignFor?.[caller] ?? route.policy.foreign;

  const rival = ownIds(world.rival);
  const scoped = outOfScopeIds(world.own, caller);
  const variants: {
    column: string;
    caller: Caller;
    /** The caller's own ids: a variant that changes none of them in the request is skipped. */
    home: IdSet;
    ids: IdSet;
    foreignIds: string[];
  }[] = [
    {
      column: `${caller} with the rival school's ids`,
      caller: you,
      home: own,
      ids: rival,
      foreignIds: allIdsOf(world.rival),
    },
    {
      column: `rival school's ${caller} with our ids`,
      caller: world.rivalCallers[caller],
      home: rival,
      ids: own,
      foreignIds: allIdsOf(world.own),
    },
    {
      column: `${caller} with ids of rows that do not exist`,
      caller: you,
      home: own,
      ids: unknownIds(own.schoolSlug),
      foreignIds: [],
    },
    ...(scoped
      ? [
          {
            column: `${caller} with ids out of their scope`,
            caller: you,
            home: own,
            ids: { ...own, ...scoped },
            foreignIds: Object.values(scoped),
          },
        ]
      : []),
  ];
  for (const variant of variants) {
    if (foreign === 'hidden') {
      if (variant.foreignIds.length === 0) continue;
      if (route.method !== 'GET') throw new Error(`${route.key}: 'hidden' is for lists (GET)`);
      cells.push({
        column: variant.column,
        caller: variant.caller,
        request: requestFor(route, variant.ids),
        expect: { kind: 'hidden', foreignIds: variant.foreignIds },
      });
    } else if (namesRows(route, variant.home, variant.ids)) {
      cells.push({
        column: variant.column,
        caller: variant.caller,
        request: requestFor(route, variant.ids),
        expect: { kind: 'refused', code: foreign },
      });
    }
  }
  return cells;
}

/** Every cell of a route's row in the matrix. */
export function cellsOf(world: SecurityWorld, route: TableRoute): Cell[] {
  const own = ownIds(world.own);
  const cells: Cell[] = [];
  for (const caller of MATRIX_CALLERS) {
    const answer = gateAnswer(route, caller);
    if (answer === 'admitted') cells.push(...admittedCells(world, route, caller));
    else {
      cells.push({
        column: caller,
        caller: world.callers[caller],
        request: requestFor(route, own),
        expect: { kind: 'refused', code: answer },
      });
    }
  }
  const pendingPasses = 'allowPendingPasswordChange' in route && route.allowPendingPasswordChange;
  if (route.access !== 'public' && !pendingPasses) {
    cells.push({
      column: 'candidate who must change the initial password',
      caller: world.pendingPassword,
      request: requestFor(route, own),
      expect: { kind: 'refused', code: 'PASSWORD_CHANGE_REQUIRED' },
    });
  }
  return cells;
}

/**
 * Whether a route names rows by id: one declaring `foreign: 'none'` must not (else it must say
 * how foreign ones answer). Public routes are exempt: their ids are a login's input, not a reach.
 */
export function namesForeignRows(world: SecurityWorld, route: TableRoute): boolean {
  if (route.access === 'public') return false;
  return namesRows(route, ownIds(world.own), ownIds(world.rival));
}

function errorCodeOf(response: LightMyRequestResponse): string | null {
  try {
    const body: unknown = response.json();
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const { error } = body;
      if (typeof error === 'object' && error !== null && 'code' in error) {
        return typeof error.code === 'string' ? error.code : null;
      }
    }
  } catch {
    return null;
  }
  return null;
}

/** Null when the answer is what the cell expects, else what was wrong. */
export function judge(expect: Expectation, response: LightMyRequestResponse): string | null {
  const status = response.statusCode;
  const code = errorCodeOf(response);
  const got = `${String(status)}${code ? ` ${code}` : ''}`;
  if (status >= 500) return `answered ${got}`;
  if (status >= 400 && !code) return `answered ${got} without an error code`;
  switch (expect.kind) {
    case 'refused':
      return code === expect.code ? null : `expected ${expect.code}, got ${got}`;
    case 'ok':
      return status < 300 ? null : `expected 2xx, got ${got}`;
    case 'past-gate':
      return code && GATE_CODES.has(code) ? `expected to pass the gate, got ${got}` : null;
    case 'hidden': {
      if (status >= 300) return `expected 2xx, got ${got}`;
      const leaked = expect.foreignIds.filter((id) => response.body.includes(id));
      return leaked.length ? `answer carries foreign ids ${leaked.join(', ')}` : null;
    }
  }
}
