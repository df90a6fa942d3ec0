import type { SessionUser } from '../../shared/api/auth.js';
import type {
  CandidateTicket,
  MarkReadinessBody,
  MediaPeer,
  Ticket,
  WaitingExaminerState,
} from '../../shared/api/interviews.js';
import type { AuditAction } from '../../shared/api/audit.js';
import type { ErrorCode } from '../../shared/errors.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import { checkInRefusal, sessionWithDuties } from '../check-in/policy.js';
import { readPresentedState } from '../check-in/service.js';
import type { CheckInRepo } from '../check-in/repo.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import type { SessionRosterRepo } from '../roster/repo.js';
import type { InterviewChangeFeed } from './change-feed.js';
import type { ExaminerPresence } from './examiner-presence.js';
import { assertHasDuty, type TicketRole } from './policy.js';
import { presentCandidateTicket, presentTicket, waitingExaminerStateOf } from './presenter.js';
import type { InterviewRepo, TicketRow } from './repo.js';
import { decide, type TicketCommand, type TicketRecord } from '../waiting-room/ticket-machine.js';

/** The waiting-room examiner's state as one candidate sees it (see waitingExaminerPresence). */
export type WaitingExaminerPresence = (ownCaller: string | null) => WaitingExaminerState;

export interface InterviewServiceDeps {
  audit: AuditLog;
  clock: Clock;
  feed: InterviewChangeFeed;
  presence: ExaminerPresence;
}

/** A concurrent change makes a write stale; it is decided again on the fresh row this often. */
const MAX_ATTEMPTS = 3;

/**
 * The waiting room and the interview: the candidate enters and accepts invitations, the
 * waiting-room examiner calls, ends calls and marks readiness, the panel invites and ends the
 * interview. Every command is decided by the ticket machine on the row as read, written only if
 * the row is unchanged (else decided again on the fresh row), audited, and published.
 */
export class InterviewService {
  constructor(
    private readonly repo: InterviewRepo,
    private readonly checkIns: CheckInRepo,
    private readonly sessions: SessionRosterRepo,
    private readonly deps: InterviewServiceDeps,
  ) {}

  /** 进入考试: allowed only when the check-in says so; entering again answers the same ticket. */
  async enter(actor: Actor, registrationId: string): Promise<CandidateTicket> {
    const registration = await this.ownRegistration(actor.user, registrationId);
    const existing = await this.repo.ticketOf(registrationId);
    if (existing) return this.candidateViewOf(existing);
    const now = this.deps.clock.now();
    const checkIn = await readPresentedState(this.checkIns, registration, now);
    if (!checkIn.canEnter) {
      throw AppError.of('WAITING_ROOM_CLOSED', `enter blocked: ${checkIn.enterBlock ?? 'unknown'}`);
    }
    const created = await this.repo.createTicket({
      registrationId,
      schoolId: registration.schoolId,
      sessionId: registration.sessionId,
      at: now,
    });
    const row = await this.mustRead(registrationId);
    if (created) {
      await this.audit(actor, row, 'waiting_room.entered');
      this.publish(row);
    }
    return this.candidateViewOf(row);
  }

  async myTicket(user: SessionUser, registrationId: string) {
    await this.ownRegistration(user, registrationId);
    const row = await this.repo.ticketOf(registrationId);
    return {
      serverTime: this.deps.clock.now().toISOString(),
      ticket: row ? await this.candidateViewOf(row) : null,
    };
  }

  /** 面试邀请 → OK: the interview starts now (server time). */
  async accept(actor: Actor, registrationId: string): Promise<CandidateTicket> {
    await this.ownRegistration(actor.user, registrationId);
    const row = await this.run(registrationId, { kind: 'accept' }, actor, 'interview.accepted');
    return this.candidateViewOf(row);
  }

  call(actor: Actor, sessionId: string, registrationId: string): Promise<Ticket> {
    const by = actor.user.id;
    return this.staffCommand(actor, sessionId, registrationId, 'waiting_room', async (read) => {
      this.assertSessionNotEnded(read.endsAt);
      const current = await this.repo.callOf(by);
      if (current && current.registrationId !== registrationId) {
        throw AppError.of('EXAMINER_IN_CALL');
      }
      const row = await this.run(
        registrationId,
        { kind: 'call', by },
        actor,
        'waiting_room.called',
        {
          onUnique: 'EXAMINER_IN_CALL',
          read: read.row,
        },
      );
      this.deps.presence.watchCaller(by);
      return row;
    });
  }

  endCall(actor: Actor, sessionId: string, registrationId: string): Promise<Ticket> {
    return this.staffCommand(actor, sessionId, registrationId, 'waiting_room', ({ row }) =>
      this.run(
        registrationId,
        { kind: 'end_call', by: actor.user.id },
        actor,
        'waiting_room.call_ended',
        { read: row },
      ),
    );
  }

