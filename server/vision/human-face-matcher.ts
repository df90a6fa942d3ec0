import type { FaceMatcher } from '../check-in/face-matcher-port.js';
import { AppError } from '../errors/app-error.js';
import { getFaceEngine, type FaceEngine } from './face-engine.js';
import { analyseSnapshot, verifyFace } from './face-verifier.js';
import { UnsupportedImageError } from './image-codec.js';

/** The check-in's FaceMatcher on top of the Human engine (loaded on the first face check). */
export function createHumanFaceMatcher(engine: () => FaceEngine = getFaceEngine): FaceMatcher {
  return {
    async match(snapshot, reference, threshold) {
      try {
        const verification = await verifyFace(engine(), snapshot, reference, threshold);
        const { quality } = verification;
        return {
          verdict: verification.verdict,
          score: verification.score,
          embedding: verification.embedding,
          quality: {
            faces: quality.faces,
            faceSizePx: quality.faceSizePx,
            yawDegrees: quality.yawDeg,
            pitchDegrees: quality.pitchDeg,
          },
        };
      } catch (error) {
        if (error instanceof UnsupportedImageError) throw AppError.of('IMAGE_UNREADABLE');
        throw error;
      }
    },
    async describe(snapshot) {
      try {
        return (await analyseSnapshot(engine(), snapshot)).embedding;
      } catch (error) {
        if (error instanceof UnsupportedImageError) return null;
        throw error;
      }
    },
  };
}
