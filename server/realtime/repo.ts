import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import {
  checkIn,
  exam,
  examSession,
  phonePairing,
  registration,
  waitingTicket,
} from '../db/schema/index.js';
import type { PhoneHeartbeat } from './heartbeat-writer.js';

/** What the socket layer reads and writes: registrations, phone presence. SQL only. */
export class RealtimeRepo {
  constructor(private readonly db: Database) {}

  /** A candidate's registrations and their sessions (the rooms the candidate's PC joins). */
  registrationsOfUser(userId: string) {
    return this.db
      .select({ registrationId: registration.id, sessionId: registration.sessionId })
      .from(registration)
      .where(eq(registration.userId, userId));
  }

  async registrationById(registrationId: string) {
    const [row] = await this.db
      .select({
        registrationId: registration.id,
        sessionId: registration.sessionId,
        userId: registration.userId,
      })
      .from(registration)
      .where(eq(registration.id, registrationId))
      .limit(1);
    return row;
  }

  /** What decides whether the exam is over for a registration's candidate (exam-progress.ts). */
  async examProgressOf(registrationId: string) {
    const [row] = await this.db
      .select({
        startsAt: examSession.startsAt,
        endsAt: examSession.endsAt,
        rules: exam.rules,
        ticketState: waitingTicket.state,
      })
      .from(registration)
      .innerJoin(examSession, eq(examSession.id, registration.sessionId))
      .innerJoin(exam, eq(exam.id, registration.examId))
      .leftJoin(waitingTicket, eq(waitingTicket.registrationId, registration.id))
      .where(eq(registration.id, registrationId))
      .limit(1);
    return row;
  }

  /** The phone side of some registrations: the live pairing (if any) and the last heartbeat. */
  phoneRowsOfRegistrations(registrationIds: string[]) {
    if (registrationIds.length === 0) return Promise.resolve([]);
    return this.phoneRows(inArray(registration.id, registrationIds));
  }

  phoneRowsOfSession(sessionId: string) {
    return this.phoneRows(eq(registration.sessionId, sessionId));
  }

  /**
   * Phones' heartbeats, many in one statement (HeartbeatWriter gathers them): the last-seen time
   * of each, the check-in row created when it does not exist yet.
   */
  async touchPhones(heartbeats: PhoneHeartbeat[]): Promise<void> {
    if (heartbeats.length === 0) return;
    await this.db
      .insert(checkIn)
      .values(
        heartbeats.map(({ registrationId, schoolId, at }) => ({
          registrationId,
          schoolId,
          phoneLastSeenAt: at,
        })),
      )
      .onConflictDoUpdate({
        target: checkIn.registrationId,
        set: { phoneLastSeenAt: sql`excluded.phone_last_seen_at` },
      });
  }

  private phoneRows(where: SQL) {
    return this.db
      .select({
        registrationId: registration.id,
        sessionId: registration.sessionId,
        pairingId: phonePairing.id,
        startedAt: phonePairing.startedAt,
        pairedAt: checkIn.phonePairedAt,
        lastSeenAt: checkIn.phoneLastSeenAt,
      })
      .from(registration)
      .leftJoin(
        phonePairing,
        and(
          eq(phonePairing.registrationId, registration.id),
          isNotNull(phonePairing.claimedAt),
          isNull(phonePairing.revokedAt),
        ),
      )
      .leftJoin(checkIn, eq(checkIn.registrationId, registration.id))
      .where(where);
  }
}

export type PhoneRow = Awaited<ReturnType<RealtimeRepo['phoneRowsOfSession']>>[number];
