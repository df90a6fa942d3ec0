import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DocumentKind, ReviewState } from '../../shared/enums.js';
import type { Database } from '../db/client.js';
import {
  appUser,
  candidateDocument,
  college,
  documentReview,
  storedFile,
} from '../db/schema/index.js';
import type { ReviewScope } from './policy.js';

/** LIKE text with the caller's own wildcards taken literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const reviewer = alias(appUser, 'reviewer');
const EDITABLE_STATES: ReviewState[] = ['draft', 'rejected'];

const documentColumns = {
  id: candidateDocument.id,
  userId: candidateDocument.userId,
  fileId: candidateDocument.fileId,
  kind: candidateDocument.kind,
  displayName: candidateDocument.displayName,
  sizeBytes: candidateDocument.sizeBytes,
  rejected: candidateDocument.rejected,
  createdAt: candidateDocument.createdAt,
};

const reviewColumns = {
  userId: documentReview.userId,
  state: documentReview.state,
  reason: documentReview.reason,
  submittedAt: documentReview.submittedAt,
  reviewedAt: documentReview.reviewedAt,
};

const documentCount = sql<number>`(select count(*)::int from ${candidateDocument} where ${candidateDocument.userId} = ${documentReview.userId})`;

/** A candidate the way reviewers see them, with scope fields for the policy. */
const candidateColumns = {
  userId: appUser.id,
  schoolId: appUser.schoolId,
  collegeId: appUser.collegeId,
  role: appUser.role,
  candidateName: appUser.name,
  idNumber: appUser.idNumber,
  phone: appUser.phone,
  photoFileId: appUser.photoFileId,
  collegeName: college.name,
};

export type DocumentRow = Awaited<ReturnType<DocumentsRepo['documentsOf']>>[number];
export type ReviewRow = NonNullable<Awaited<ReturnType<DocumentsRepo['reviewOf']>>>;
export type CandidateRow = NonNullable<Awaited<ReturnType<DocumentsRepo['candidate']>>>;
export type ReviewListRow = Awaited<ReturnType<DocumentsRepo['listReviews']>>['rows'][number];
type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>;

/** Identity documents and their review: SQL only. */
export class DocumentsRepo {
  constructor(private readonly db: Database) {}

  async documentsOf(userId: string, executor: Executor = this.db) {
    return executor
      .select(documentColumns)
      .from(candidateDocument)
      .where(eq(candidateDocument.userId, userId))
      .orderBy(asc(candidateDocument.createdAt), asc(candidateDocument.id));
  }

  async reviewOf(userId: string) {
    const [row] = await this.db
      .select({ ...reviewColumns, reviewerName: reviewer.name })
      .from(documentReview)
      .leftJoin(reviewer, eq(reviewer.id, documentReview.reviewerId))
      .where(eq(documentReview.userId, userId));
    return row;
  }

  /** One document of this user with its stored file; undefined when it is not theirs. */
  async documentFile(documentId: string, userId?: string) {
    const [row] = await this.db
      .select({
        userId: candidateDocument.userId,
        displayName: candidateDocument.displayName,
        storageKey: storedFile.storageKey,
        mimeType: storedFile.mimeType,
      })
      .from(candidateDocument)
      .innerJoin(storedFile, eq(storedFile.id, candidateDocument.fileId))
      .where(
        and(
          eq(candidateDocument.id, documentId),
          userId === undefined ? undefined : eq(candidateDocument.userId, userId),
        ),
      );
    return row;
  }

  async candidate(userId: string) {
    const [row] = await this.db
      .select(candidateColumns)
      .from(appUser)
      .leftJoin(college, eq(college.id, appUser.collegeId))
      .where(and(eq(appUser.id, userId), eq(appUser.role, 'candidate')));
    return row;
  }

  async photoOf(userId: string) {
    const [row] = await this.db
      .select({ storageKey: storedFile.storageKey, mimeType: storedFile.mimeType })
      .from(appUser)
      .innerJoin(storedFile, eq(storedFile.id, appUser.photoFileId))
      .where(eq(appUser.id, userId));
    return row;
  }

