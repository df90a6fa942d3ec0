import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { AnswerFileSource } from '../../shared/api/answer-files.js';
import type { Database } from '../db/client.js';
import {
  answerCaptureRequest,
  answerFile,
  attempt,
  paper,
  registration,
  storedFile,
} from '../db/schema/index.js';

export interface NewAnswerFile {
  schoolId: string;
  attemptId: string;
  paperQuestionId: string;
  fileId: string;
  uploadedVia: AnswerFileSource;
  displayName: string;
  sizeBytes: number;
  createdAt: Date;
}

const fileColumns = {
  id: answerFile.id,
  paperQuestionId: answerFile.paperQuestionId,
  uploadedVia: answerFile.uploadedVia,
  displayName: answerFile.displayName,
  sizeBytes: answerFile.sizeBytes,
  createdAt: answerFile.createdAt,
};

export type AnswerFileRow = Awaited<ReturnType<AnswerFileRepo['liveFiles']>>[number];

/** SQL of answer photos (answer_file) and the PC's 用手机拍照 requests. */
export class AnswerFileRepo {
  constructor(private readonly db: Database) {}

  /** The attempt's photos not removed, oldest first. */
  liveFiles(attemptId: string) {
    return this.db
      .select(fileColumns)
      .from(answerFile)
      .where(and(eq(answerFile.attemptId, attemptId), isNull(answerFile.removedAt)))
      .orderBy(asc(answerFile.createdAt), asc(answerFile.id));
  }

  /**
   * Records a photo under the attempt's row lock, so two uploads at once cannot both take the
   * last place and none lands in an attempt submitted meanwhile. `allows` sees the locked state
   * and the question's live count and answers the refusal, if any.
   */
  async insertUnderLock<E>(
    file: NewAnswerFile,
    allows: (state: string, liveCount: number) => E | null,
  ): Promise<{ id: string } | E> {
    return this.db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ state: attempt.state })
        .from(attempt)
        .where(eq(attempt.id, file.attemptId))
        .for('update');
      const [counted] = await tx
        .select({ total: count() })
        .from(answerFile)
        .where(
          and(
            eq(answerFile.attemptId, file.attemptId),
            eq(answerFile.paperQuestionId, file.paperQuestionId),
            isNull(answerFile.removedAt),
          ),
        );
      const refusal = allows(locked?.state ?? 'missing', counted?.total ?? 0);
      if (refusal !== null) return refusal;
      const [row] = await tx.insert(answerFile).values(file).returning({ id: answerFile.id });
      if (!row) throw new Error('answer_file insert returned nothing');
      return row;
    });
  }

  /** Marks one live photo of the attempt removed; false when there is none by that id. */
  async remove(attemptId: string, answerFileId: string, at: Date): Promise<boolean> {
    const removed = await this.db
      .update(answerFile)
      .set({ removedAt: at })
      .where(
        and(
          eq(answerFile.id, answerFileId),
          eq(answerFile.attemptId, attemptId),
          isNull(answerFile.removedAt),
        ),
      )
      .returning({ id: answerFile.id });
    return removed.length > 0;
  }

  /** A photo with its bytes' key, its attempt's candidate and exam (removed ones too). */
  async fileWithOwner(answerFileId: string) {
    const [row] = await this.db
      .select({
        id: answerFile.id,
        attemptId: answerFile.attemptId,
        paperQuestionId: answerFile.paperQuestionId,
        displayName: answerFile.displayName,
        storageKey: storedFile.storageKey,
        mimeType: storedFile.mimeType,
        schoolId: answerFile.schoolId,
        userId: registration.userId,
        registrationId: attempt.registrationId,
        examId: paper.examId,
      })
      .from(answerFile)
      .innerJoin(storedFile, eq(storedFile.id, answerFile.fileId))
      .innerJoin(attempt, eq(attempt.id, answerFile.attemptId))
      .innerJoin(registration, eq(registration.id, attempt.registrationId))
      .innerJoin(paper, eq(paper.id, attempt.paperId))
      .where(eq(answerFile.id, answerFileId))
      .limit(1);
    return row ?? null;
  }

  async captureOf(attemptId: string) {
    const [row] = await this.db
      .select({
        paperQuestionId: answerCaptureRequest.paperQuestionId,
        requestedAt: answerCaptureRequest.requestedAt,
      })
      .from(answerCaptureRequest)
      .where(eq(answerCaptureRequest.attemptId, attemptId));
    return row ?? null;
  }

  async setCapture(attemptId: string, paperQuestionId: string | null, at: Date): Promise<void> {
    if (paperQuestionId === null) {
      await this.db
        .delete(answerCaptureRequest)
        .where(eq(answerCaptureRequest.attemptId, attemptId));
      return;
    }
    await this.db
      .insert(answerCaptureRequest)
      .values({ attemptId, paperQuestionId, requestedAt: at })
      .onConflictDoUpdate({
        target: answerCaptureRequest.attemptId,
        set: { paperQuestionId, requestedAt: at },
      });
  }
}
