import type { SessionUser } from '../../shared/api/auth.js';
import type { StaffCheckInRow } from '../../shared/api/check-in.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import type { DocumentDownload } from '../documents/download.js';
import { AppError } from '../errors/app-error.js';
import type { FileStorage } from '../files/storage.js';
import { readStoredBytes } from '../files/stored-files.js';
import type { SessionRosterRepo } from '../roster/repo.js';
import type { CheckInChangeFeed } from './change-feed.js';
import type { FaceMatcher } from './face-matcher-port.js';
import { assertSeesSessionCheckIns } from './policy.js';
import { presentStaffRow } from './presenter.js';
import type { CheckInRepo, FaceCheckRow } from './repo.js';

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg' };

/**
 * The staff view of a session's check-ins, and the images behind it (snapshots beside the
 * reference photo, docs/journeys.md J1). Seen by whoever sees the session roster; 404 for anyone else.
 */
export interface CheckInStaffDeps {
  storage: FileStorage;
  clock: Clock;
  audit: AuditLog;
  faceMatcher: FaceMatcher;
  changes: CheckInChangeFeed;
}

export class CheckInStaffService {
  constructor(
    private readonly repo: CheckInRepo,
    private readonly sessions: SessionRosterRepo,
    private readonly deps: CheckInStaffDeps,
  ) {}

  async list(user: SessionUser, sessionId: string) {
    const session = await assertSeesSessionCheckIns(this.sessions, user, sessionId);
    const registrations = await this.repo.sessionRegistrations(sessionId);
    const ids = registrations.map((row) => row.registrationId);
    const records = new Map(
      (await this.repo.checkInsOf(ids)).map((record) => [record.registrationId, record]),
    );
    const checks = new Map<string, FaceCheckRow[]>();
    for (const row of await this.repo.faceChecksOf(ids)) {
      checks.set(row.registrationId, [...(checks.get(row.registrationId) ?? []), row]);
    }
    const withPhoto = await this.repo.usersWithReferencePhoto(
      registrations.map((row) => row.userId),
    );
    const now = this.deps.clock.now();
    const items = registrations.map((registration): StaffCheckInRow =>
      presentStaffRow(
        registration,
        records.get(registration.registrationId) ?? null,
        checks.get(registration.registrationId) ?? [],
        withPhoto.has(registration.userId),
        now,
      ),
    );
    return {
      serverTime: now.toISOString(),
      sessionName: session.name,
      examName: session.examName,
      items,
    };
  }

  /** A face-check snapshot: for its own candidate, and for those who see the session. */
  async snapshot(user: SessionUser, faceCheckId: string): Promise<DocumentDownload> {
    const snapshot = await this.repo.snapshotOf(faceCheckId);
    if (!snapshot) throw AppError.notFound('snapshot');
    const registration = await this.repo.registration(snapshot.registrationId);
    if (!registration) throw AppError.notFound('snapshot');
    if (user.role === 'candidate') {
      if (registration.userId !== user.id) throw AppError.notFound('snapshot');
    } else {
      await assertSeesSessionCheckIns(this.sessions, user, registration.sessionId);
    }
    return {
      bytes: await readStoredBytes(this.deps.storage, snapshot.storageKey, 'snapshot'),
      mimeType: snapshot.mimeType,
      fileName: `face-check-${faceCheckId}.${EXTENSIONS[snapshot.mimeType] ?? 'bin'}`,
    };
  }

  /** The photo a registration's face checks are compared with, for staff of its session. */
  async referencePhoto(
    user: SessionUser,
    sessionId: string,
    registrationId: string,
  ): Promise<DocumentDownload> {
    await assertSeesSessionCheckIns(this.sessions, user, sessionId);
    const registration = await this.repo.registration(registrationId);
    if (registration?.sessionId !== sessionId) throw AppError.notFound('registration');
    const photo = await this.repo.referencePhotoOf(registration.userId);
    if (!photo) throw AppError.notFound('photo');
    return {
      bytes: await readStoredBytes(this.deps.storage, photo.storageKey, 'photo'),
      mimeType: photo.mimeType,
      fileName: `reference-${registrationId}.${EXTENSIONS[photo.mimeType] ?? 'bin'}`,
    };
  }

  /**
   * 人工核验: a staff member of the session compared one of the check-in snapshots with the
   * reference photo and confirms the identity. The face step passes (a flag for review is
   * cleared), and that snapshot's embedding becomes the reference for the exam's re-checks.
   */
  async confirmFace(
    user: SessionUser,
    sessionId: string,
    registrationId: string,
    faceCheckId: string,
    ip: string | null,
  ): Promise<StaffCheckInRow> {
    await assertSeesSessionCheckIns(this.sessions, user, sessionId);
    const registration = await this.repo.registration(registrationId);
    if (registration?.sessionId !== sessionId) throw AppError.notFound('registration');
    const snapshot = await this.repo.snapshotOf(faceCheckId);
    if (snapshot?.registrationId !== registrationId || snapshot.source !== 'check_in') {
      throw AppError.notFound('snapshot');
    }
    const bytes = await readStoredBytes(this.deps.storage, snapshot.storageKey, 'snapshot');
    const embedding = await this.deps.faceMatcher.describe(bytes);
    const now = this.deps.clock.now();
    await this.repo.ensureCheckIn(registrationId, registration.schoolId);
    await this.repo.updateCheckIn(
      registrationId,
      {
        faceState: 'passed',
        faceConfirmedBy: user.id,
        faceConfirmedAt: now,
        // Without a usable face in it, re-checks keep comparing with the reference photo.
        ...(embedding ? { faceEmbedding: embedding } : {}),
      },
      now,
    );
    await this.deps.audit.record({
      schoolId: registration.schoolId,
      actorId: user.id,
      action: 'check_in.face_confirmed',
      targetType: 'registration',
      targetId: registrationId,
      detail: `snapshot ${faceCheckId}`,
      ...(ip ? { ip } : {}),
    });
    this.deps.changes.publish({ registrationId, sessionId });
    const [record, checks, withPhoto] = await Promise.all([
      this.repo.checkInOf(registrationId),
      this.repo.faceChecksOf([registrationId]),
      this.repo.usersWithReferencePhoto([registration.userId]),
    ]);
    return presentStaffRow(registration, record, checks, withPhoto.has(registration.userId), now);
  }
}
