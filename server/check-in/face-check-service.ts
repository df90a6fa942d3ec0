import type { FaceCheckResult, FaceLiveness } from '../../shared/api/check-in.js';
import type { FaceCheckSource, FaceVerdict } from '../../shared/enums.js';
import type { AuditAction } from '../../shared/api/audit.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import type { FileStorage } from '../files/storage.js';
import { readStoredBytes, saveStoredFile } from '../files/stored-files.js';
import { assertDecodableImage } from '../vision/image-codec.js';
import type { CheckInChangeFeed } from './change-feed.js';
import type { FaceMatch, FaceMatcher, FaceReference } from './face-matcher-port.js';
import { presentFaceCheck } from './presenter.js';
import { CheckInRepo } from './repo.js';

const AUDIT_ACTION_OF_SOURCE = {
  check_in: 'check_in.face_checked',
  phone: 'phone.face_checked',
  submit: 'attempt.face_checked',
} as const satisfies Record<FaceCheckSource, AuditAction>;

/** The most face checks one registration may store (check-in, re-checks and phones together). */
export const MAX_FACE_CHECKS = 60;

export interface FaceCheckInput {
  registrationId: string;
  schoolId: string;
  /** The candidate the registration belongs to (the audit's actor). */
  userId: string;
  source: FaceCheckSource;
  /** The snapshot, PNG or JPEG, as base64 without a data: prefix. */
  image: string;
  /** The browser's liveness claim; null for the phone's plain verification photo. */
  liveness: FaceLiveness | null;
  clientAddress: string | null;
}

export interface FaceCheckOutcome {
  result: FaceCheckResult;
  /** The verdict is `match`. */
  passed: boolean;
  /** The snapshot's embedding (when the engine found one face), for later re-checks. */
  embedding: number[] | null;
}

export interface FaceCheckDeps {
  db: Database;
  storage: FileStorage;
  audit: AuditLog;
  clock: Clock;
  faceMatcher: FaceMatcher;
  changes: CheckInChangeFeed;
}

/** What a snapshot is, judged by its first bytes; null for anything but PNG or JPEG. */
/** Decoded to the last pixel: a PNG signature followed by anything else is no snapshot. */
function isWholeImage(bytes: Uint8Array): boolean {
  try {
    assertDecodableImage(bytes);
    return true;
  } catch {
    return false;
  }
}

export function imageTypeOf(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > png.length && png.every((byte, index) => bytes[index] === byte)) {
    return 'image/png';
  }
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg';
  }
  return null;
}

/**
 * One face check: the snapshot is stored, compared with the candidate's reference and recorded
 * with its verdict, whoever took it (the PC at check-in, or the phone when pairing). It checks no
 * access and no time window: its callers do. It never changes the check-in's steps either.
 */
export class FaceCheckService {
  private readonly repo: CheckInRepo;

  constructor(private readonly deps: FaceCheckDeps) {
    this.repo = new CheckInRepo(deps.db);
  }

  async check(input: FaceCheckInput): Promise<FaceCheckOutcome> {
    const registration = await this.repo.registration(input.registrationId);
    if (
      !registration ||
      registration.schoolId !== input.schoolId ||
      registration.userId !== input.userId
    ) {
      throw AppError.notFound('registration');
    }
    // Each check costs the engine ~150 ms and stores a snapshot: a bound per registration keeps
    // one candidate's page (or script) from filling the disk. Far above any honest check-in.
    if ((await this.repo.faceCheckCount(input.registrationId)) >= MAX_FACE_CHECKS) {
      throw AppError.of('FACE_CHECKS_EXHAUSTED');
    }
    const bytes = Buffer.from(input.image, 'base64');
    const mimeType = imageTypeOf(bytes);
    if (!mimeType || !isWholeImage(bytes)) throw AppError.of('IMAGE_UNREADABLE');

    const threshold = registration.rules.faceMatchThreshold;
    const reference = await this.referenceOf(input.registrationId, input.userId);
    // Compared before storing: an engine failure must leave no orphan snapshot behind.
    const match = reference ? await this.deps.faceMatcher.match(bytes, reference, threshold) : null;
    const verdict = verdictOf(match, input.liveness);

    const snapshot = await saveStoredFile(this.deps.db, this.deps.storage, {
      schoolId: registration.schoolId,
      purpose: 'snapshots',
      bytes,
      mimeType,
    });
    const row = await this.repo.insertFaceCheck({
      schoolId: registration.schoolId,
      registrationId: input.registrationId,
      source: input.source,
      verdict,
      score: match?.score ?? null,
      threshold,
      snapshotFileId: snapshot.id,
      quality: match?.quality ?? null,
      liveness: input.liveness,
      clientAddress: input.clientAddress,
      createdAt: this.deps.clock.now(),
    });
    await this.deps.audit.record({
      schoolId: registration.schoolId,
      actorId: input.userId,
      action: AUDIT_ACTION_OF_SOURCE[input.source],
      targetType: 'registration',
      targetId: input.registrationId,
      detail: `${verdict}${match?.score == null ? '' : ` ${match.score.toFixed(3)}`}`,
      ...(input.clientAddress ? { ip: input.clientAddress } : {}),
    });
    this.deps.changes.publish({
      registrationId: input.registrationId,
      sessionId: registration.sessionId,
    });
    return {
      result: presentFaceCheck(row),
      passed: verdict === 'match',
      embedding: match?.embedding ?? null,
    };
  }

  /**
   * Once this registration's check-in face passed, its snapshot's embedding (same camera, same
   * day: the strongest reference); before that the roster photo or an approved ID image.
   */
  private async referenceOf(registrationId: string, userId: string): Promise<FaceReference | null> {
    const record = await this.repo.checkInOf(registrationId);
    if (record?.faceEmbedding && record.faceEmbedding.length > 0) {
      return { kind: 'embedding', embedding: record.faceEmbedding };
    }
    const photo = await this.repo.referencePhotoOf(userId);
    if (!photo) return null;
    const bytes = await readStoredBytes(this.deps.storage, photo.storageKey, 'reference photo');
    return { kind: 'photo', fileId: photo.fileId, bytes };
  }
}

/** No reference wins (nothing was compared); a failed liveness claim overrides any match. */
function verdictOf(match: FaceMatch | null, liveness: FaceLiveness | null): FaceVerdict {
  if (!match) return 'no_reference';
  if (liveness && !liveness.passed) return 'liveness_failed';
  return match.verdict;
}
