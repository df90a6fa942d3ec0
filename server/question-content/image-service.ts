import type { SessionUser } from '../../shared/api/auth.js';
import {
  QUESTION_IMAGE_MAX_BYTES,
  QUESTION_IMAGE_MAX_PIXELS,
  type QuestionImage,
} from '../../shared/api/question-images.js';
import {
  imageIdsOf,
  isImageId,
  richFieldsOf,
  type RichField,
} from '../../shared/questions/rich-text.js';
import type { Actor } from '../audit/audit-log.js';
import type { DocumentDownload } from '../documents/download.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import type { FileStorage } from '../files/storage.js';
import { readStoredBytes, saveStoredFile } from '../files/stored-files.js';
import { MarkingRepo } from '../marking/repo.js';
import { tooLarge, type IncomingUpload } from '../plugins/uploads.js';
import { bankScopeOf, type BankScope } from '../question-bank/policy.js';
import { decodeImage, reencodeImage, sniffImageFormat } from '../vision/image-codec.js';
import type { PaperText, QuestionImageRepo } from './image-repo.js';

/**
 * Whether a bank in `scope` may show a picture: the school's own, school-wide ones to everyone,
 * a college's to that college and to school admins.
 */
export function canUseImage(
  scope: BankScope,
  image: { schoolId: string; collegeId: string | null },
): boolean {
  if (image.schoolId !== scope.schoolId) return false;
  return (
    scope.collegeId === null || image.collegeId === null || image.collegeId === scope.collegeId
  );
}

const notImage = () => AppError.of('QUESTION_IMAGE_NOT_IMAGE');

/** Question pictures: upload (checked by content), and who may load one. */
export class QuestionImageService {
  constructor(
    private readonly repo: QuestionImageRepo,
    private readonly db: Database,
    private readonly storage: FileStorage,
  ) {}

  /**
   * Keeps a picture after decoding it to the last pixel and encoding it again (no metadata, no
   * bytes after the image, upright): a PNG signature in front of HTML is refused, never kept.
   */
  async upload(actor: Actor, upload: IncomingUpload): Promise<QuestionImage> {
    const scope = bankScopeOf(actor.user);
    const bytes = await upload.read((head) => {
      const format = sniffImageFormat(head);
      if (format !== 'png' && format !== 'jpeg') throw notImage();
      return QUESTION_IMAGE_MAX_BYTES;
    });
    let clean: { bytes: Buffer; mimeType: string };
    let size: { width: number; height: number };
    try {
      clean = reencodeImage(bytes);
      size = decodeImage(clean.bytes);
    } catch {
      throw notImage();
    }
    if (size.width * size.height > QUESTION_IMAGE_MAX_PIXELS) {
      throw AppError.withIssues('FILE_TOO_LARGE', [
        { path: 'file', message: `max ${String(QUESTION_IMAGE_MAX_PIXELS)} pixels` },
      ]);
    }
    if (clean.bytes.length > QUESTION_IMAGE_MAX_BYTES) throw tooLarge(QUESTION_IMAGE_MAX_BYTES);
    const mimeType = clean.mimeType === 'image/png' ? 'image/png' : 'image/jpeg';
    const saved = await saveStoredFile(this.db, this.storage, {
      schoolId: scope.schoolId,
      purpose: 'question-images',
      bytes: clean.bytes,
      mimeType,
    });
    const values = {
      schoolId: scope.schoolId,
      collegeId: scope.collegeId,
      fileId: saved.id,
      mimeType,
      width: size.width,
      height: size.height,
    };
    // Not audited on its own: a picture shows nowhere until a question that is audited names it.
    const id = await this.repo.insert(values);
    return { id, mimeType, width: size.width, height: size.height };
  }

