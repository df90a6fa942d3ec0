// Server-side face verification of one live snapshot against a reference: quality gates first
// (exactly one face, big enough, frontal), then the embedding and its similarity to the reference.
// The verdict is a fact for staff, never proof: see docs/face-checks.md.
import type { FaceVerdict as CheckInFaceVerdict } from '../../shared/enums.js';
import type { DetectedFace, FaceEngine } from './face-engine.js';
import { decodeImage } from './image-codec.js';

/** Every verdict but `liveness_failed`, which the browser's challenge decides, not the engine. */
export type FaceVerdict = Exclude<CheckInFaceVerdict, 'liveness_failed'>;

/**
 * What the snapshot is compared with: a photo (roster photo, approved ID document) whose
 * embedding is computed once per file id and cached, or an embedding stored earlier (the passed
 * check-in snapshot, for re-checks in the same exam). `null` when the candidate has none.
 */
export type ReferenceFace =
  | { readonly kind: 'photo'; readonly fileId: string; readonly bytes: Uint8Array }
  | { readonly kind: 'embedding'; readonly embedding: readonly number[] }
  | null;

export interface FaceGates {
  /** Smallest accepted face box (Human's mesh box, wider than the visible face), in pixels. */
  readonly minFaceSizePx: number;
  /** Largest accepted head turn (left/right), degrees. */
  readonly maxYawDeg: number;
  /** Largest accepted head tilt (up/down), degrees. */
  readonly maxPitchDeg: number;
}

export const DEFAULT_FACE_GATES: FaceGates = { minFaceSizePx: 150, maxYawDeg: 20, maxPitchDeg: 25 };

/** Default match threshold on the 0..1 similarity (docs/face-checks.md says how it was chosen). */
export const DEFAULT_MATCH_THRESHOLD = 0.65;

export interface FaceQuality {
  /** Faces found in the snapshot. */
  readonly faces: number;
  /** Box side of the (largest) face in pixels, or null without a face. */
  readonly faceSizePx: number | null;
  readonly yawDeg: number | null;
  readonly pitchDeg: number | null;
  readonly imageWidth: number;
  readonly imageHeight: number;
}

export interface FaceVerification {
  readonly verdict: FaceVerdict;
  /** Similarity to the reference 0..1, or null when no comparison was made. */
  readonly score: number | null;
  readonly threshold: number;
  readonly quality: FaceQuality;
  /** The snapshot's embedding (one face only); store it on a match as the next reference. */
  readonly embedding: number[] | null;
  /** Why a reference photo could not be used, when the verdict is `no_reference`. */
  readonly referenceProblem: 'missing' | 'no_face_in_photo' | null;
}

// Reference photos are embedded once per stored file (a roster photo is checked many times).
const REFERENCE_CACHE_LIMIT = 256;
const referenceCache = new Map<string, Promise<number[] | null>>();

/** The biggest face of a picture (the candidate nearest the camera). */
export function largest(faces: readonly DetectedFace[]): DetectedFace | undefined {
  return faces.reduce<DetectedFace | undefined>(
    (best, face) => (!best || face.box.width > best.box.width ? face : best),
    undefined,
  );
}

/**
 * Embedding of the largest face of a reference photo. No size gate: an ID-card photo is small.
 * Null when the photo shows no face.
 */
export async function describeReferencePhoto(
  engine: FaceEngine,
  fileId: string,
  bytes: Uint8Array,
): Promise<number[] | null> {
  const cached = referenceCache.get(fileId);
  if (cached) return cached;
  const pending = engine.describe(decodeImage(bytes)).then((faces) => {
    const embedding = largest(faces)?.embedding;
    return embedding ? [...embedding] : null;
  });
  referenceCache.set(fileId, pending);
  pending.catch(() => referenceCache.delete(fileId));
  if (referenceCache.size > REFERENCE_CACHE_LIMIT) {
    const oldest = referenceCache.keys().next().value;
    if (oldest !== undefined) referenceCache.delete(oldest);
  }
  return pending;
}

async function referenceEmbedding(
  engine: FaceEngine,
  reference: ReferenceFace,
): Promise<{ embedding: readonly number[] } | { problem: 'missing' | 'no_face_in_photo' }> {
  if (!reference) return { problem: 'missing' };
  if (reference.kind === 'embedding') {
    return reference.embedding.length ? { embedding: reference.embedding } : { problem: 'missing' };
  }
  const embedding = await describeReferencePhoto(engine, reference.fileId, reference.bytes);
  return embedding ? { embedding } : { problem: 'no_face_in_photo' };
}

function gateVerdict(faces: readonly DetectedFace[], gates: FaceGates): FaceVerdict | null {
  const [face] = faces;
  if (!face) return 'no_face';
  if (faces.length > 1) return 'multiple_faces';
  if (face.box.width < gates.minFaceSizePx) return 'face_too_small';
  if (Math.abs(face.yaw) > gates.maxYawDeg || Math.abs(face.pitch) > gates.maxPitchDeg) {
    return 'not_frontal';
  }
  return null;
}

export interface SnapshotAnalysis {
  readonly quality: FaceQuality;
  /** The quality gate the snapshot failed, or null when it may be compared. */
  readonly failedGate: FaceVerdict | null;
  /** The embedding of its only face, when it passed the gates. */
  readonly embedding: number[] | null;
}

/**
 * The live half of a check: decode, find the faces, apply the quality gates, describe the face.
 * Throws `UnsupportedImageError` when the snapshot cannot be decoded.
 */
export async function analyseSnapshot(
  engine: FaceEngine,
  snapshot: Uint8Array,
  gates: FaceGates = DEFAULT_FACE_GATES,
): Promise<SnapshotAnalysis> {
  const image = decodeImage(snapshot);
  const faces = await engine.describe(image);
  const main = largest(faces);
  const quality: FaceQuality = {
    faces: faces.length,
    faceSizePx: main ? Math.round(main.box.width) : null,
    yawDeg: main?.yaw ?? null,
    pitchDeg: main?.pitch ?? null,
    imageWidth: image.width,
    imageHeight: image.height,
  };
  const embedding = faces.length === 1 && main?.embedding ? [...main.embedding] : null;
  const failedGate = gateVerdict(faces, gates) ?? (embedding ? null : 'no_face');
  return { quality, failedGate, embedding: failedGate ? null : embedding };
}

/**
 * Verifies a live snapshot (PNG or JPEG bytes) against a reference. Throws
 * `UnsupportedImageError` when the snapshot cannot be decoded.
 */
export async function verifyFace(
  engine: FaceEngine,
  snapshot: Uint8Array,
  reference: ReferenceFace,
  threshold: number = DEFAULT_MATCH_THRESHOLD,
  gates: FaceGates = DEFAULT_FACE_GATES,
): Promise<FaceVerification> {
  const { quality, failedGate, embedding } = await analyseSnapshot(engine, snapshot, gates);
  const result = { score: null, threshold, quality, embedding, referenceProblem: null };
  if (failedGate || !embedding) return { ...result, verdict: failedGate ?? 'no_face' };

  const resolved = await referenceEmbedding(engine, reference);
  if ('problem' in resolved) {
    return { ...result, verdict: 'no_reference', referenceProblem: resolved.problem };
  }
  const score = engine.compare(embedding, resolved.embedding);
  return { ...result, score, verdict: score >= threshold ? 'match' : 'mismatch' };
}
