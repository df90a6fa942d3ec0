import type {
  AnswerFile,
  AnswerFileSource,
  MyAnswerFiles,
  PhoneCapture,
} from '../../shared/api/answer-files.js';
import { ANSWER_FILE_MAX_BYTES } from '../../shared/api/answer-files.js';
import type { SessionUser } from '../../shared/api/auth.js';
import type { QuestionContent } from '../../shared/questions/question-schema.js';
import type { Actor } from '../audit/audit-log.js';
import { sha256Hex } from '../auth/tokens.js';
import { checkInRefusal } from '../check-in/policy.js';
import { assertWholeDocument } from '../documents/content-check.js';
import type { DocumentDownload } from '../documents/download.js';
import { cleanDisplayName, detectDocumentFile } from '../documents/file-kind.js';
import { AppError } from '../errors/app-error.js';
import { readStoredBytes, saveStoredFile } from '../files/stored-files.js';
import { markingExamFor } from '../marking/marking-service.js';
import type { MarkingRepo } from '../marking/repo.js';
import type { PhoneRepo } from '../phone/repo.js';
import type { IncomingUpload } from '../plugins/uploads.js';
import type { RouteDeps } from '../route-deps.js';
import { answerAcceptance } from '../written-exam/attempt-clock.js';
import type { AttemptRepo, AttemptRow } from '../written-exam/attempt-repo.js';
import { timingOf } from '../written-exam/attempt-service.js';
import { withoutMetadata } from '../vision/image-metadata.js';
import type { AnswerFileRepo, AnswerFileRow } from './repo.js';

type FileFieldContent = Extract<QuestionContent, { type: 'file' }>;

function fileQuestionOf(content: QuestionContent): FileFieldContent | null {
  return content.type === 'file' ? content : null;
}

type Deps = Pick<RouteDeps, 'db' | 'clock' | 'audit' | 'storage'> & { graceSeconds: number };

type OwnAttempt = NonNullable<Awaited<ReturnType<AttemptRepo['ownAttemptForSave']>>>;

/** An attempt open for photos: the registration's rules and the attempt row. */
interface OpenAttempt {
  own: OwnAttempt;
  row: AttemptRow;
}

function present(row: AnswerFileRow): AnswerFile {
  return {
    id: row.id,
    paperQuestionId: row.paperQuestionId,
    uploadedVia: row.uploadedVia,
    displayName: row.displayName,
    sizeBytes: row.sizeBytes,
    uploadedAt: row.createdAt.toISOString(),
  };
}

function full(maxFiles: number): AppError {
  return AppError.withIssues('ANSWER_FILES_FULL', [
    { path: 'file', message: `max ${String(maxFiles)} files` },
  ]);
}

/**
 * 上传作答 (issue 14): photos for a file question of the candidate's own open attempt, from the
 * PC or the paired phone; checked by content like identity documents, stored through the
 * storage, counted against the question's maxFiles. Another candidate's attempt or photo is
 * NOT_FOUND; staff who may mark the exam read them, audited.
 */
export class AnswerFileService {
  constructor(
    private readonly repo: AnswerFileRepo,
    private readonly attempts: AttemptRepo,
    private readonly phones: PhoneRepo,
    private readonly marking: MarkingRepo,
    private readonly deps: Deps,
  ) {}

  /** The photos of the candidate's attempt; none before it starts or for an exam without one. */
  async mine(user: SessionUser, registrationId: string): Promise<MyAnswerFiles> {
    const own = await this.attempts.ownAttemptForSave(
      user.id,
      registrationId,
      this.deps.clock.now(),
    );
    if (!own) throw AppError.notFound('registration');
    if (own.examKind !== 'written' || !own.attempt) return { files: [], phoneCapture: null };
    return this.filesOf(own.attempt);
  }

  upload(
    actor: Actor,
    registrationId: string,
    paperQuestionId: string,
    upload: IncomingUpload,
  ): Promise<AnswerFile> {
    return this.store(actor.user.id, registrationId, paperQuestionId, upload, 'pc');
  }

  async remove(user: SessionUser, registrationId: string, answerFileId: string) {
    const { row } = await this.openAttempt(user.id, registrationId);
    if (!(await this.repo.remove(row.id, answerFileId, this.deps.clock.now()))) {
      throw AppError.notFound('answer file');
    }
    return this.filesOf(row);
  }

