import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { SessionUser } from '../../shared/api/auth.js';
import { refusesUnstorableText } from '../../shared/api/storable-text.js';
import type { ErrorCode } from '../../shared/errors.js';
import {
  mediaPublishSchema,
  mediaUnwatchSchema,
  rtcSignalSchema,
  sessionWatchSchema,
  watchMediaSchema,
  type Ack,
  type ClientToServerEvents,
  type MediaPublish,
  type MediaStreamRef,
  type WatchMedia,
} from '../../shared/events.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { canSeeSessionRoster } from '../roster/policy.js';
import type { SessionRosterRepo } from '../roster/repo.js';
import type { HeartbeatWriter } from './heartbeat-writer.js';
import type { MediaLink, MediaRelay } from './media-relay.js';
import type { PhonePresence } from './presence.js';
import type { RealtimeRepo } from './repo.js';
import { sessionRoom, type RealtimeServer, type RealtimeSocket } from './types.js';

export interface SocketCommandDeps {
  io: RealtimeServer;
  relay: MediaRelay;
  repo: RealtimeRepo;
  /** Phones' last-seen times, written in batches. */
  heartbeats: HeartbeatWriter;
  roster: SessionRosterRepo;
  clock: Clock;
  presence: PhonePresence;
  sendPhoneStatuses(registrationIds: string[]): Promise<void>;
  /** After a phone's heartbeat: `monitoring:ended` once its session's time is up. */
  tellPhoneIfSessionOver(socket: RealtimeSocket): void;
  sendSessionState(socket: RealtimeSocket, sessionId: string): Promise<void>;
  closeLinks(links: MediaLink[], by: string): void;
  /** Tells whoever may wait for `stream` that it now has a publisher (`media:available`). */
  announceAvailable(stream: MediaStreamRef, sessionId: string): void;
  /** Whether a candidate may see and hear an examiner now (their call, their interview). */
  candidateSeesStaff(userId: string, sessionId: string, staffId: string): Promise<boolean>;
  log: FastifyBaseLogger;
}

type AckFn = (ack: Ack) => void;

/** A refusal answered in the ack, never thrown at the socket. */
class Refused extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

/**
 * The commands a socket may send (shared/events.ts ClientToServerEvents). Every payload is parsed
 * with its zod schema first; a bad one is answered `VALIDATION_FAILED` (`TEXT_NOT_STORABLE` for
 * text the database cannot store) and nothing else happens.
 * Handlers never throw: failures become `{ ok: false, code }` (or are dropped when there is no
 * ack, as for `rtc:signal`).
 */
export class SocketCommands {
  constructor(private readonly deps: SocketCommandDeps) {}

  listen(socket: RealtimeSocket): void {
    const on = (
      event: keyof ClientToServerEvents,
      handle: (payload: unknown, ack: unknown) => void,
    ) => {
      socket.on(event, (...args: unknown[]) => {
        const { payload, ack } = splitArguments(args);
        handle(payload, ack);
      });
    };
    on('phone:heartbeat', (_payload, ack) => {
      this.run(ack, () => this.heartbeat(socket));
    });
    on('session:watch', (payload, ack) => {
      this.run(ack, () => this.watchSession(socket, parse(sessionWatchSchema, payload)));
    });
    on('media:publish', (payload, ack) => {
      this.run(ack, () => this.publish(socket, parse(mediaPublishSchema, payload)));
    });
    on('media:unpublish', (payload) => {
      this.run(undefined, () => this.unpublish(socket, parse(mediaPublishSchema, payload)));
    });
    on('media:watch', (payload, ack) => {
      this.run(ack, () => this.watchMedia(socket, parse(watchMediaSchema, payload)));
    });
    on('media:unwatch', (payload) => {
      this.run(undefined, () => {
        const { peerId, peer } = parse(mediaUnwatchSchema, payload);
        const link = this.deps.relay.unlink(socket.id, peerId, peer);
        if (link) this.deps.closeLinks([link], socket.id);
        return Promise.resolve();
      });
    });
    on('rtc:signal', (payload) => {
      this.run(undefined, () => {
        this.relaySignal(socket, parse(rtcSignalSchema, payload));
        return Promise.resolve();
      });
    });
  }

  /** The phone is alive: store the time (every node reads it) and announce a return to live. */
  private async heartbeat(socket: RealtimeSocket): Promise<void> {
    const identity = socket.data.identity;
    if (identity.kind !== 'phone') throw new Refused('FORBIDDEN');
    await this.deps.heartbeats.touch({
      registrationId: identity.registrationId,
      schoolId: identity.schoolId,
      at: this.deps.clock.now(),
    });
    if (this.deps.presence.heartbeat(identity.registrationId, identity.sessionId)) {
      await this.deps.sendPhoneStatuses([identity.registrationId]);
    }
    this.deps.tellPhoneIfSessionOver(socket);
  }

  /** Staff follow a session; the current phone statuses arrive before the ack. */
  private async watchSession(socket: RealtimeSocket, { sessionId }: { sessionId: string }) {
    const user = this.userOf(socket);
    if (!(await this.canWatchSession(user, sessionId))) throw new Refused('NOT_FOUND');
    await socket.join(sessionRoom(sessionId));
    await this.deps.sendSessionState(socket, sessionId);
  }

  private async publish(socket: RealtimeSocket, publication: MediaPublish): Promise<void> {
    const { stream, sessionId } = await this.ownStream(socket, publication);
    const closed = this.deps.relay.setPublisher(stream, socket.id);
    this.deps.closeLinks(closed, socket.id);
    this.deps.announceAvailable(stream, sessionId);
  }

