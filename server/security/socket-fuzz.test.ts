import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { errorCodeSchema } from '../../shared/errors.js';
import {
  mediaPublishSchema,
  mediaUnwatchSchema,
  rtcSignalSchema,
  sessionWatchSchema,
  SOCKET_PATH,
  watchMediaSchema,
  type ClientToServerEvents,
} from '../../shared/events.js';
import { listen } from '../realtime/socket-test-helpers.js';
import type { Caller } from './caller.js';
import {
  attackValue,
  deeplyNested,
  fieldAttacks,
  pathsOf,
  withValueAt,
  type Json,
} from './fuzz-values.js';
import { fuzzSeed, Prng } from './prng.js';
import { sampleFor } from './request-samples.js';
import { buildSecurityWorld, type SecurityWorld } from './security-world.js';
import { ownIds } from './security-world-ids.js';

/**
 * Every command a client may send (shared/events.ts), its payload schema and whether it answers
 * with an ack. Typed over ClientToServerEvents: a new event without an entry does not compile.
 */
const CLIENT_EVENTS: {
  [E in keyof ClientToServerEvents]: {
    schema: z.ZodType | null;
    ack: 'required' | 'optional' | 'none';
  };
} = {
  'phone:heartbeat': { schema: null, ack: 'optional' },
  'session:watch': { schema: sessionWatchSchema, ack: 'required' },
  'media:watch': { schema: watchMediaSchema, ack: 'required' },
  'media:unwatch': { schema: mediaUnwatchSchema, ack: 'none' },
  'media:publish': { schema: mediaPublishSchema, ack: 'required' },
  'media:unpublish': { schema: mediaPublishSchema, ack: 'none' },
  'rtc:signal': { schema: rtcSignalSchema, ack: 'none' },
};
type EventName = keyof ClientToServerEvents;
const EVENT_NAMES = Object.keys(CLIENT_EVENTS) as EventName[];

const seed = fuzzSeed();
const ACK_TIMEOUT_MS = 5_000;

/** A raw socket.io client: untyped on purpose, it sends what no typed client would. */
function openSocket(url: string, caller: Caller, auth: object = {}): Promise<Socket> {
  const socket = io(url, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    extraHeaders: { cookie: caller.cookieHeader() },
    auth,
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      resolve(socket);
    });
    socket.once('connect_error', reject);
  });
}

/** Payloads no schema admits: other types, binary, deep nesting, more than a megabyte. */
function junkPayloads(): { label: string; args: unknown[] }[] {
  return [
    { label: 'no payload', args: [] },
    { label: 'null', args: [null] },
    { label: 'a number', args: [42] },
    { label: 'a string', args: ['session:watch'] },
    { label: 'an array', args: [[1, 2, 3]] },
    { label: 'binary', args: [Buffer.from([0, 1, 2, 255])] },
    { label: 'two payloads', args: [{}, { sessionId: 'x' }] },
    { label: 'deep nesting', args: [deeplyNested(1_000, 'object')] },
    { label: 'over a megabyte', args: [{ sdp: 'x'.repeat(1_100_000) }] },
    {
      label: '__proto__ key',
      args: [JSON.parse('{"__proto__":{"polluted":"yes"},"sessionId":"x"}') as unknown],
    },
  ];
}

/** Null when an ack is `{ ok: true }` or `{ ok: false, code }` with a known code but INTERNAL. */
function judgeAck(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) {
    return `answered ${JSON.stringify(answer)}`;
  }
  if (answer.ok === true) return null;
  const code = 'code' in answer ? errorCodeSchema.safeParse(answer.code) : null;
  return code?.success && code.data !== 'INTERNAL' ? null : `answered ${JSON.stringify(answer)}`;
}

interface SocketCase {
  event: EventName;
  label: string;
  args: unknown[];
}

function casesFor(world: SecurityWorld, event: EventName, prng: Prng): SocketCase[] {
  const { schema } = CLIENT_EVENTS[event];
  const cases: SocketCase[] = junkPayloads().map(({ label, args }) => ({ event, label, args }));
  if (!schema) return cases;
  const valid = sampleFor(schema, { ids: ownIds(world.own), path: '', allFields: true }, event);
  cases.push({ event, label: 'valid', args: [valid] });
  for (const path of pathsOf(valid)) {
    // Socket payloads are never stored as text, so NUL and lone surrogates are always sent.
    for (const attack of fieldAttacks(true)) {
      if (path.length === 0 && attack === 'removed') continue;
      const current = path.reduce<Json>(
        (node, step) =>
          node !== null && typeof node === 'object' && !Array.isArray(node)
            ? (node[String(step)] ?? null)
            : null,
        valid,
      );
      cases.push({
        event,
        label: `${path.join('.') || '(root)'}: ${attack}`,
        args: [withValueAt(valid, path, attackValue(attack, current, prng))],
      });
    }
  }
  return cases;
}

