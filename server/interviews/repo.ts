import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { StaffDuty } from '../../shared/enums.js';
import type { Database } from '../db/client.js';
import { appUser, registration, staffAssignment, waitingTicket } from '../db/schema/index.js';
import type { TicketPatch, TicketRecord } from '../waiting-room/ticket-machine.js';

const caller = alias(appUser, 'caller');

/** A ticket with the names its views show. */
const ticketColumns = {
  ticket: waitingTicket,
  candidateName: appUser.name,
  candidateUserId: registration.userId,
  admissionNumber: registration.admissionNumber,
  calledByName: caller.name,
};

/** PostgreSQL's unique_violation, on the error or any error it wraps (drizzle wraps). */
function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as Error & { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** What a conditional write did: written, lost the race, or stopped by a unique index. */
export type WriteOutcome =
  { kind: 'written'; ticket: TicketRecord } | { kind: 'stale' } | { kind: 'unique_violation' };

/** The waiting room's data access: plain rows, no rules. */
export class InterviewRepo {
  constructor(private readonly db: Database) {}

  private tickets() {
    return this.db
      .select(ticketColumns)
      .from(waitingTicket)
      .innerJoin(registration, eq(registration.id, waitingTicket.registrationId))
      .innerJoin(appUser, eq(appUser.id, registration.userId))
      .leftJoin(caller, eq(caller.id, waitingTicket.calledBy));
  }

  async ticketOf(registrationId: string) {
    const [row] = await this.tickets()
      .where(eq(waitingTicket.registrationId, registrationId))
      .limit(1);
    return row ?? null;
  }

  /** A candidate's ticket in a session (a candidate has one registration per session). */
  async ticketOfCandidate(userId: string, sessionId: string) {
    const [row] = await this.tickets()
      .where(and(eq(registration.userId, userId), eq(waitingTicket.sessionId, sessionId)))
      .limit(1);
    return row ?? null;
  }

  ticketsOfSession(sessionId: string) {
    return this.tickets().where(eq(waitingTicket.sessionId, sessionId));
  }

  /** Creates the ticket once; a second enter (or a race of two) keeps the first. */
  async createTicket(values: {
    registrationId: string;
    schoolId: string;
    sessionId: string;
    at: Date;
  }): Promise<boolean> {
    const rows = await this.db
      .insert(waitingTicket)
      .values({
        registrationId: values.registrationId,
        schoolId: values.schoolId,
        sessionId: values.sessionId,
        arrivedAt: values.at,
        updatedAt: values.at,
      })
      .onConflictDoNothing()
      .returning({ id: waitingTicket.registrationId });
    return rows.length > 0;
  }

  /**
   * Writes a transition only if the ticket is still at the version it was read at (a concurrent
   * command makes this one `stale`); the partial unique indexes refuse a second call by the
   * same examiner or a second candidate on the same panel.
   */
  async applyPatch(
    registrationId: string,
    expectedVersion: number,
    patch: TicketPatch,
    at: Date,
  ): Promise<WriteOutcome> {
    try {
      const [row] = await this.db
        .update(waitingTicket)
        .set({ ...patch, updatedAt: at, version: sql`${waitingTicket.version} + 1` })
        .where(
          and(
            eq(waitingTicket.registrationId, registrationId),
            eq(waitingTicket.version, expectedVersion),
          ),
        )
        .returning();
      return row ? { kind: 'written', ticket: row } : { kind: 'stale' };
    } catch (error) {
      if (isUniqueViolation(error)) return { kind: 'unique_violation' };
      throw error;
    }
  }

  /** The ticket an examiner is in a call with, if any. */
  async callOf(examinerId: string): Promise<TicketRecord | null> {
    const [row] = await this.db
      .select()
      .from(waitingTicket)
      .where(and(eq(waitingTicket.calledBy, examinerId), eq(waitingTicket.state, 'called')))
      .limit(1);
    return row ?? null;
  }

  /** Every ticket in a call now (to watch callers who may have left, after a restart too). */
  callsInProgress() {
    return this.db
      .select({
        registrationId: waitingTicket.registrationId,
        sessionId: waitingTicket.sessionId,
        calledBy: waitingTicket.calledBy,
      })
      .from(waitingTicket)
      .where(eq(waitingTicket.state, 'called'));
  }

  /** The candidate invited or in the room of a session's panel, if any. */
  async panelOccupant(sessionId: string): Promise<string | null> {
    const [row] = await this.db
      .select({ registrationId: waitingTicket.registrationId })
      .from(waitingTicket)
      .where(
        and(
          eq(waitingTicket.sessionId, sessionId),
          inArray(waitingTicket.state, ['invited', 'in_room']),
        ),
      )
      .limit(1);
    return row?.registrationId ?? null;
  }

  /** The session's staff with a duty (e.g. its waiting-room examiners). */
  async staffWithDuty(sessionId: string, duty: StaffDuty): Promise<string[]> {
    const rows = await this.db
      .select({ userId: staffAssignment.userId })
      .from(staffAssignment)
      .where(and(eq(staffAssignment.sessionId, sessionId), eq(staffAssignment.duty, duty)));
    return rows.map((row) => row.userId);
  }

  /** The session's panel (examiners and chair) with their names, each once, by name. */
  async panelOf(sessionId: string): Promise<{ staffId: string; name: string }[]> {
    const rows = await this.db
      .selectDistinct({ staffId: appUser.id, name: appUser.name })
      .from(staffAssignment)
      .innerJoin(appUser, eq(appUser.id, staffAssignment.userId))
      .where(
        and(
          eq(staffAssignment.sessionId, sessionId),
          inArray(staffAssignment.duty, ['panel_examiner', 'panel_chair']),
        ),
      );
    return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  /** The sessions where a user has a duty. */
  async sessionsWithDuty(userId: string, duty: StaffDuty): Promise<string[]> {
    const rows = await this.db
      .select({ sessionId: staffAssignment.sessionId })
      .from(staffAssignment)
      .where(and(eq(staffAssignment.userId, userId), eq(staffAssignment.duty, duty)));
    return rows.map((row) => row.sessionId);
  }

  /** Who is in a call in a session now: the set of calling examiners. */
  async callersInSession(sessionId: string): Promise<string[]> {
    const rows = await this.db
      .select({ calledBy: waitingTicket.calledBy })
      .from(waitingTicket)
      .where(and(eq(waitingTicket.sessionId, sessionId), eq(waitingTicket.state, 'called')));
    return rows.flatMap((row) => (row.calledBy ? [row.calledBy] : []));
  }
}

export type TicketRow = NonNullable<Awaited<ReturnType<InterviewRepo['ticketOf']>>>;
