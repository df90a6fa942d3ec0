// The socket layer of one app, behind attachRealtime (socket-server.ts).
import type { FastifyInstance } from 'fastify';
import type { MediaStreamRef, PhoneStatus } from '../../shared/events.js';
import type { CheckInChange } from '../check-in/change-feed.js';
import { TicketBroadcaster } from '../interviews/broadcaster.js';
import type { TicketChange } from '../interviews/change-feed.js';
import type { InterviewRuntime } from '../interviews/runtime.js';
import { CheckInRepo } from '../check-in/repo.js';
import { PhoneRepo } from '../phone/repo.js';
import { SessionRosterRepo } from '../roster/repo.js';
import { OutageRepo } from '../written-exam/outage-repo.js';
import { OutageService } from '../written-exam/outage-service.js';
import { HandshakeRefused, identifySocket } from './handshake.js';
import { CandidatePresence, type PresenceTransition } from './candidate-presence.js';
import { HeartbeatWriter } from './heartbeat-writer.js';
import { MediaRelay, type MediaLink } from './media-relay.js';
import { PcAttendance } from './pc-attendance.js';
import { PhoneExamEnd } from './phone-exam-end.js';
import { PhonePresence, phoneStatusOf } from './presence.js';
import { RealtimeRepo, type PhoneRow } from './repo.js';
import { SocketCommands } from './socket-commands.js';
import {
  pairingRoom,
  registrationPhonesRoom,
  registrationRoom,
  sessionCandidatesRoom,
  sessionRoom,
  type RealtimeServer,
  type RealtimeSocket,
} from './types.js';

import type { RealtimeDeps } from './socket-server.js';

