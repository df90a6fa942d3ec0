import type { SessionUser } from '../../shared/api/auth.js';
import type { DocumentLimits, MyIdentityReview } from '../../shared/api/documents.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { readStoredBytes, saveStoredFile } from '../files/stored-files.js';
import type { FileStorage } from '../files/storage.js';
import { tooLarge, type IncomingUpload } from '../plugins/uploads.js';
import type { DocumentDownload } from './download.js';
import { withoutMetadata } from '../vision/image-metadata.js';
import { assertWholeDocument } from './content-check.js';
import { cleanDisplayName, detectDocumentFile, type DetectedFile } from './file-kind.js';
import { isEditable } from './policy.js';
import { presentMyReview } from './presenter.js';
import type { DocumentsRepo } from './repo.js';

function refusedType(): AppError {
  return AppError.of('FILE_TYPE_NOT_ALLOWED');
}

/**
 * 身份认证 for the candidate: upload, delete and submit their own documents. Changes are allowed
 * before submitting and after a rejection only; someone else's document answers NOT_FOUND.
 */
export class DocumentsService {
  private readonly largestLimit: number;

  constructor(
    private readonly repo: DocumentsRepo,
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly storage: FileStorage,
    private readonly limits: DocumentLimits,
  ) {
    this.largestLimit = Math.max(...Object.values(limits.maxBytes));
  }

  async mine(user: SessionUser): Promise<MyIdentityReview> {
    const [review, documents] = await Promise.all([
      this.repo.reviewOf(user.id),
      this.repo.documentsOf(user.id),
    ]);
    return presentMyReview(review, documents, this.limits);
  }

  /**
   * Takes one file: locked state and the count are refused before a byte is read, the type is
   * judged from the first bytes, and reading stops as soon as the file passes that type's limit.
   * Then the whole content is checked (images decoded, archives inflated) before it is stored.
   */
  async upload(actor: Actor, upload: IncomingUpload): Promise<MyIdentityReview> {
    const schoolId = schoolOf(actor.user);
    await this.assertCanAdd(actor.user.id);
    if (upload.declaredBytes !== null && upload.declaredBytes > this.largestLimit) {
      throw tooLarge(this.largestLimit);
    }
    let detected: DetectedFile | null = null;
    const bytes = await upload.read(async (head) => {
      detected = await detectDocumentFile(head, upload.fileName);
      if (!detected) throw refusedType();
      return this.limits.maxBytes[detected.kind];
    });
    const file = await this.judgeWhole(bytes, upload.fileName, detected);
    await assertWholeDocument(bytes, file.kind);
    // A photo is kept without what the camera wrote into it (where, when, which phone).
    const stored =
      file.kind === 'png' || file.kind === 'jpeg' ? withoutMetadata(bytes, file.kind) : bytes;
    const saved = await saveStoredFile(this.db, this.storage, {
      schoolId,
      purpose: 'documents',
      bytes: stored,
      mimeType: file.mimeType,
    });
    const now = this.clock.now();
    await this.repo.withLockedReview({ id: actor.user.id, schoolId }, async (tx, state) => {
      if (!isEditable(state)) throw AppError.of('DOCUMENTS_LOCKED');
      const count = await this.repo.countDocuments(actor.user.id, tx);
      if (count >= this.limits.maxFiles) throw this.tooMany();
      await this.repo.insertDocument(tx, {
        schoolId,
        userId: actor.user.id,
        fileId: saved.id,
        kind: file.kind,
        displayName: cleanDisplayName(upload.fileName, file.kind),
        sizeBytes: stored.length,
        createdAt: now,
      });
      await this.repo.touchReview(tx, actor.user.id, now);
    });
    return this.mine(actor.user);
  }

  async remove(actor: Actor, documentId: string): Promise<MyIdentityReview> {
    const schoolId = schoolOf(actor.user);
    if (!(await this.repo.documentFile(documentId, actor.user.id))) {
      throw AppError.notFound('document');
    }
    await this.repo.withLockedReview({ id: actor.user.id, schoolId }, async (tx, state) => {
      if (!isEditable(state)) throw AppError.of('DOCUMENTS_LOCKED');
      const fileId = await this.repo.deleteDocument(tx, actor.user.id, documentId);
      if (fileId === null) throw AppError.notFound('document');
      await this.repo.touchReview(tx, actor.user.id, this.clock.now());
    });
    return this.mine(actor.user);
  }

  /** 提交审核: draft or rejected → pending, with at least one document. */
  async submit(actor: Actor): Promise<MyIdentityReview> {
    const schoolId = schoolOf(actor.user);
    const count = await this.repo.withLockedReview(
      { id: actor.user.id, schoolId },
      async (tx, state) => {
        if (!isEditable(state)) throw AppError.of('DOCUMENTS_LOCKED');
        const total = await this.repo.countDocuments(actor.user.id, tx);
        if (total === 0) throw AppError.of('NO_DOCUMENTS');
        if (!(await this.repo.submit(tx, actor.user.id, this.clock.now()))) {
          throw AppError.of('DOCUMENTS_LOCKED');
        }
        return total;
      },
    );
    await this.audit.recordBy(actor, {
      schoolId,
      action: 'documents.submitted',
      targetType: 'user',
      targetId: actor.user.id,
      detail: `${String(count)} files`,
    });
    return this.mine(actor.user);
  }

  /** One of the candidate's own documents; anyone else's is NOT_FOUND. */
  async myFile(user: SessionUser, documentId: string): Promise<DocumentDownload> {
    const row = await this.repo.documentFile(documentId, user.id);
    if (!row) throw AppError.notFound('document');
    return {
      bytes: await readStoredBytes(this.storage, row.storageKey, 'document'),
      mimeType: row.mimeType,
      fileName: row.displayName,
    };
  }

  private tooMany(): AppError {
    return AppError.withIssues('TOO_MANY_FILES', [
      { path: 'file', message: `max ${String(this.limits.maxFiles)} files` },
    ]);
  }

  private async assertCanAdd(userId: string): Promise<void> {
    const [review, count] = await Promise.all([
      this.repo.reviewOf(userId),
      this.repo.countDocuments(userId),
    ]);
    if (!isEditable(review?.state ?? null)) throw AppError.of('DOCUMENTS_LOCKED');
    if (count >= this.limits.maxFiles) throw this.tooMany();
  }

  /**
   * The final type. A .docx/.xlsx/.pptx is a zip whose telling part may lie past the first bytes,
   * so a zip is judged again on the whole file (and then held to that kind's limit).
   */
  private async judgeWhole(
    bytes: Buffer,
    fileName: string,
    fromHead: DetectedFile | null,
  ): Promise<DetectedFile> {
    if (!fromHead) throw refusedType();
    if (!fromHead.mayBeOfficeZip) return fromHead;
    const whole = await detectDocumentFile(bytes, fileName);
    if (!whole) throw refusedType();
    const maxBytes = this.limits.maxBytes[whole.kind];
    if (bytes.length > maxBytes) throw tooLarge(maxBytes);
    return whole;
  }
}

function schoolOf(user: SessionUser): string {
  if (!user.schoolId) throw AppError.forbidden();
  return user.schoolId;
}
