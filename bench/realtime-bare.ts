// The baseline of bench/realtime.ts: a bare Socket.IO server on a plain node:http server, with
// the same fan-out pattern as Invigil and nothing else (no database, no auth, no validation).
// A phone socket is known by its cookie and joins its registration's room; heartbeats are acked;
// a POST of a state change emits a ticket-shaped payload (same fields and size as Invigil's) to
// the registration's room and to the session's staff room, and answers it.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Ticket } from '../shared/api/interviews.js';
import { PHONE_COOKIE } from '../shared/api/phone.js';
import {
  SOCKET_PATH,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../shared/events.js';
import type { BenchTarget, CandidateSpec } from './realtime-protocol.js';

const CHANGE_PATH = /^\/change\/([0-9a-f-]{36})$/;

/** Starts the bare server on a free loopback port. */
export async function startBareTarget(staffSockets: number): Promise<BenchTarget> {
  const sessionId = randomUUID();
  const registrationOfPhone = new Map<string, string>();
  const tickets = new Map<string, Ticket>();
  const candidates: CandidateSpec[] = [];

  const http = createServer((request, response) => {
    void handleChange(request, response);
  });
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, {
    path: SOCKET_PATH,
    serveClient: false,
  });

  io.on('connection', (socket) => {
    const cookie = /invigil_phone=([\w-]+)/.exec(socket.handshake.headers.cookie ?? '')?.[1];
    const registrationId = cookie ? registrationOfPhone.get(cookie) : undefined;
    if (registrationId) {
      void socket.join(`registration:${registrationId}`);
      // Invigil announces a connecting phone to the session's staff: so does the baseline.
      io.to(`session:${sessionId}`).emit('phone:status', {
        registrationId,
        state: 'live',
        pairedAt: new Date().toISOString(),
        lastSeenAt: new Date().toISOString(),
        publisherSocketId: socket.id,
      });
    }
    socket.on('phone:heartbeat', (ack) => ack?.({ ok: true }));
    socket.on('session:watch', (payload, ack) => {
      void socket.join(`session:${payload.sessionId}`);
      ack({ ok: true });
    });
  });

  async function handleChange(request: IncomingMessage, response: ServerResponse) {
    const registrationId = CHANGE_PATH.exec(request.url ?? '')?.[1];
    const ticket = registrationId ? tickets.get(registrationId) : undefined;
    if (request.method !== 'POST' || !registrationId || !ticket) {
      response.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      readiness: 'ready' | 'not_ready';
      note: string;
    };
    const now = new Date().toISOString();
    const changed: Ticket = {
      ...ticket,
      readiness: body.readiness,
      readinessNote: body.note,
      readinessMarkedAt: now,
      version: ticket.version + 1,
    };
    tickets.set(registrationId, changed);
    io.to(`registration:${registrationId}`).emit('ticket:changed', {
      registrationId,
      ticket: {
        ...changed,
        serverTime: now,
        waitingExaminer: 'available',
        mediaPeers: [],
      },
    });
    io.to(`session:${sessionId}`).emit('queue:changed', { sessionId, ticket: changed });
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(changed));
  }

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${String((http.address() as AddressInfo).port)}`;
  const examinerId = randomUUID();

  return {
    name: 'bare Socket.IO',
    url,
    changeHeaders: {},
    staff: Array.from({ length: staffSockets }, () => ({ cookie: '', sessionId })),
    candidates(count) {
      const arrivedAt = new Date().toISOString();
      while (candidates.length < count) {
        const registrationId = randomUUID();
        const secret = randomBytes(32).toString('base64url');
        registrationOfPhone.set(secret, registrationId);
        tickets.set(registrationId, {
          registrationId,
          sessionId,
          state: 'waiting',
          readiness: 'unmarked',
          readinessNote: null,
          readinessMarkedAt: null,
          arrivedAt,
          calledBy: null,
          calledByName: null,
          calledAt: null,
          hasBeenCalled: true,
          invitedBy: examinerId,
          invitedAt: null,
          interviewStartedAt: null,
          interviewEndedAt: null,
          returnReason: 'call_ended',
          returnedAt: arrivedAt,
          version: 1,
        });
        candidates.push({
          cookie: `${PHONE_COOKIE}=${secret}`,
          changeUrl: `${url}/change/${registrationId}`,
        });
      }
      return Promise.resolve(candidates.slice(0, count));
    },
    async close() {
      io.disconnectSockets(true);
      await io.close();
      http.closeAllConnections();
    },
  };
}
