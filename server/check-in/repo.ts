import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { FaceCheckSource, FaceVerdict } from '../../shared/enums.js';
import type { FaceLiveness, FaceQuality } from '../../shared/api/check-in.js';
import type { Database } from '../db/client.js';
import {
  appUser,
  candidateDocument,
  checkIn,
  exam,
  examSession,
  faceCheck,
  documentReview,
  registration,
  storedFile,
} from '../db/schema/index.js';

export type CheckInRecord = typeof checkIn.$inferSelect;
export type CheckInUpdate = Partial<Omit<CheckInRecord, 'registrationId' | 'schoolId'>>;
export type FaceCheckRow = typeof faceCheck.$inferSelect;

/** Everything about a registration the check-in needs besides its check_in row. */
const registrationColumns = {
  registrationId: registration.id,
  schoolId: registration.schoolId,
  sessionId: registration.sessionId,
  examId: registration.examId,
  userId: registration.userId,
  candidateName: appUser.name,
  admissionNumber: registration.admissionNumber,
  attendance: registration.attendance,
  identityConfirmedAt: registration.identityConfirmedAt,
  examName: exam.name,
  examKind: exam.kind,
  rules: exam.rules,
  pledgeText: exam.pledgeText,
  noticeText: exam.noticeText,
  sessionName: examSession.name,
  startsAt: examSession.startsAt,
  endsAt: examSession.endsAt,
};

/** The check-in's data access: plain rows, no rules. */
export class CheckInRepo {
  constructor(private readonly db: Database) {}

  private registrations() {
    return this.db
      .select(registrationColumns)
      .from(registration)
      .innerJoin(examSession, eq(examSession.id, registration.sessionId))
      .innerJoin(exam, eq(exam.id, registration.examId))
      .innerJoin(appUser, eq(appUser.id, registration.userId));
  }

  /** One registration of this candidate; undefined when it is not theirs. */
  async ownRegistration(userId: string, registrationId: string) {
    const [row] = await this.registrations()
      .where(and(eq(registration.id, registrationId), eq(registration.userId, userId)))
      .limit(1);
    return row;
  }

  async registration(registrationId: string) {
    const [row] = await this.registrations().where(eq(registration.id, registrationId)).limit(1);
    return row;
  }

  /** Every registration of a session, by admission number. */
  sessionRegistrations(sessionId: string) {
    return this.registrations()
      .where(eq(registration.sessionId, sessionId))
      .orderBy(asc(registration.admissionNumber));
  }

  async checkInOf(registrationId: string): Promise<CheckInRecord | null> {
    const [row] = await this.db
      .select()
      .from(checkIn)
      .where(eq(checkIn.registrationId, registrationId))
      .limit(1);
    return row ?? null;
  }

  async checkInsOf(registrationIds: string[]): Promise<CheckInRecord[]> {
    if (registrationIds.length === 0) return [];
    return this.db.select().from(checkIn).where(inArray(checkIn.registrationId, registrationIds));
  }

  /** The row is created on first use; whoever writes first creates it, nobody overwrites it. */
  async ensureCheckIn(registrationId: string, schoolId: string): Promise<void> {
    await this.db.insert(checkIn).values({ registrationId, schoolId }).onConflictDoNothing();
  }

  async updateCheckIn(registrationId: string, changes: CheckInUpdate, at: Date): Promise<void> {
    await this.db
      .update(checkIn)
      .set({ ...changes, updatedAt: at })
      .where(eq(checkIn.registrationId, registrationId));
  }

  /**
   * Takes one of the registration's face-check attempts, atomically: null when all `allowed` are
   * used (two posts at once cannot both take the last one).
   */
  async takeFaceAttempt(registrationId: string, allowed: number, at: Date): Promise<number | null> {
    const [row] = await this.db
      .update(checkIn)
      .set({ faceAttempts: sql`${checkIn.faceAttempts} + 1`, updatedAt: at })
      .where(and(eq(checkIn.registrationId, registrationId), lt(checkIn.faceAttempts, allowed)))
      .returning({ attempts: checkIn.faceAttempts });
    return row?.attempts ?? null;
  }

  /** Gives an attempt back when its check could not be made (an unreadable picture, an error). */
  async returnFaceAttempt(registrationId: string, at: Date): Promise<void> {
    await this.db
      .update(checkIn)
      .set({ faceAttempts: sql`greatest(${checkIn.faceAttempts} - 1, 0)`, updatedAt: at })
      .where(eq(checkIn.registrationId, registrationId));
  }