  /** 用手机拍照 for one file question of the open attempt, or stop asking (null). */
  async requestCapture(user: SessionUser, registrationId: string, paperQuestionId: string | null) {
    const { row } = await this.openAttempt(user.id, registrationId);
    if (paperQuestionId !== null) await this.fileQuestion(row, paperQuestionId);
    await this.repo.setCapture(row.id, paperQuestionId, this.deps.clock.now());
    return this.filesOf(row);
  }

  /** One of the candidate's own photos (removed ones too); anyone else's is NOT_FOUND. */
  async myContent(user: SessionUser, registrationId: string, answerFileId: string) {
    const file = await this.repo.fileWithOwner(answerFileId);
    if (file?.userId !== user.id || file.registrationId !== registrationId) {
      throw AppError.notFound('answer file');
    }
    return this.download(file);
  }

  /**
   * A photo for staff who may mark its exam, by marking's own check (markingExamFor): its admins
   * (a college admin their college's exams only) and its 阅卷人. Every view is in the audit log.
   */
  async staffContent(actor: Actor, answerFileId: string): Promise<DocumentDownload> {
    const file = await this.repo.fileWithOwner(answerFileId);
    if (!file) throw AppError.notFound('answer file');
    try {
      await markingExamFor(this.marking, actor.user, file.examId);
    } catch (error) {
      if (error instanceof AppError) throw AppError.notFound('answer file');
      throw error;
    }
    // Marking is anonymous: the candidate's own file name (it may hold their name) stays out.
    const neutralName = `answer-photo.${file.mimeType === 'image/png' ? 'png' : 'jpg'}`;
    const download = await this.download({ ...file, displayName: neutralName });
    await this.deps.audit.recordBy(actor, {
      schoolId: file.schoolId,
      action: 'answer_file.viewed',
      targetType: 'attempt',
      targetId: file.attemptId,
      detail: `question ${file.paperQuestionId} photo ${file.id}`,
    });
    return download;
  }

  /** What the paired phone shows: the question the PC asked it to photograph, if any. */
  async phoneCapture(deviceSecret: string | undefined): Promise<PhoneCapture> {
    const phone = await this.pairedPhone(deviceSecret);
    const own = await this.attempts.ownAttemptForSave(
      phone.userId,
      phone.registrationId,
      this.deps.clock.now(),
    );
    const row = own?.attempt;
    if (own?.examKind !== 'written' || row?.state !== 'in_progress') return { capture: null };
    const request = await this.repo.captureOf(row.id);
    if (!request) return { capture: null };
    const content = await this.fileQuestion(row, request.paperQuestionId).catch(() => null);
    if (!content) return { capture: null };
    const files = await this.repo.liveFiles(row.id);
    return {
      capture: {
        paperQuestionId: request.paperQuestionId,
        number:
          row.layout.questions.findIndex((q) => q.paperQuestionId === request.paperQuestionId) + 1,
        maxFiles: content.maxFiles,
        fileCount: files.filter((file) => file.paperQuestionId === request.paperQuestionId).length,
      },
    };
  }

  /** A photo from the paired phone, for the question the PC asked for. */
  async phoneUpload(deviceSecret: string | undefined, upload: IncomingUpload) {
    const phone = await this.pairedPhone(deviceSecret);
    const { row } = await this.openAttempt(phone.userId, phone.registrationId);
    const request = await this.repo.captureOf(row.id);
    if (!request) throw AppError.of('PHONE_CAPTURE_NONE');
    await this.store(phone.userId, phone.registrationId, request.paperQuestionId, upload, 'phone');
    return this.phoneCapture(deviceSecret);
  }

