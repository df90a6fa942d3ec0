import { z } from 'zod';
import { documentKindSchema, identityStatusSchema, reviewStateSchema } from '../enums.js';
import { defineDownload, defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema, pagingQuerySchema, uploadQuerySchema } from './common.js';

const REVIEWERS = ['college_admin', 'school_admin'] as const;

export const documentSchema = z.object({
  id: idSchema,
  kind: documentKindSchema,
  /** The uploaded name, cleaned for display. */
  name: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: isoDateTimeSchema,
  /** Marked by the reviewer when rejecting: this file is the problem. */
  rejected: z.boolean(),
});
export type CandidateDocument = z.infer<typeof documentSchema>;

/** What may be uploaded: the number of files and the size limit of each kind, in bytes. */
export const documentLimitsSchema = z.object({
  maxFiles: z.number().int(),
  maxBytes: z.record(documentKindSchema, z.number().int()),
});
export type DocumentLimits = z.infer<typeof documentLimitsSchema>;

/** 身份认证 as the candidate sees it. */
export const myIdentityReviewSchema = z.object({
  status: identityStatusSchema,
  /** Why it was rejected (未通过), for the candidate to fix. */
  reason: z.string().nullable(),
  submittedAt: isoDateTimeSchema.nullable(),
  reviewedAt: isoDateTimeSchema.nullable(),
  /** Upload and delete are allowed (draft or rejected). */
  editable: z.boolean(),
  documents: z.array(documentSchema),
  limits: documentLimitsSchema,
});
export type MyIdentityReview = z.infer<typeof myIdentityReviewSchema>;

export const getMyDocuments = defineRoute({
  method: 'GET',
  path: '/api/me/documents',
  summary: "The candidate's identity documents and their review status (身份认证)",
  tags: ['documents'],
  access: ['candidate'],
  policy: { foreign: 'hidden' },
  response: myIdentityReviewSchema,
});

export const uploadMyDocument = defineRoute({
  method: 'POST',
  path: '/api/me/documents',
  summary:
    'Upload one document (raw body); the type is judged by content, the size by the limit of that type',
  tags: ['documents'],
  access: ['candidate'],
  policy: { foreign: 'none' },
  upload: true,
  query: uploadQuerySchema,
  response: myIdentityReviewSchema,
});

export const documentParamsSchema = z.strictObject({ documentId: idSchema });

export const deleteMyDocument = defineRoute({
  method: 'DELETE',
  path: '/api/me/documents/:documentId',
  summary: 'Delete one of your documents before submitting (or after a rejection)',
  tags: ['documents'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: documentParamsSchema,
  response: myIdentityReviewSchema,
});

export const submitMyDocuments = defineRoute({
  method: 'POST',
  path: '/api/me/documents/submit',
  summary: '提交审核: submit the uploaded documents for review (again after a rejection)',
  tags: ['documents'],
  access: ['candidate'],
  policy: { foreign: 'none' },
  response: myIdentityReviewSchema,
});

/** Binary: one of the candidate's own documents. */
export const MY_DOCUMENT_FILE_PATH = '/api/me/documents/:documentId/file';
/** Binary: a document for a reviewer; images and PDF inline, others as a download. */
export const REVIEW_DOCUMENT_FILE_PATH = '/api/admin/documents/:documentId/file';
/** Binary: a candidate's reference photo for a reviewer. */
export const REVIEW_CANDIDATE_PHOTO_PATH = '/api/admin/candidates/:userId/photo';

export const reviewSummarySchema = z.object({
  userId: idSchema,
  candidateName: z.string(),
  maskedIdNumber: z.string().nullable(),
  collegeName: z.string().nullable(),
  state: reviewStateSchema,
  submittedAt: isoDateTimeSchema.nullable(),
  reviewedAt: isoDateTimeSchema.nullable(),
  documentCount: z.number().int(),
});
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

export const listReviewsQuerySchema = pagingQuerySchema.extend({
  state: reviewStateSchema.default('pending'),
  q: z.string().trim().max(64).optional(),
});

export const listReviews = defineRoute({
  method: 'GET',
  path: '/api/admin/reviews',
  summary: 'The document review queue (pending first-come first-served); q searches name and ID',
  tags: ['documents'],
  access: REVIEWERS,
  policy: { foreign: 'hidden' },
  query: listReviewsQuerySchema,
  response: z.object({ items: z.array(reviewSummarySchema), total: z.number().int() }),
});

export const reviewDetailSchema = reviewSummarySchema.extend({
  phone: z.string().nullable(),
  hasPhoto: z.boolean(),
  reason: z.string().nullable(),
  reviewerName: z.string().nullable(),
  documents: z.array(documentSchema),
});
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

export const reviewParamsSchema = z.strictObject({ userId: idSchema });

export const myDocumentFile = defineDownload({
  method: 'GET',
  path: MY_DOCUMENT_FILE_PATH,
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: documentParamsSchema,
});
export const reviewDocumentFile = defineDownload({
  method: 'GET',
  path: REVIEW_DOCUMENT_FILE_PATH,
  access: REVIEWERS,
  policy: { foreign: 'NOT_FOUND' },
  params: documentParamsSchema,
});
export const reviewCandidatePhotoFile = defineDownload({
  method: 'GET',
  path: REVIEW_CANDIDATE_PHOTO_PATH,
  access: REVIEWERS,
  policy: { foreign: 'NOT_FOUND' },
  params: reviewParamsSchema,
});

export const getReview = defineRoute({
  method: 'GET',
  path: '/api/admin/reviews/:userId',
  summary: "One candidate's documents and review",
  tags: ['documents'],
  access: REVIEWERS,
  policy: { foreign: 'NOT_FOUND' },
  params: reviewParamsSchema,
  response: reviewDetailSchema,
});

export const approveReview = defineRoute({
  method: 'POST',
  path: '/api/admin/reviews/:userId/approve',
  summary: 'Approve (审核通过) a pending submission',
  tags: ['documents'],
  access: REVIEWERS,
  policy: { foreign: 'NOT_FOUND' },
  params: reviewParamsSchema,
  response: reviewDetailSchema,
});

export const rejectReviewBodySchema = z.strictObject({
  reason: z.string().trim().min(1).max(500),
  /** The files that are the problem, marked for the candidate. */
  documentIds: z.array(idSchema).max(10).default([]),
});

export const rejectReview = defineRoute({
  method: 'POST',
  path: '/api/admin/reviews/:userId/reject',
  summary: 'Reject (未通过) a pending submission with a reason the candidate sees',
  tags: ['documents'],
  access: REVIEWERS,
  policy: { foreign: 'NOT_FOUND' },
  params: reviewParamsSchema,
  body: rejectReviewBodySchema,
  response: reviewDetailSchema,
});