  async insertFaceCheck(values: {
    schoolId: string;
    registrationId: string;
    source: FaceCheckSource;
    verdict: FaceVerdict;
    score: number | null;
    threshold: number;
    snapshotFileId: string;
    quality: FaceQuality | null;
    liveness: FaceLiveness | null;
    clientAddress: string | null;
    createdAt: Date;
  }): Promise<FaceCheckRow> {
    const [row] = await this.db.insert(faceCheck).values(values).returning();
    if (!row) throw new Error('face_check insert returned nothing');
    return row;
  }

  /** The newest face check taken at check-in (not by the phone). */
  /** How many face checks a registration has stored, from any camera. */
  async faceCheckCount(registrationId: string): Promise<number> {
    const [row] = await this.db
      .select({ count: count() })
      .from(faceCheck)
      .where(eq(faceCheck.registrationId, registrationId));
    return row?.count ?? 0;
  }

  /** The check-in's own face checks (not the phone's), newest first. */
  checkInFaceChecks(registrationId: string): Promise<FaceCheckRow[]> {
    return this.db
      .select()
      .from(faceCheck)
      .where(and(eq(faceCheck.registrationId, registrationId), eq(faceCheck.source, 'check_in')))
      .orderBy(desc(faceCheck.seq));
  }

  /** Every face check of these registrations, newest first. */
  async faceChecksOf(registrationIds: string[]): Promise<FaceCheckRow[]> {
    if (registrationIds.length === 0) return [];
    return this.db
      .select()
      .from(faceCheck)
      .where(inArray(faceCheck.registrationId, registrationIds))
      .orderBy(desc(faceCheck.seq));
  }

  /** A face check's snapshot with the registration it belongs to (for the access check). */
  async snapshotOf(faceCheckId: string) {
    const [row] = await this.db
      .select({
        faceCheckId: faceCheck.id,
        registrationId: faceCheck.registrationId,
        source: faceCheck.source,
        storageKey: storedFile.storageKey,
        mimeType: storedFile.mimeType,
      })
      .from(faceCheck)
      .innerJoin(storedFile, eq(storedFile.id, faceCheck.snapshotFileId))
      .where(eq(faceCheck.id, faceCheckId))
      .limit(1);
    return row;
  }

  /**
   * The photo a candidate's face is compared with: the roster photo, else the first PNG or JPEG
   * document of an approved identity review (an ID card scan, usually).
   */
  async referencePhotoOf(userId: string) {
    const [roster] = await this.db
      .select({
        fileId: storedFile.id,
        storageKey: storedFile.storageKey,
        mimeType: storedFile.mimeType,
      })
      .from(appUser)
      .innerJoin(storedFile, eq(storedFile.id, appUser.photoFileId))
      .where(eq(appUser.id, userId))
      .limit(1);
    if (roster) return roster;
    const [document] = await this.db
      .select({
        fileId: storedFile.id,
        storageKey: storedFile.storageKey,
        mimeType: storedFile.mimeType,
      })
      .from(candidateDocument)
      .innerJoin(documentReview, eq(documentReview.userId, candidateDocument.userId))
      .innerJoin(storedFile, eq(storedFile.id, candidateDocument.fileId))
      .where(
        and(
          eq(candidateDocument.userId, userId),
          eq(documentReview.state, 'approved'),
          inArray(candidateDocument.kind, ['png', 'jpeg']),
          eq(candidateDocument.rejected, false),
        ),
      )
      .orderBy(asc(candidateDocument.createdAt), asc(candidateDocument.id))
      .limit(1);
    return document;
  }

  /** Users with a reference photo among these (roster photo or approved image document). */
  async usersWithReferencePhoto(userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const withRoster = await this.db
      .select({ userId: appUser.id })
      .from(appUser)
      .where(and(inArray(appUser.id, userIds), sql`${appUser.photoFileId} is not null`));
    const withDocument = await this.db
      .selectDistinct({ userId: candidateDocument.userId })
      .from(candidateDocument)
      .innerJoin(documentReview, eq(documentReview.userId, candidateDocument.userId))
      .where(
        and(
          inArray(candidateDocument.userId, userIds),
          eq(documentReview.state, 'approved'),
          inArray(candidateDocument.kind, ['png', 'jpeg']),
          eq(candidateDocument.rejected, false),
        ),
      );
    return new Set([...withRoster, ...withDocument].map((row) => row.userId));
  }
}

export type CheckInRegistration = NonNullable<Awaited<ReturnType<CheckInRepo['registration']>>>;
