import { and, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { checkIn, phonePairing, registration } from '../db/schema/index.js';
import { ensureCheckIn } from '../phone/repo.js';

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

  /** The phone side of some registrations: the live pairing (if any) and the last heartbeat. */
  phoneRowsOfRegistrations(registrationIds: string[]) {
    if (registrationIds.length === 0) return Promise.resolve([]);
    return this.phoneRows(inArray(registration.id, registrationIds));
  }

  phoneRowsOfSession(sessionId: string) {
    return this.phoneRows(eq(registration.sessionId, sessionId));
  }

  /** A heartbeat: one write; the check-in row is created first only when it does not exist. */
  async touchPhone(registrationId: string, schoolId: string, at: Date): Promise<void> {
    const touch = () =>
      this.db
        .update(checkIn)
        .set({ phoneLastSeenAt: at })
        .where(eq(checkIn.registrationId, registrationId))
        .returning({ registrationId: checkIn.registrationId });
    if ((await touch()).length > 0) return;
    await ensureCheckIn(this.db, registrationId, schoolId);
    await touch();
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