  mark(
    actor: Actor,
    sessionId: string,
    registrationId: string,
    body: MarkReadinessBody,
  ): Promise<Ticket> {
    const note = body.note ? body.note : null;
    return this.staffCommand(actor, sessionId, registrationId, 'waiting_room', ({ row }) =>
      this.run(
        registrationId,
        { kind: 'mark', by: actor.user.id, readiness: body.readiness, note },
        actor,
        'waiting_room.marked',
        { detail: body.readiness, read: row },
      ),
    );
  }

  invite(actor: Actor, sessionId: string, registrationId: string): Promise<Ticket> {
    return this.staffCommand(actor, sessionId, registrationId, 'panel', async (read) => {
      this.assertSessionNotEnded(read.endsAt);
      const occupant = await this.repo.panelOccupant(sessionId);
      if (occupant && occupant !== registrationId) throw AppError.of('PANEL_BUSY');
      return this.run(
        registrationId,
        { kind: 'invite', by: actor.user.id },
        actor,
        'interview.invited',
        { onUnique: 'PANEL_BUSY', read: read.row },
      );
    });
  }

  cancelInvitation(actor: Actor, sessionId: string, registrationId: string): Promise<Ticket> {
    return this.staffCommand(actor, sessionId, registrationId, 'panel', ({ row }) =>
      this.run(
        registrationId,
        { kind: 'cancel_invitation', by: actor.user.id },
        actor,
        'interview.invitation_cancelled',
        { read: row },
      ),
    );
  }

  endInterview(actor: Actor, sessionId: string, registrationId: string): Promise<Ticket> {
    return this.staffCommand(actor, sessionId, registrationId, 'panel', ({ row }) =>
      this.run(
        registrationId,
        { kind: 'end_interview', by: actor.user.id },
        actor,
        'interview.ended',
        { read: row },
      ),
    );
  }

  /** The calling examiner has been gone past the grace period: their candidate goes back. */
  async examinerLeft(examinerId: string): Promise<void> {
    const call = await this.repo.callOf(examinerId);
    if (!call) return;
    await this.run(call.registrationId, { kind: 'examiner_left', by: examinerId }, null, null);
  }

  /** The candidate's view of a ticket (realtime reuses it); null when there is none. */
  async candidateView(registrationId: string): Promise<CandidateTicket | null> {
    const row = await this.repo.ticketOf(registrationId);
    return row ? this.candidateViewOf(row) : null;
  }

  /**
   * The examiners' presence of a session read once, answered per candidate (`ownCaller`: the
   * examiner calling that candidate), so one change costs two queries, not two per candidate.
   */
  async waitingExaminerPresence(sessionId: string): Promise<WaitingExaminerPresence> {
    const examiners = await this.repo.staffWithDuty(sessionId, 'waiting_examiner');
    const callers = await this.repo.callersInSession(sessionId);
    return (ownCaller) =>
      waitingExaminerStateOf({
        examiners,
        isOnline: (userId) => this.deps.presence.isOnline(userId),
        callers,
        ownCaller,
      });
  }

  /**
   * The examiners a ticket's candidate sees and hears now: the caller during a call, the
   * session's panel during the interview, nobody otherwise. `media:watch` of a `staff` stream
   * by a candidate is allowed for exactly these.
   */
  async mediaPeersOf(row: TicketRow): Promise<MediaPeer[]> {
    const { ticket } = row;
    if (ticket.state === 'called' && ticket.calledBy) {
      return [{ staffId: ticket.calledBy, name: row.calledByName ?? '' }];
    }
    if (ticket.state === 'in_room') return this.repo.panelOf(ticket.sessionId);
    return [];
  }

  /** Whether a candidate may watch an examiner's `staff` stream in a session right now. */
  async candidateSeesStaff(userId: string, sessionId: string, staffId: string): Promise<boolean> {
    const row = await this.repo.ticketOfCandidate(userId, sessionId);
    if (!row) return false;
    return (await this.mediaPeersOf(row)).some((peer) => peer.staffId === staffId);
  }

  /** The candidate's view of a row; `presence` when the caller already read it. */
  async candidateViewOf(
    row: TicketRow,
    presence?: WaitingExaminerPresence,
  ): Promise<CandidateTicket> {
    const ownCaller = row.ticket.state === 'called' ? row.ticket.calledBy : null;
    const presenceOf = presence ?? (await this.waitingExaminerPresence(row.ticket.sessionId));
    const peers = await this.mediaPeersOf(row);
    return presentCandidateTicket(row, presenceOf(ownCaller), this.deps.clock.now(), peers);
  }

