import type { AuditAction } from '../../shared/api/audit.js';
import type { SessionUser } from '../../shared/api/auth.js';
import type { ReviewDetail, ReviewSummary } from '../../shared/api/documents.js';
import type { ReviewState } from '../../shared/enums.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import type { FileStorage } from '../files/storage.js';
import type { DocumentDownload } from './download.js';
import { canReviewCandidate, reviewScope } from './policy.js';
import { presentDetail, presentSummary } from './presenter.js';
import type { CandidateRow, DocumentsRepo } from './repo.js';
import { readStoredBytes } from '../files/stored-files.js';

/**
 * The admins' review queue (审核): school admins review every candidate of the school, college
 * admins those of their college. Anything out of scope answers NOT_FOUND, never FORBIDDEN.
 */
export class ReviewService {
  constructor(
    private readonly repo: DocumentsRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly storage: FileStorage,
  ) {}

  async list(
    user: SessionUser,
    query: { state: ReviewState; q?: string | undefined; page: number; pageSize: number },
  ): Promise<{ items: ReviewSummary[]; total: number }> {
    const { rows, total } = await this.repo.listReviews(reviewScope(user), query);
    return { items: rows.map(presentSummary), total };
  }

  async detail(user: SessionUser, userId: string): Promise<ReviewDetail> {
    return this.detailOf(await this.candidateInScope(user, userId));
  }

  /** 审核通过: only a pending submission; the second of two reviewers gets REVIEW_NOT_PENDING. */
  async approve(actor: Actor, userId: string): Promise<ReviewDetail> {
    const candidate = await this.reviewedCandidate(actor.user, userId);
    const decided = await this.repo.decide(userId, {
      state: 'approved',
      reason: null,
      reviewerId: actor.user.id,
      at: this.clock.now(),
      rejectedDocumentIds: [],
    });
    if (!decided) throw AppError.of('REVIEW_NOT_PENDING');
    await this.record(actor, candidate, 'documents.approved', candidate.candidateName);
    return this.detailOf(candidate);
  }

  /** 未通过: a reason the candidate reads, and optionally the files that are the problem. */
  async reject(
    actor: Actor,
    userId: string,
    input: { reason: string; documentIds: string[] },
  ): Promise<ReviewDetail> {
    const candidate = await this.reviewedCandidate(actor.user, userId);
    const own = new Set((await this.repo.documentsOf(userId)).map((document) => document.id));
    const issues = input.documentIds.flatMap((id, index) =>
      own.has(id)
        ? []
        : [{ path: `documentIds.${String(index)}`, message: 'not a document of this candidate' }],
    );
    if (issues.length > 0) throw AppError.withIssues('VALIDATION_FAILED', issues);
    const decided = await this.repo.decide(userId, {
      state: 'rejected',
      reason: input.reason,
      reviewerId: actor.user.id,
      at: this.clock.now(),
      rejectedDocumentIds: [...new Set(input.documentIds)],
    });
    if (!decided) throw AppError.of('REVIEW_NOT_PENDING');
    await this.record(
      actor,
      candidate,
      'documents.rejected',
      `${candidate.candidateName}: ${input.reason.slice(0, 200)}`,
    );
    return this.detailOf(candidate);
  }

  /** A candidate's document for a reviewer in scope. */
  async documentFile(user: SessionUser, documentId: string): Promise<DocumentDownload> {
    const row = await this.repo.documentFile(documentId);
    if (!row) throw AppError.notFound('document');
    await this.candidateInScope(user, row.userId);
    return {
      bytes: await readStoredBytes(this.storage, row.storageKey, 'document'),
      mimeType: row.mimeType,
      fileName: row.displayName,
    };
  }

  /** The candidate's reference photo (from the roster), to compare with their documents. */
  async candidatePhoto(user: SessionUser, userId: string): Promise<DocumentDownload> {
    const candidate = await this.candidateInScope(user, userId);
    const photo = await this.repo.photoOf(userId);
    if (!photo) throw AppError.notFound('photo');
    const extension = photo.mimeType === 'image/png' ? 'png' : 'jpg';
    return {
      bytes: await readStoredBytes(this.storage, photo.storageKey, 'photo'),
      mimeType: photo.mimeType,
      fileName: `${candidate.candidateName}.${extension}`,
    };
  }

  private async candidateInScope(user: SessionUser, userId: string): Promise<CandidateRow> {
    const scope = reviewScope(user);
    const candidate = await this.repo.candidate(userId);
    if (!candidate || !canReviewCandidate(scope, candidate)) throw AppError.notFound('candidate');
    return candidate;
  }

  /** A candidate in scope who has a review at all (else there is nothing to decide). */
  private async reviewedCandidate(user: SessionUser, userId: string): Promise<CandidateRow> {
    const candidate = await this.candidateInScope(user, userId);
    if (!(await this.repo.reviewOf(userId))) throw AppError.notFound('review');
    return candidate;
  }

  private async detailOf(candidate: CandidateRow): Promise<ReviewDetail> {
    const [review, documents] = await Promise.all([
      this.repo.reviewOf(candidate.userId),
      this.repo.documentsOf(candidate.userId),
    ]);
    if (!review) throw AppError.notFound('review');
    return presentDetail(candidate, review, documents);
  }

  private record(actor: Actor, candidate: CandidateRow, action: AuditAction, detail: string) {
    return this.audit.recordBy(actor, {
      schoolId: candidate.schoolId,
      action,
      targetType: 'user',
      targetId: candidate.userId,
      detail,
    });
  }
}
