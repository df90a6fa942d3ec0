import type { FaceCheckResult } from '../../shared/api/check-in.js';

/** One verification photo taken on the phone (拍照验证, docs/journeys.md J3). */
export interface PhoneFaceCheckInput {
  registrationId: string;
  schoolId: string;
  userId: string;
  source: 'phone';
  /** The snapshot as the phone sent it: base64 without a data: prefix. */
  image: string;
  /** The phone takes a plain photo, without the active liveness challenge of the PC. */
  liveness: null;
  clientAddress: string | null;
}

/**
 * The check-in's face check as the phone uses it (server/check-in/face-check-service.ts): it
 * stores the snapshot and the face_check row (source `phone`, created at the injected clock's
 * time), compares it with the reference like the PC check, audits and publishes the change.
 */
export interface PhoneFaceChecks {
  check(input: PhoneFaceCheckInput): Promise<{ result: FaceCheckResult; passed: boolean }>;
}