  private async unpublish(socket: RealtimeSocket, publication: MediaPublish): Promise<void> {
    const { stream } = await this.ownStream(socket, publication);
    this.deps.closeLinks(this.deps.relay.clearPublisher(stream, socket.id), socket.id);
  }

  /**
   * The stream a socket may publish: a candidate's own registration's camera or screen, or an
   * examiner's (or proctor's) camera in a session they are assigned to.
   */
  private async ownStream(
    socket: RealtimeSocket,
    publication: MediaPublish,
  ): Promise<{ stream: MediaStreamRef; sessionId: string }> {
    const user = this.userOf(socket);
    if (publication.source === 'staff') {
      const { sessionId } = publication;
      const isStaff = user.role === 'examiner' || user.role === 'proctor';
      if (!isStaff || !(await this.deps.roster.isAssigned(sessionId, user.id))) {
        throw new Refused('NOT_FOUND');
      }
      return { stream: { sessionId, staffId: user.id, source: 'staff' }, sessionId };
    }
    const registration = await this.deps.repo.registrationById(publication.registrationId);
    if (user.role !== 'candidate' || registration?.userId !== user.id) {
      throw new Refused('NOT_FOUND');
    }
    return { stream: publication, sessionId: registration.sessionId };
  }

  /**
   * A subscriber asks the publisher of a stream for a peer connection; the publisher then sends
   * the offer. A registration's streams: its own candidate, or staff of its session. An
   * examiner's: staff of the session, or a candidate that examiner is talking to right now.
   */
  private async watchMedia(socket: RealtimeSocket, request: WatchMedia): Promise<void> {
    const user = this.userOf(socket);
    const { peerId, layer = 'full', ...stream } = request;
    if (!(await this.maySee(user, stream))) throw new Refused('NOT_FOUND');
    const linked = this.deps.relay.link({ socketId: socket.id, userId: user.id }, peerId, stream);
    if (!linked) throw new Refused('MEDIA_UNAVAILABLE');
    if (linked.replaced) this.deps.closeLinks([linked.replaced], socket.id);
    this.deps.io
      .to(linked.link.publisher)
      .emit('media:watch-requested', { peerId, peer: socket.id, source: stream.source, layer });
  }

  private async maySee(user: SessionUser, stream: MediaStreamRef): Promise<boolean> {
    if (stream.source === 'staff') {
      return user.role === 'candidate'
        ? this.deps.candidateSeesStaff(user.id, stream.sessionId, stream.staffId)
        : this.canWatchSession(user, stream.sessionId);
    }
    const registration = await this.deps.repo.registrationById(stream.registrationId);
    if (!registration) return false;
    return user.role === 'candidate'
      ? registration.userId === user.id
      : this.canWatchSession(user, registration.sessionId);
  }

  /** Passes a signal to the other end of a known link only, naming the real sender. */
  private relaySignal(socket: RealtimeSocket, signal: z.infer<typeof rtcSignalSchema>): void {
    const link = this.deps.relay.find(socket.id, signal.peerId, signal.peer);
    if (!link) return;
    const target = link.subscriber === socket.id ? link.publisher : link.subscriber;
    this.deps.io.to(target).emit('rtc:signal', { ...signal, peer: socket.id });
  }

  /** Staff assigned to the session, school admins of its school, college admins in scope. */
  private async canWatchSession(user: SessionUser, sessionId: string): Promise<boolean> {
    const session = await this.deps.roster.findSession(sessionId);
    if (!session) return false;
    const isStaff = user.role === 'examiner' || user.role === 'proctor';
    const isAssigned = isStaff && (await this.deps.roster.isAssigned(sessionId, user.id));
    return canSeeSessionRoster(user, session, isAssigned);
  }

  private userOf(socket: RealtimeSocket): SessionUser {
    const identity = socket.data.identity;
    if (identity.kind !== 'user') throw new Refused('FORBIDDEN');
    return identity.user;
  }

  /** Runs one command and answers its ack (when the client asked for one); never throws. */
  private run(ack: unknown, work: () => Promise<void>): void {
    const answer = (result: Ack) => {
      if (typeof ack === 'function') (ack as AckFn)(result);
    };
    let started: Promise<void>;
    try {
      started = work();
    } catch (error) {
      started = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    void started.then(
      () => {
        answer({ ok: true });
      },
      (error: unknown) => {
        answer({ ok: false, code: codeOf(error, this.deps.log) });
      },
    );
  }
}

/**
 * Socket.IO hands the ack callback over last, after whatever the client sent: a command sent
 * without its payload, or with one too many, must still be answered (VALIDATION_FAILED).
 */
export function splitArguments(args: unknown[]): { payload: unknown; ack: unknown } {
  const last = args[args.length - 1];
  const ack = typeof last === 'function' ? last : undefined;
  const payloads = ack ? args.slice(0, -1) : args;
  return { payload: payloads.length === 1 ? payloads[0] : undefined, ack };
}

function parse<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new Refused(
      refusesUnstorableText(parsed.error.issues) ? 'TEXT_NOT_STORABLE' : 'VALIDATION_FAILED',
    );
  }
  return parsed.data;
}

function codeOf(error: unknown, log: FastifyBaseLogger): ErrorCode {
  if (error instanceof Refused || error instanceof AppError) return error.code;
  log.error({ err: error }, 'socket command failed');
  return 'INTERNAL';
}