  private async ownRegistration(user: SessionUser, registrationId: string) {
    const registration = await this.checkIns.ownRegistration(user.id, registrationId);
    if (!registration) throw AppError.notFound('registration');
    const refusal = checkInRefusal(registration, 'change');
    if (refusal) throw refusal;
    return registration;
  }

  /**
   * Calling and inviting stop at the session's end (server time); what is already running (a
   * call, an invitation, an interview) can still be finished.
   */
  private assertSessionNotEnded(endsAt: Date): void {
    if (endsAt.getTime() <= this.deps.clock.now().getTime()) throw AppError.of('SESSION_ENDED');
  }

  /**
   * Session visible (else 404), the right duty (else 403), the ticket in that session; `work`
   * gets what was read (the ticket is the command's first attempt, the session's end).
   */
  private async staffCommand(
    actor: Actor,
    sessionId: string,
    registrationId: string,
    role: TicketRole,
    work: (read: { row: TicketRow; endsAt: Date }) => Promise<TicketRow>,
  ): Promise<Ticket> {
    const { session, duties } = await sessionWithDuties(this.sessions, actor.user, sessionId);
    assertHasDuty(actor.user, duties, role);
    const row = await this.repo.ticketOf(registrationId);
    if (row?.ticket.sessionId !== sessionId) throw AppError.notFound('ticket');
    return presentTicket(await work({ row, endsAt: session.endsAt }));
  }

  /**
   * Decides the command on the row as read and writes it only if the row is unchanged; a
   * concurrent change makes the write stale and the command is decided again on the fresh row
   * (so the loser of a race hears the precise reason, e.g. CANDIDATE_IN_CALL). A unique index
   * refusing the write answers `onUnique`; `read` is the row the caller just read (the first
   * attempt decides on it), `detail` goes to the audit entry.
   */
  private async run(
    registrationId: string,
    command: TicketCommand,
    actor: Actor | null,
    action: AuditAction | null,
    options: { onUnique?: ErrorCode; detail?: string; read?: TicketRow } = {},
  ): Promise<TicketRow> {
    const { onUnique = 'TICKET_STATE_CONFLICT', detail } = options;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const row =
        attempt === 0 && options.read ? options.read : await this.repo.ticketOf(registrationId);
      if (!row) throw AppError.notFound('ticket');
      const now = this.deps.clock.now();
      const decision = decide(row.ticket, command, now);
      if (!decision.ok) throw AppError.of(decision.code);
      if (!decision.patch) return row;
      const outcome = await this.repo.applyPatch(
        registrationId,
        row.ticket.version,
        decision.patch,
        now,
      );
      if (outcome.kind === 'unique_violation') throw AppError.of(onUnique);
      if (outcome.kind === 'stale') continue;
      const written =
        rowAfterWrite(row, outcome.ticket, actor) ?? (await this.mustRead(registrationId));
      if (actor && action) await this.audit(actor, written, action, detail);
      if (!actor && command.kind === 'examiner_left') {
        await this.deps.audit.record({
          schoolId: written.ticket.schoolId,
          actorId: command.by,
          action: 'waiting_room.examiner_left',
          targetType: 'registration',
          targetId: registrationId,
        });
      }
      this.publish(written);
      return written;
    }
    throw AppError.of('TICKET_STATE_CONFLICT');
  }

  private async mustRead(registrationId: string): Promise<TicketRow> {
    const row = await this.repo.ticketOf(registrationId);
    if (!row) throw AppError.notFound('ticket');
    return row;
  }

  private publish(row: TicketRow): void {
    this.deps.feed.ticketChanged({
      registrationId: row.ticket.registrationId,
      sessionId: row.ticket.sessionId,
      row,
    });
  }

  private audit(actor: Actor, row: TicketRow, action: AuditAction, detail?: string): Promise<void> {
    return this.deps.audit.recordBy(actor, {
      schoolId: row.ticket.schoolId,
      action,
      targetType: 'registration',
      targetId: row.ticket.registrationId,
      ...(detail ? { detail } : {}),
    });
  }
}

/**
 * The row after a write without reading it again: the names come from the row read before,
 * the caller's from the actor who just called; null when a name cannot be known here.
 */
function rowAfterWrite(
  before: TicketRow,
  ticket: TicketRecord,
  actor: Actor | null,
): TicketRow | null {
  if (ticket.calledBy === before.ticket.calledBy) return { ...before, ticket };
  if (ticket.calledBy === null) return { ...before, ticket, calledByName: null };
  if (actor && ticket.calledBy === actor.user.id) {
    return { ...before, ticket, calledByName: actor.user.name };
  }
  return null;
}