  /** A picture for staff: in their bank's reach, or on a paper of an exam they manage. */
  async staffFile(user: SessionUser, imageId: string): Promise<DocumentDownload> {
    if (user.role === 'examiner') return this.markerFile(user, imageId);
    const scope = bankScopeOf(user);
    const image = await this.repo.find(imageId);
    if (!image || image.schoolId !== scope.schoolId) throw AppError.notFound('image');
    if (!canUseImage(scope, image)) {
      const colleges = await this.repo.examCollegesShowing(scope.schoolId, imageId);
      const onPaperInReach = colleges.some(
        (exam) => scope.collegeId === null || exam.collegeId === scope.collegeId,
      );
      if (!onPaperInReach) throw AppError.notFound('image');
    }
    return this.download(image);
  }

  /** A picture for an examiner: only one on a paper of an exam they are 阅卷人 of. */
  private async markerFile(user: SessionUser, imageId: string): Promise<DocumentDownload> {
    const image = await this.repo.find(imageId);
    if (!image || image.schoolId !== user.schoolId) throw AppError.notFound('image');
    const exams = await this.repo.examCollegesShowing(user.schoolId, imageId);
    const markers = new MarkingRepo(this.db);
    for (const examId of new Set(exams.map((exam) => exam.examId))) {
      if (await markers.isMarker(examId, user.id)) return this.download(image);
    }
    throw AppError.notFound('image');
  }

  /** A picture for a candidate: only one a question of their own attempts shows. */
  async candidateFile(user: SessionUser, imageId: string): Promise<DocumentDownload> {
    const image = await this.repo.find(imageId);
    if (!image || image.schoolId !== user.schoolId) throw AppError.notFound('image');
    const texts = await this.repo.attemptTextsOfCandidate(user.id);
    if (!texts.some((text) => showsImage(text, imageId))) throw AppError.notFound('image');
    return this.download(image);
  }

  /**
   * Refuses text that refers to a picture the bank in `scope` does not have (another school's,
   * another college's, a made-up id) with QUESTION_IMAGE_UNKNOWN, naming each field.
   */
  async assertKnownImages(scope: BankScope, fields: readonly RichField[]): Promise<void> {
    const unknown = await this.unknownImageFields(scope, fields);
    if (unknown.length > 0) {
      throw AppError.withIssues(
        'QUESTION_IMAGE_UNKNOWN',
        unknown.map((field) => ({ path: field.path, message: `image:${field.imageId}` })),
      );
    }
  }

  /** The fields whose text names a picture the bank in `scope` does not have, with that id. */
  async unknownImageFields(
    scope: BankScope,
    fields: readonly RichField[],
  ): Promise<(RichField & { imageId: string })[]> {
    const named = fields.flatMap((field) =>
      imageIdsOf(field.text).map((imageId) => ({ ...field, imageId })),
    );
    const usable = await this.usableImageIds(
      scope,
      named.map((field) => field.imageId),
    );
    return named.filter((field) => !usable.has(field.imageId.toLowerCase()));
  }

  /** Those of `ids` (any case) that name a picture the bank in `scope` may show, lower-cased. */
  async usableImageIds(scope: BankScope, ids: readonly string[]): Promise<Set<string>> {
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))].filter(isImageId);
    const rows = await this.repo.ofSchool(scope.schoolId, wanted);
    return new Set(
      rows
        .filter((image) => canUseImage(scope, { schoolId: scope.schoolId, ...image }))
        .map((image) => image.id),
    );
  }

  private async download(image: {
    storageKey: string;
    mimeType: string;
    id: string;
  }): Promise<DocumentDownload> {
    const bytes = await readStoredBytes(this.storage, image.storageKey, 'image');
    const extension = image.mimeType === 'image/png' ? 'png' : 'jpg';
    return { bytes, mimeType: image.mimeType, fileName: `${image.id}.${extension}` };
  }
}

function showsImage(text: PaperText, imageId: string): boolean {
  const fields = [...richFieldsOf(text.content).map((field) => field.text), text.passageText ?? ''];
  return fields.some((field) => imageIdsOf(field).some((id) => id.toLowerCase() === imageId));
}