/** The socket layer of one app: handshake, rooms, state on (re)connect, change fan-out. */
export class RealtimeHub {
  readonly presence: PhonePresence;
  readonly relay = new MediaRelay();
  readonly candidates = new CandidatePresence();
  readonly heartbeats: HeartbeatWriter;
  readonly interviews: InterviewRuntime;
  /** When candidate PCs were last heard, for outage protection (written exams). */
  readonly attendance = new PcAttendance();
  private readonly outages: OutageService;
  private readonly tickets: TicketBroadcaster;
  private readonly repo: RealtimeRepo;
  private readonly examEnd: PhoneExamEnd;
  private readonly commands: SocketCommands;
  private pending = new Set<Promise<void>>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly io: RealtimeServer,
    private readonly deps: RealtimeDeps,
  ) {
    this.repo = new RealtimeRepo(deps.db);
    this.examEnd = new PhoneExamEnd(io, this.repo, deps.clock);
    this.heartbeats = new HeartbeatWriter((batch) => this.repo.touchPhones(batch));
    this.interviews = deps.interviews;
    this.outages = new OutageService(new OutageRepo(deps.db), new CheckInRepo(deps.db), {
      clock: deps.clock,
      audit: deps.audit,
      onDeadlineMoved: (registrationId) =>
        io.to(registrationRoom(registrationId)).emit('attempt:changed', { registrationId }),
    });
    this.tickets = new TicketBroadcaster(this.interviews.service, this.interviews.repo, {
      toRegistration: (registrationId, payload) =>
        io.to(registrationRoom(registrationId)).emit('ticket:changed', payload),
      toSession: (sessionId, payload) =>
        io.to(sessionRoom(sessionId)).emit('queue:changed', payload),
    });
    this.track(this.watchStoredCalls());
    this.presence = new PhonePresence(deps.clock, (registrationId) => {
      this.track(this.sendPhoneStatuses([registrationId]));
    });
    this.commands = new SocketCommands({
      io,
      relay: this.relay,
      repo: this.repo,
      heartbeats: this.heartbeats,
      roster: new SessionRosterRepo(deps.db),
      clock: deps.clock,
      presence: this.presence,
      sendPhoneStatuses: (ids) => this.sendPhoneStatuses(ids),
      tellPhoneIfSessionOver: (socket) => this.examEnd.heartbeat(socket),
      sendSessionState: (socket, sessionId) => this.sendSessionState(socket, sessionId),
      closeLinks: (links, by) => this.closeLinks(links, by),
      announceAvailable: (stream, sessionId) => this.announceAvailable(stream, sessionId),
      candidateSeesStaff: (userId, sessionId, staffId) =>
        this.interviews.service.candidateSeesStaff(userId, sessionId, staffId),
      log: app.log,
    });
    const phones = new PhoneRepo(deps.db);
    io.use((socket, next) => {
      identifySocket(
        {
          auth: deps.auth,
          phones,
          parseCookie: (header) => app.parseCookie(header),
          trustProxy: deps.trustProxy,
        },
        socket.handshake.headers,
        socket.handshake.auth,
      )
        .then((identity) => {
          socket.data.identity = identity;
          next();
        })
        .catch((error: unknown) => {
          if (!(error instanceof HandshakeRefused)) app.log.error({ err: error }, 'handshake');
          next(new Error(error instanceof HandshakeRefused ? error.code : 'INTERNAL'));
        });
    });
    io.on('connection', (socket) => {
      this.commands.listen(socket);
      socket.on('disconnect', (reason) => {
        this.onDisconnect(socket, reason);
      });
      this.track(this.onConnect(socket));
    });
  }

  /**
   * Writes when this node last heard each candidate PC (every PRESENCE_WRITE_MS), which also
   * closes the outage of a candidate heard again (outage-service.ts).
   */
  recordPcAttendance(): void {
    this.track(this.outages.seen(this.attendance.snapshot()));
  }

  /** Resolves when the asynchronous work started so far has finished. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  onCheckInChanged(change: CheckInChange): void {
    this.io
      .to([registrationRoom(change.registrationId), sessionRoom(change.sessionId)])
      .emit('checkin:changed', {
        registrationId: change.registrationId,
        sessionId: change.sessionId,
      });
    this.track(this.refreshPhone(change.registrationId));
  }

  onTicketChanged(change: TicketChange): void {
    this.track(this.tickets.ticketChanged(change));
    this.track(this.endStaffViews(change));
    if (!change.row || change.row.ticket.state === 'done') {
      this.track(this.examEnd.ticketChanged(change.registrationId));
    }
  }

  /**
   * A call or an interview ended: the candidate's links to the session's examiners close at
   * once (their page unsubscribes too, but the server does not rely on it).
   */
  private async endStaffViews(change: TicketChange): Promise<void> {
    const row = change.row ?? (await this.interviews.repo.ticketOf(change.registrationId));
    if (!row || row.ticket.state === 'called' || row.ticket.state === 'in_room') return;
    this.closeLinks(this.relay.dropStaffViews(row.candidateUserId, change.sessionId), '');
  }

  /**
   * `media:available` to whoever may wait for the stream: a registration's streams to the
   * session's staff and the candidate's own sockets (the PC shows its phone), an examiner's to
   * the session's staff and candidates (only those the examiner talks to may watch it).
   */
  announceAvailable(stream: MediaStreamRef, sessionId: string): void {
    const rooms =
      stream.source === 'staff'
        ? [sessionRoom(sessionId), sessionCandidatesRoom(sessionId)]
        : [sessionRoom(sessionId), registrationRoom(stream.registrationId)];
    this.io.to(rooms).emit('media:available', stream);
  }

  onExaminerPresenceChanged(sessionId: string): void {
    this.track(this.tickets.presenceChanged(sessionId));
  }

  /** After a restart nobody is online yet: calls in the database start their grace period. */
  private async watchStoredCalls(): Promise<void> {
    for (const call of await this.interviews.repo.callsInProgress()) {
      if (call.calledBy) this.interviews.presence.watchCaller(call.calledBy);
    }
  }

  /** Calls whose examiner has been gone past the grace period go back to waiting. */
  sweepExaminers(): void {
    for (const examinerId of this.interviews.presence.sweep()) {
      this.track(this.interviews.service.examinerLeft(examinerId));
    }
  }

  /** An examiner's first socket arrived or last one left: their sessions' candidates are told. */
  private async examinerPresenceChanged(userId: string): Promise<void> {
    const sessions = await this.interviews.repo.sessionsWithDuty(userId, 'waiting_examiner');
    for (const sessionId of sessions) this.interviews.feed.presenceChanged({ sessionId });
  }

  /**
   * Joins the rooms first, then sends the current phone status of every registration concerned,
   * so nothing that changes in between is missed (docs/design.md "Realtime": full state on (re)connect).
   */
  private async onConnect(socket: RealtimeSocket): Promise<void> {
    const identity = socket.data.identity;
    if (identity.kind === 'phone') {
      await socket.join([
        registrationRoom(identity.registrationId),
        registrationPhonesRoom(identity.registrationId),
        pairingRoom(identity.pairingId),
      ]);
      await this.refreshPhone(identity.registrationId);
      await this.examEnd.connected(socket, identity.registrationId);
      return;
    }
    if (identity.user.role === 'examiner') {
      if (this.interviews.presence.connected(identity.user.id, socket.id)) {
        await this.examinerPresenceChanged(identity.user.id);
      }
      return;
    }
    if (identity.user.role !== 'candidate') return;
    const registrations = await this.repo.registrationsOfUser(identity.user.id);
    await socket.join([
      ...registrations.map((row) => registrationRoom(row.registrationId)),
      ...registrations.map((row) => sessionCandidatesRoom(row.sessionId)),
    ]);
    // A socket gone while its rooms were joined must not count as online.
    if (!socket.connected) return;
    this.emitPresence(this.candidates.connected(socket.id, registrations));
    const now = this.deps.clock.now();
    socket.conn.on('packet', () => this.attendance.heard(socket.id, this.deps.clock.now()));
    // Back after an outage: the time comes back now, so the page's first read shows it.
    this.track(
      this.outages.seen(
        this.attendance.connected(
          socket.id,
          registrations.map((row) => row.registrationId),
          now,
        ),
      ),
    );
    // The waiting-room ticket first: a reloaded page shows the right screen at once.
    const tickets = await this.tickets.candidateTickets(
      registrations.map((row) => row.registrationId),
    );
    for (const ticket of tickets) socket.emit('ticket:changed', ticket);
    const rows = await this.repo.phoneRowsOfRegistrations(
      registrations.map((row) => row.registrationId),
    );
    for (const row of rows) socket.emit('phone:status', this.statusOf(row));
  }

  private onDisconnect(socket: RealtimeSocket, reason: string): void {
    const identity = socket.data.identity;
    this.emitPresence(this.candidates.disconnected(socket.id));
    const left = this.attendance.disconnected(
      socket.id,
      this.deps.clock.now(),
      reason === 'ping timeout',
    );
    this.track(this.outages.seen(left, true));
    const wasPublisher =
      identity.kind === 'phone' &&
      this.relay.publisherOf(phoneStream(identity.registrationId)) === socket.id;
    this.closeLinks(this.relay.dropSocket(socket.id), socket.id);
    if (identity.kind === 'user' && identity.user.role === 'examiner') {
      if (this.interviews.presence.disconnected(identity.user.id, socket.id)) {
        this.track(this.examinerPresenceChanged(identity.user.id));
      }
    }
    // The phone's heartbeat decides live or lost; only the subscribable socket is gone.
    if (wasPublisher) this.track(this.sendPhoneStatuses([identity.registrationId]));
  }

  /**
   * Tells each end of each closed link, except `by` (the socket that ended it), that the other
   * end is gone. A replaced publisher ends links it is not part of: both ends hear of it.
   */
  private closeLinks(links: MediaLink[], by: string): void {
    for (const link of links) {
      if (link.subscriber !== by) {
        this.io
          .to(link.subscriber)
          .emit('media:peer-closed', { peerId: link.peerId, peer: link.publisher });
      }
      if (link.publisher !== by) {
        this.io
          .to(link.publisher)
          .emit('media:peer-closed', { peerId: link.peerId, peer: link.subscriber });
      }
    }
  }

  /**
   * After a pairing changed: phones of this node whose pairing is no longer the live one are
   * told `phone:replaced` and disconnected; a started phone becomes the publisher of `phone`.
   */
  private async refreshPhone(registrationId: string): Promise<void> {
    const [row] = await this.repo.phoneRowsOfRegistrations([registrationId]);
    if (!row) return;
    const sockets = await this.io.in(registrationRoom(registrationId)).fetchSockets();
    for (const remote of sockets) {
      const identity = remote.data.identity;
      if (identity.kind !== 'phone') continue;
      if (identity.pairingId !== row.pairingId) {
        remote.emit('phone:replaced');
        remote.disconnect(true);
      } else if (row.startedAt) {
        const stream = phoneStream(registrationId);
        const isNew = this.relay.publisherOf(stream) !== remote.id;
        this.closeLinks(this.relay.setPublisher(stream, remote.id), remote.id);
        if (isNew) this.announceAvailable(stream, row.sessionId);
      }
    }
    this.presence.observe(row);
    this.emitPhoneStatus(row);
  }

  private async sendPhoneStatuses(registrationIds: string[]): Promise<void> {
    for (const row of await this.repo.phoneRowsOfRegistrations(registrationIds)) {
      this.emitPhoneStatus(row);
    }
  }

  /** Staff started watching a session: the phone status of each of its registrations. */
  private async sendSessionState(socket: RealtimeSocket, sessionId: string): Promise<void> {
    const rows = await this.repo.phoneRowsOfSession(sessionId);
    for (const row of rows) socket.emit('phone:status', this.statusOf(row));
    const online = rows
      .map((row) => row.registrationId)
      .filter((id) => this.candidates.isOnline(id));
    socket.emit('session:presence', { sessionId, online });
    for (const ticket of await this.tickets.sessionTickets(sessionId)) {
      socket.emit('queue:changed', ticket);
    }
  }

  /** Tells each session's staff which candidates' PCs came online or went offline. */
  private emitPresence(transitions: PresenceTransition[]): void {
    for (const { sessionId, registrationId, online } of transitions) {
      this.io.to(sessionRoom(sessionId)).emit('candidate:presence', {
        sessionId,
        registrationId,
        online,
      });
    }
  }

  private emitPhoneStatus(row: PhoneRow): void {
    this.io
      .to([registrationRoom(row.registrationId), sessionRoom(row.sessionId)])
      .emit('phone:status', this.statusOf(row));
  }

  private statusOf(row: PhoneRow): PhoneStatus {
    const publisher = this.relay.publisherOf(phoneStream(row.registrationId));
    return phoneStatusOf(row, this.deps.clock.now(), publisher);
  }

  /** Keeps background work visible to `settled()` and logs its failures (never thrown). */
  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => {
        this.app.log.error({ err: error }, 'realtime');
      })
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}

const phoneStream = (registrationId: string): MediaStreamRef => ({
  registrationId,
  source: 'phone',
});
