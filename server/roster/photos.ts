import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  ROSTER_PHOTO_MAX_BYTES,
  ROSTER_PHOTOS_MAX_ZIP_BYTES,
  type RegistrationPhoto,
  type RosterPhotosResult,
} from '../../shared/api/roster.js';
import type { SessionUser } from '../../shared/api/auth.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { saveStoredFile } from '../files/stored-files.js';
import type { FileStorage } from '../files/storage.js';
import { entryStem, openZip, type ZipEntryInfo, type ZipLimits } from '../files/zip.js';
import { reencodeImage, UnsupportedImageError } from '../vision/image-codec.js';
import { assertManagesExam } from './policy.js';
import {
  candidatesOfExam,
  registrationForPhoto,
  setReferencePhoto,
  type RosterRepo,
} from './repo.js';

/** A photos zip may hold one photo per candidate of a large exam, and nothing that explodes. */
export const PHOTOS_ZIP_LIMITS: ZipLimits = {
  maxEntries: 25_000,
  // Photos barely compress: an archive may unpack to a little more than its own size.
  maxTotalBytes: ROSTER_PHOTOS_MAX_ZIP_BYTES + 100 * 1024 * 1024,
  ratioCheckFromBytes: 1024 * 1024,
  maxRatio: 100,
};

/** At most this many names are listed as unmatched or rejected. */
const MAX_LISTED = 1_000;

type PhotoTarget = NonNullable<Awaited<ReturnType<typeof registrationForPhoto>>> & {
  schoolId: string;
};

interface AcceptedPhoto {
  userId: string;
  bytes: Buffer;
  mimeType: string;
}

/**
 * Reference photos: from a zip, matched by file name to ID numbers or admission numbers, or one
 * candidate's at a time from the roster.
 */
export class RosterPhotosService {
  constructor(
    private readonly db: Database,
    private readonly storage: FileStorage,
    private readonly repo: RosterRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /**
   * Reads every matching photo first and stores only when the whole archive passed, so a bomb
   * or a lying entry leaves nothing behind. Entry names are only compared, never used as paths.
   * A photo is stored re-encoded: only its pixels (upright), never what was around them.
   */
  async importPhotos(actor: Actor, examId: string, bytes: Buffer): Promise<RosterPhotosResult> {
    const exam = assertManagesExam(actor.user, await this.repo.findExam(examId));
    const candidates = await candidatesOfExam(this.db, exam.id);
    const userIdByKey = new Map<string, string>();
    for (const candidate of candidates) {
      userIdByKey.set(candidate.admissionNumber.toUpperCase(), candidate.userId);
      if (candidate.idNumber) userIdByKey.set(candidate.idNumber.toUpperCase(), candidate.userId);
    }

    const zip = await openZip(bytes, PHOTOS_ZIP_LIMITS);
    const result: RosterPhotosResult = { matched: 0, unmatched: [], rejected: [] };
    const accepted = new Map<string, AcceptedPhoto>();
    const list = <T>(target: T[], item: T) => {
      if (target.length < MAX_LISTED) target.push(item);
    };
    try {
      for (const entry of zip.entries) {
        if (entry.isDirectory || isSystemFile(entry)) continue;
        const name = entry.name.slice(0, 255);
        const userId = userIdByKey.get(entryStem(entry.name).toUpperCase());
        if (userId === undefined) {
          list(result.unmatched, name);
          continue;
        }
        if (entry.uncompressedBytes > ROSTER_PHOTO_MAX_BYTES) {
          list(result.rejected, { name, reason: 'too_large' });
          continue;
        }
        const image = await acceptReferencePhoto(await zip.read(entry));
        if (!('bytes' in image)) {
          list(result.rejected, { name, reason: image.refused });
          continue;
        }
        accepted.set(userId, { userId, ...image });
      }
    } finally {
      zip.close();
    }

    const now = this.clock.now();
    for (const photo of accepted.values()) {
      const saved = await saveStoredFile(this.db, this.storage, {
        schoolId: exam.schoolId,
        purpose: 'reference-photos',
        bytes: photo.bytes,
        mimeType: photo.mimeType,
      });
      await setReferencePhoto(this.db, photo.userId, saved.id, now);
    }
    result.matched = accepted.size;
    await this.audit.recordBy(actor, {
      schoolId: exam.schoolId,
      action: 'roster.photos_imported',
      targetType: 'exam',
      targetId: exam.id,
      detail: JSON.stringify({
        matched: result.matched,
        unmatched: result.unmatched.length,
        rejected: result.rejected.length,
      }),
    });
    return result;
  }

  /** The candidate of a registration whose photo this admin may set; 404 outside their scope. */
  async photoTarget(user: SessionUser, registrationId: string): Promise<PhotoTarget> {
    const target = await registrationForPhoto(this.db, registrationId);
    if (!target) throw AppError.notFound('registration');
    const exam = assertManagesExam(user, await this.repo.findExam(target.examId));
    return { ...target, schoolId: exam.schoolId };
  }

  /**
   * Uploads or replaces one candidate's reference photo from the roster: the same checks as a
   * photo in a zip; the next face check compares with it.
   */
  async setPhoto(actor: Actor, target: PhotoTarget, bytes: Buffer): Promise<RegistrationPhoto> {
    const photo = await acceptReferencePhoto(bytes);
    if (!('bytes' in photo)) {
      throw AppError.withIssues('FILE_TYPE_NOT_ALLOWED', [
        { path: 'file', message: photo.refused },
      ]);
    }
    const saved = await saveStoredFile(this.db, this.storage, {
      schoolId: target.schoolId,
      purpose: 'reference-photos',
      bytes: photo.bytes,
      mimeType: photo.mimeType,
    });
    await setReferencePhoto(this.db, target.userId, saved.id, this.clock.now());
    await this.audit.recordBy(actor, {
      schoolId: target.schoolId,
      action: 'roster.photo_set',
      targetType: 'user',
      targetId: target.userId,
      detail: `${target.admissionNumber}: ${target.hadPhoto ? 'replaced' : 'added'} (${photo.mimeType}, ${String(photo.bytes.length)} bytes)`,
    });
    return { registrationId: target.registrationId, hasPhoto: true };
  }
}

/**
 * What a reference photo must be, whether it comes in a zip or alone: a PNG or a JPEG decoded to
 * the last pixel and encoded again, so whatever rode along (HTML after the image, metadata, a
 * second file) is gone; or why it was refused. The name and the declared type are never trusted.
 * The caller enforces ROSTER_PHOTO_MAX_BYTES before reading the bytes.
 */
export async function acceptReferencePhoto(
  photo: Buffer,
): Promise<{ bytes: Buffer; mimeType: string } | { refused: 'not_an_image' | 'too_large' }> {
  // Re-encoding takes tens of milliseconds a photo: let sockets and requests in between.
  await yieldToEventLoop();
  try {
    return reencodeImage(photo);
  } catch (error) {
    if (error instanceof UnsupportedImageError && error.reason === 'too_large') {
      return { refused: 'too_large' };
    }
    return { refused: 'not_an_image' };
  }
}

/** Files zip tools add on their own (macOS resource forks, Finder and Explorer metadata). */
function isSystemFile(entry: ZipEntryInfo): boolean {
  const base = entry.name.split(/[/\\]/).pop() ?? '';
  return entry.name.startsWith('__MACOSX/') || base === '.DS_Store' || base === 'Thumbs.db';
}
