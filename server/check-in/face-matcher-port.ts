import type { FaceQuality } from '../../shared/api/check-in.js';
import type { FaceVerdict } from '../../shared/enums.js';

/** What a face check is compared with: a stored photo, or the embedding of a passed snapshot. */
export type FaceReference =
  { kind: 'photo'; fileId: string; bytes: Uint8Array } | { kind: 'embedding'; embedding: number[] };

export interface FaceMatch {
  verdict: Exclude<FaceVerdict, 'liveness_failed'>;
  /** Similarity 0..1 with the reference; null when the snapshot had no usable face. */
  score: number | null;
  quality: FaceQuality;
  /** The snapshot's embedding, kept when it passes as the reference for later re-checks. */
  embedding: number[] | null;
}

/**
 * Compares a snapshot with a reference. The check-in only depends on this port: the Human engine
 * (server/vision) implements it, and tests may pass their own.
 */
export interface FaceMatcher {
  match(snapshot: Uint8Array, reference: FaceReference, threshold: number): Promise<FaceMatch>;
  /**
   * The embedding of a stored snapshot's only face when it passes the quality gates (null
   * otherwise): a snapshot staff confirmed becomes the reference for later re-checks.
   */
  describe(snapshot: Uint8Array): Promise<number[] | null>;
}
