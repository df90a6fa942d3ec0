import { maskIdNumber } from '../../shared/api/common.js';
import type {
  CandidateDocument,
  DocumentLimits,
  MyIdentityReview,
  ReviewDetail,
  ReviewSummary,
} from '../../shared/api/documents.js';
import type { IdentityStatus } from '../../shared/enums.js';
import { isEditable } from './policy.js';
import type { CandidateRow, DocumentRow, ReviewListRow, ReviewRow } from './repo.js';

export function presentDocument(row: DocumentRow): CandidateDocument {
  return {
    id: row.id,
    kind: row.kind,
    name: row.displayName,
    sizeBytes: row.sizeBytes,
    uploadedAt: row.createdAt.toISOString(),
    rejected: row.rejected,
  };
}

/** 未上传 until something is uploaded, 待提交 (draft) until submitted, then the review's state. */
function statusOf(review: ReviewRow | undefined, documentCount: number): IdentityStatus {
  if (!review || (review.state === 'draft' && documentCount === 0)) return 'not_uploaded';
  return review.state;
}

/** 身份认证 as the candidate sees it; the reason only while it is rejected. */
export function presentMyReview(
  review: ReviewRow | undefined,
  documents: DocumentRow[],
  limits: DocumentLimits,
): MyIdentityReview {
  const state = review?.state ?? null;
  return {
    status: statusOf(review, documents.length),
    reason: state === 'rejected' ? (review?.reason ?? null) : null,
    submittedAt: review?.submittedAt?.toISOString() ?? null,
    reviewedAt: review?.reviewedAt?.toISOString() ?? null,
    editable: isEditable(state),
    documents: documents.map(presentDocument),
    limits,
  };
}

/** One row of the review queue; the ID number leaves only masked. */
export function presentSummary(row: ReviewListRow): ReviewSummary {
  return {
    userId: row.userId,
    candidateName: row.candidateName,
    maskedIdNumber: row.idNumber ? maskIdNumber(row.idNumber) : null,
    collegeName: row.collegeName,
    state: row.state,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    documentCount: row.documentCount,
  };
}

/** A candidate's documents and review for a reviewer. */
export function presentDetail(
  candidate: CandidateRow,
  review: ReviewRow,
  documents: DocumentRow[],
): ReviewDetail {
  return {
    ...presentSummary({
      ...review,
      candidateName: candidate.candidateName,
      idNumber: candidate.idNumber,
      collegeName: candidate.collegeName,
      documentCount: documents.length,
    }),
    phone: candidate.phone,
    hasPhoto: candidate.photoFileId !== null,
    reason: review.reason,
    reviewerName: review.reviewerName,
    documents: documents.map(presentDocument),
  };
}