describe('fuzzing every socket event', () => {
  let world: SecurityWorld;
  let url: string;
  const sockets: { label: string; socket: Socket; connect: () => Promise<Socket> }[] = [];
  let bystander: Socket;
  let bystanderDisconnects = 0;

  beforeAll(async () => {
    world = await buildSecurityWorld();
    url = await listen(world.test);
    const kinds: [string, Caller, object][] = [
      ['candidate', world.callers.candidate, {}],
      ['examiner', world.callers.examiner, {}],
      ['school admin', world.callers.school_admin, {}],
      ['phone', world.callers.phone, { client: 'phone' }],
    ];
    for (const [label, caller, auth] of kinds) {
      const connect = () => openSocket(url, caller, auth);
      sockets.push({ label, socket: await connect(), connect });
    }
    bystander = await openSocket(url, world.callers.proctor);
    bystander.on('disconnect', () => {
      bystanderDisconnects++;
    });
    const watched: unknown = await bystander
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('session:watch', { sessionId: world.own.interviewSessionId });
    expect(watched).toEqual({ ok: true });
  }, 120_000);
  afterAll(async () => {
    for (const { socket } of sockets) socket.disconnect();
    bystander.disconnect();
    await world.test.close();
  });

  it('answers every command with ok or an error code, never crashes, leaves other sockets alone', async () => {
    console.info(`socket fuzz seed ${String(seed)} (replay: FUZZ_SEED=${String(seed)})`);
    const prng = new Prng(seed);
    const cases = EVENT_NAMES.flatMap((event) => casesFor(world, event, prng));
    const failures: string[] = [];
    let emitted = 0;
    let dropped = 0;
    // Every case from every kind of socket: candidates, staff and phones take different paths.
    for (const [fuzz, slot] of cases.flatMap((fuzz) =>
      sockets.map((slot) => [fuzz, slot] as const),
    )) {
      if (!slot.socket.connected) slot.socket = await slot.connect();
      const where = `${slot.label} ${fuzz.event} (${fuzz.label})`;
      const hasAck = CLIENT_EVENTS[fuzz.event].ack !== 'none';
      // Over the server's message limit socket.io closes that socket: the one case allowed to
      // go unanswered (the other sockets must not notice).
      const oversize = JSON.stringify(fuzz.args).length > 1_000_000;
      emitted++;
      try {
        if (hasAck) {
          const answer: unknown = await slot.socket
            .timeout(ACK_TIMEOUT_MS)
            .emitWithAck(fuzz.event, ...fuzz.args);
          const problem = judgeAck(answer);
          if (problem) failures.push(`${where}: ${problem}`);
        } else {
          slot.socket.emit(fuzz.event, ...fuzz.args);
          // No ack to wait for: a refused command after it shows the socket is still served.
          const probe: unknown = await slot.socket
            .timeout(ACK_TIMEOUT_MS)
            .emitWithAck('session:watch', { sessionId: 'not-a-uuid' });
          if (judgeAck(probe)) failures.push(`${where}: then ${JSON.stringify(probe)}`);
        }
      } catch {
        if (oversize && !slot.socket.connected) dropped++;
        else failures.push(`${where}: no answer within ${String(ACK_TIMEOUT_MS)} ms`);
      }
    }
    // Every socket still answers, and the bystander watched on throughout.
    for (const slot of sockets) {
      if (!slot.socket.connected) slot.socket = await slot.connect();
      const answer: unknown = await slot.socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('session:watch', { sessionId: 'not-a-uuid' });
      expect(answer, slot.label).toEqual({ ok: false, code: 'VALIDATION_FAILED' });
    }
    const again: unknown = await bystander
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('session:watch', { sessionId: world.own.interviewSessionId });
    expect(again).toEqual({ ok: true });
    expect(bystanderDisconnects).toBe(0);
    expect((await world.callers.anonymous.get('/api/health')).statusCode).toBe(200);
    for (const line of failures) console.info(line);
    console.info(
      `socket fuzz: ${String(emitted)} events, ${String(dropped)} sockets closed for oversize payloads, ${String(failures.length)} failures`,
    );
    expect(failures).toEqual([]);
  }, 200_000);
});
