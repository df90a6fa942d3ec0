import { and, count, eq, gte, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { FaceVerdict, StepState } from '../../shared/enums.js';
import type { Database } from '../db/client.js';
import {
  appUser,
  checkIn,
  exam,
  examSession,
  faceCheck,
  phonePairing,
  registration,
  waitingTicket,
} from '../db/schema/index.js';

/** What the pairing rules and the phone page read of a registration. */
const registrationColumns = {
  registrationId: registration.id,
  schoolId: registration.schoolId,
  sessionId: registration.sessionId,
  userId: registration.userId,
  attendance: registration.attendance,
  identityConfirmedAt: registration.identityConfirmedAt,
  admissionNumber: registration.admissionNumber,
  candidateName: appUser.name,
  examName: exam.name,
  rules: exam.rules,
  sessionName: examSession.name,
  startsAt: examSession.startsAt,
  endsAt: examSession.endsAt,
};

/** A claimed pairing with its registration, as the phone page needs it. */
const pairedColumns = {
  ...registrationColumns,
  pairingId: phonePairing.id,
  claimedAt: phonePairing.claimedAt,
  startedAt: phonePairing.startedAt,
  phoneFaceVerdict: checkIn.phoneFaceVerdict,
  /** The waiting-room ticket of an interview (done: the exam is over for the phone). */
  ticketState: waitingTicket.state,
};

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Phone pairings and the phone columns of the check-in: SQL only. */
export class PhoneRepo {
  constructor(private readonly db: Database) {}

  /** One registration of this candidate; undefined when it is not theirs. */
  async ownRegistration(userId: string, registrationId: string) {
    const [row] = await this.registrationQuery(this.db)
      .where(and(eq(registration.id, registrationId), eq(registration.userId, userId)))
      .limit(1);
    return row;
  }

  async registrationById(registrationId: string) {
    const [row] = await this.registrationQuery(this.db)
      .where(eq(registration.id, registrationId))
      .limit(1);
    return row;
  }

  /**
   * A new QR token for the registration; unclaimed older tokens are revoked, so only the QR code
   * on screen can be scanned.
   */
  async createPairing(values: {
    schoolId: string;
    registrationId: string;
    tokenHash: string;
    expiresAt: Date;
    now: Date;
  }): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx
        .update(phonePairing)
        .set({ revokedAt: values.now })
        .where(
          and(
            eq(phonePairing.registrationId, values.registrationId),
            isNull(phonePairing.claimedAt),
            isNull(phonePairing.revokedAt),
          ),
        );
      await tx.insert(phonePairing).values({
        schoolId: values.schoolId,
        registrationId: values.registrationId,
        tokenHash: values.tokenHash,
        expiresAt: values.expiresAt,
        createdAt: values.now,
      });
    });
  }

  async pairingByTokenHash(tokenHash: string) {
    const [row] = await this.db
      .select()
      .from(phonePairing)
      .where(eq(phonePairing.tokenHash, tokenHash))
      .limit(1);
    return row;
  }

  /**
   * Claims a token once: the conditional UPDATE lets only one of two simultaneous claims win.
   * The winner revokes every other pairing of the registration (the old phone) and resets the
   * phone columns of the check-in, in one transaction that locks the registration row, so two
   * different tokens claimed at once still leave exactly one live pairing. Returns the revoked
   * pairing ids, or null when the token was claimed, revoked or expired meanwhile.
   */
  async claim(input: {
    pairingId: string;
    registrationId: string;
    schoolId: string;
    deviceSecretHash: string;
    now: Date;
  }): Promise<{ revokedPairingIds: string[] } | null> {
    const { now } = input;
    return this.db.transaction(async (tx) => {
      await tx
        .select({ id: registration.id })
        .from(registration)
        .where(eq(registration.id, input.registrationId))
        .for('update');
      const claimed = await tx
        .update(phonePairing)
        .set({ claimedAt: now, deviceSecretHash: input.deviceSecretHash })
        .where(
          and(
            eq(phonePairing.id, input.pairingId),
            isNull(phonePairing.claimedAt),
            isNull(phonePairing.revokedAt),
            sql`${phonePairing.expiresAt} > ${now.toISOString()}::timestamptz`,
          ),
        )
        .returning({ id: phonePairing.id });
      if (claimed.length === 0) return null;
      const revoked = await tx
        .update(phonePairing)
        .set({ revokedAt: now })
        .where(
          and(
            eq(phonePairing.registrationId, input.registrationId),
            ne(phonePairing.id, input.pairingId),
            isNull(phonePairing.revokedAt),
          ),
        )
        .returning({ id: phonePairing.id });
      await ensureCheckIn(tx, input.registrationId, input.schoolId);
      await tx
        .update(checkIn)
        .set({ phonePairedAt: now, phoneLastSeenAt: now, phoneFaceVerdict: null, updatedAt: now })
        .where(eq(checkIn.registrationId, input.registrationId));
      return { revokedPairingIds: revoked.map((row) => row.id) };
    });
  }

  /** The live (claimed, not revoked) pairing a device secret belongs to. */
  async pairedByDeviceHash(deviceSecretHash: string) {
    const [row] = await this.db
      .select(pairedColumns)
      .from(phonePairing)
      .innerJoin(registration, eq(registration.id, phonePairing.registrationId))
      .innerJoin(examSession, eq(examSession.id, registration.sessionId))
      .innerJoin(exam, eq(exam.id, registration.examId))
      .innerJoin(appUser, eq(appUser.id, registration.userId))
      .leftJoin(checkIn, eq(checkIn.registrationId, registration.id))
      .leftJoin(waitingTicket, eq(waitingTicket.registrationId, registration.id))
      .where(
        and(
          eq(phonePairing.deviceSecretHash, deviceSecretHash),
          isNotNull(phonePairing.claimedAt),
          isNull(phonePairing.revokedAt),
        ),
      )
      .limit(1);
    return row;
  }

  /** Face checks the phone took since it was paired (the attempts of this phone). */
  async phoneFaceAttemptsSince(registrationId: string, since: Date): Promise<number> {
    const [row] = await this.db
      .select({ attempts: count() })
      .from(faceCheck)
      .where(
        and(
          eq(faceCheck.registrationId, registrationId),
          eq(faceCheck.source, 'phone'),
          gte(faceCheck.createdAt, since),
        ),
      );
    return row?.attempts ?? 0;
  }

  async setPhoneFaceVerdict(
    registrationId: string,
    schoolId: string,
    verdict: FaceVerdict,
    now: Date,
  ): Promise<void> {
    await ensureCheckIn(this.db, registrationId, schoolId);
    await this.db
      .update(checkIn)
      .set({ phoneFaceVerdict: verdict, updatedAt: now })
      .where(eq(checkIn.registrationId, registrationId));
  }

  /** 进入考试监控: marks the pairing started (first time kept) and sets the phone step. */
  async start(input: {
    pairingId: string;
    registrationId: string;
    schoolId: string;
    phoneState: StepState;
    now: Date;
  }): Promise<Date | null> {
    const { now } = input;
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(phonePairing)
        .set({
          startedAt: sql`coalesce(${phonePairing.startedAt}, ${now.toISOString()}::timestamptz)`,
        })
        .where(and(eq(phonePairing.id, input.pairingId), isNull(phonePairing.revokedAt)))
        .returning({ startedAt: phonePairing.startedAt });
      if (!row) return null;
      await ensureCheckIn(tx, input.registrationId, input.schoolId);
      await tx
        .update(checkIn)
        .set({ phoneState: input.phoneState, updatedAt: now })
        .where(eq(checkIn.registrationId, input.registrationId));
      return row.startedAt;
    });
  }

  private registrationQuery(db: Database | Tx) {
    return db
      .select(registrationColumns)
      .from(registration)
      .innerJoin(examSession, eq(examSession.id, registration.sessionId))
      .innerJoin(exam, eq(exam.id, registration.examId))
      .innerJoin(appUser, eq(appUser.id, registration.userId))
      .$dynamic();
  }
}

/** The check-in row is created on first use by whoever writes it first. */
export async function ensureCheckIn(
  db: Database | Tx,
  registrationId: string,
  schoolId: string,
): Promise<void> {
  await db.insert(checkIn).values({ registrationId, schoolId }).onConflictDoNothing();
}

export type PhoneRegistrationRow = NonNullable<Awaited<ReturnType<PhoneRepo['registrationById']>>>;
export type PairedPhoneRow = NonNullable<Awaited<ReturnType<PhoneRepo['pairedByDeviceHash']>>>;