  /**
   * Runs `change` while holding this candidate's review row (created as a draft if missing), so
   * concurrent uploads, deletes and submits of one candidate see each other's counts and states.
   */
  async withLockedReview<T>(
    user: { id: string; schoolId: string },
    change: (tx: Executor, state: ReviewState) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx
        .insert(documentReview)
        .values({ userId: user.id, schoolId: user.schoolId, state: 'draft' })
        .onConflictDoNothing();
      const [row] = await tx
        .select({ state: documentReview.state })
        .from(documentReview)
        .where(eq(documentReview.userId, user.id))
        .for('update');
      if (!row) throw new Error('identity review row vanished');
      return change(tx, row.state);
    });
  }

  async countDocuments(userId: string, executor: Executor = this.db): Promise<number> {
    const [row] = await executor
      .select({ total: count() })
      .from(candidateDocument)
      .where(eq(candidateDocument.userId, userId));
    return row?.total ?? 0;
  }

  async insertDocument(
    executor: Executor,
    values: {
      schoolId: string;
      userId: string;
      fileId: string;
      kind: DocumentKind;
      displayName: string;
      sizeBytes: number;
      createdAt: Date;
    },
  ): Promise<void> {
    await executor.insert(candidateDocument).values(values);
  }

  /** Deletes a document of this user; the id of its stored file, or null when it is not theirs. */
  async deleteDocument(executor: Executor, userId: string, documentId: string) {
    const [row] = await executor
      .delete(candidateDocument)
      .where(and(eq(candidateDocument.id, documentId), eq(candidateDocument.userId, userId)))
      .returning({ fileId: candidateDocument.fileId });
    return row?.fileId ?? null;
  }

  async touchReview(executor: Executor, userId: string, at: Date): Promise<void> {
    await executor
      .update(documentReview)
      .set({ updatedAt: at })
      .where(eq(documentReview.userId, userId));
  }

  /** draft/rejected → pending; clears the last decision and the marks on files. */
  async submit(executor: Executor, userId: string, at: Date): Promise<boolean> {
    const rows = await executor
      .update(documentReview)
      .set({
        state: 'pending',
        submittedAt: at,
        reason: null,
        reviewedAt: null,
        reviewerId: null,
        updatedAt: at,
      })
      .where(and(eq(documentReview.userId, userId), inArray(documentReview.state, EDITABLE_STATES)))
      .returning({ userId: documentReview.userId });
    if (rows.length === 0) return false;
    await executor
      .update(candidateDocument)
      .set({ rejected: false })
      .where(eq(candidateDocument.userId, userId));
    return true;
  }

  /**
   * Decides a pending review; false when it is no longer pending (another reviewer was first).
   * The WHERE on the state makes two simultaneous decisions have exactly one winner.
   */
  async decide(
    userId: string,
    decision: {
      state: 'approved' | 'rejected';
      reason: string | null;
      reviewerId: string;
      at: Date;
      rejectedDocumentIds: string[];
    },
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .update(documentReview)
        .set({
          state: decision.state,
          reason: decision.reason,
          reviewerId: decision.reviewerId,
          reviewedAt: decision.at,
          updatedAt: decision.at,
        })
        .where(and(eq(documentReview.userId, userId), eq(documentReview.state, 'pending')))
        .returning({ userId: documentReview.userId });
      if (rows.length === 0) return false;
      if (decision.rejectedDocumentIds.length > 0) {
        await tx
          .update(candidateDocument)
          .set({ rejected: true })
          .where(
            and(
              eq(candidateDocument.userId, userId),
              inArray(candidateDocument.id, decision.rejectedDocumentIds),
            ),
          );
      }
      return true;
    });
  }

  /** The review queue of one school (or college), one page of it. */
  async listReviews(
    scope: ReviewScope,
    filter: { state: ReviewState; q?: string | undefined; page: number; pageSize: number },
  ) {
    const text = filter.q ? `%${escapeLike(filter.q)}%` : undefined;
    const where: SQL | undefined = and(
      eq(documentReview.schoolId, scope.schoolId),
      eq(appUser.role, 'candidate'),
      scope.collegeId === null ? undefined : eq(appUser.collegeId, scope.collegeId),
      eq(documentReview.state, filter.state),
      text ? or(ilike(appUser.name, text), ilike(appUser.idNumber, text)) : undefined,
    );
    const order =
      filter.state === 'pending'
        ? [sql`${documentReview.submittedAt} asc nulls last`, asc(documentReview.userId)]
        : filter.state === 'draft'
          ? [desc(documentReview.updatedAt), asc(documentReview.userId)]
          : [sql`${documentReview.reviewedAt} desc nulls last`, asc(documentReview.userId)];
    const rows = await this.db
      .select({
        ...reviewColumns,
        candidateName: appUser.name,
        idNumber: appUser.idNumber,
        collegeName: college.name,
        documentCount,
      })
      .from(documentReview)
      .innerJoin(appUser, eq(appUser.id, documentReview.userId))
      .leftJoin(college, eq(college.id, appUser.collegeId))
      .where(where)
      .orderBy(...order)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize);
    const [total] = await this.db
      .select({ total: count() })
      .from(documentReview)
      .innerJoin(appUser, eq(appUser.id, documentReview.userId))
      .where(where);
    return { rows, total: total?.total ?? 0 };
  }
}