  /**
   * Takes one photo: who, the open attempt, the question and its count are checked before a
   * byte is read; the type from the first bytes; the whole picture decoded (pixel limit) before
   * it is stored; then recorded under the attempt's lock, counted again.
   */
  private async store(
    userId: string,
    registrationId: string,
    paperQuestionId: string,
    upload: IncomingUpload,
    via: AnswerFileSource,
  ): Promise<AnswerFile> {
    const { own, row } = await this.openAttempt(userId, registrationId);
    const question = await this.fileQuestion(row, paperQuestionId);
    const live = (await this.repo.liveFiles(row.id)).filter(
      (file) => file.paperQuestionId === paperQuestionId,
    );
    if (live.length >= question.maxFiles) throw full(question.maxFiles);
    const found: { kind: 'png' | 'jpeg' | null } = { kind: null };
    const bytes = await upload.read(async (head) => {
      const detected = await detectDocumentFile(head, upload.fileName);
      if (detected?.kind !== 'png' && detected?.kind !== 'jpeg') {
        throw AppError.of('ANSWER_FILE_NOT_IMAGE');
      }
      found.kind = detected.kind;
      return ANSWER_FILE_MAX_BYTES;
    });
    const imageKind = found.kind;
    if (imageKind === null) throw AppError.of('ANSWER_FILE_NOT_IMAGE');
    await assertWholeDocument(bytes, imageKind);
    // Kept without what the camera wrote into it (where, when, which phone): markers need none.
    const stored = withoutMetadata(bytes, imageKind);
    const saved = await saveStoredFile(this.deps.db, this.deps.storage, {
      schoolId: row.schoolId,
      purpose: 'answer-files',
      bytes: stored,
      mimeType: imageKind === 'png' ? 'image/png' : 'image/jpeg',
    });
    const now = this.deps.clock.now();
    const inserted = await this.repo.insertUnderLock(
      {
        schoolId: row.schoolId,
        attemptId: row.id,
        paperQuestionId,
        fileId: saved.id,
        uploadedVia: via,
        displayName: cleanDisplayName(upload.fileName, imageKind === 'png' ? 'png' : 'jpg'),
        sizeBytes: stored.length,
        createdAt: now,
      },
      (state, liveCount) => {
        if (state !== 'in_progress' || this.isClosed(own, row, now)) {
          return AppError.of('ATTEMPT_CLOSED');
        }
        return liveCount >= question.maxFiles ? full(question.maxFiles) : null;
      },
    );
    if (inserted instanceof AppError) throw inserted;
    return {
      id: inserted.id,
      paperQuestionId,
      uploadedVia: via,
      displayName: cleanDisplayName(upload.fileName, imageKind === 'png' ? 'png' : 'jpg'),
      sizeBytes: bytes.length,
      uploadedAt: now.toISOString(),
    };
  }

  /** The candidate's own attempt, open by the answers' rules (grace included), or a refusal. */
  private async openAttempt(userId: string, registrationId: string): Promise<OpenAttempt> {
    const own = await this.attempts.ownAttemptForSave(
      userId,
      registrationId,
      this.deps.clock.now(),
    );
    if (own?.examKind !== 'written') throw AppError.notFound('registration');
    const refusal = checkInRefusal(own, 'change');
    if (refusal) throw refusal;
    const row = own.attempt;
    if (!row) throw AppError.of('ATTEMPT_NOT_OPEN_YET');
    if (row.state !== 'in_progress' || this.isClosed(own, row, this.deps.clock.now())) {
      throw AppError.of('ATTEMPT_CLOSED');
    }
    return { own, row };
  }

  private isClosed(own: OwnAttempt, row: AttemptRow, now: Date): boolean {
    return answerAcceptance(timingOf(own, row), now, this.deps.graceSeconds) === 'ATTEMPT_CLOSED';
  }

  /** A question of the attempt that takes photos, or the refusal. */
  private async fileQuestion(row: AttemptRow, paperQuestionId: string): Promise<FileFieldContent> {
    const placed = row.layout.questions.some((q) => q.paperQuestionId === paperQuestionId);
    const question = placed
      ? await this.attempts.paperQuestion(row.paperId, paperQuestionId)
      : null;
    if (!question) throw AppError.of('QUESTION_NOT_IN_ATTEMPT');
    const content = fileQuestionOf(question.content);
    if (!content) throw AppError.of('QUESTION_NOT_FILE');
    return content;
  }

  private async filesOf(row: AttemptRow): Promise<MyAnswerFiles> {
    const [files, capture] = await Promise.all([
      this.repo.liveFiles(row.id),
      row.state === 'in_progress' ? this.repo.captureOf(row.id) : null,
    ]);
    return {
      files: files.map(present),
      phoneCapture: capture
        ? {
            paperQuestionId: capture.paperQuestionId,
            requestedAt: capture.requestedAt.toISOString(),
          }
        : null,
    };
  }

  private async pairedPhone(deviceSecret: string | undefined) {
    const phone = deviceSecret
      ? await this.phones.pairedByDeviceHash(sha256Hex(deviceSecret))
      : undefined;
    if (!phone) throw AppError.of('PHONE_NOT_PAIRED');
    return phone;
  }

  private async download(file: {
    storageKey: string;
    mimeType: string;
    displayName: string;
  }): Promise<DocumentDownload> {
    return {
      bytes: await readStoredBytes(this.deps.storage, file.storageKey, 'answer file'),
      mimeType: file.mimeType,
      fileName: file.displayName,
    };
  }
}
