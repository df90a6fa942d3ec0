import type { Config } from '@vladmandic/human';

export interface FaceOnlyOptions {
  modelBasePath: string;
  wasmPath: string;
  maxFaces: number;
  /** Iris landmarks, for the eyelids of a blink (the browser's liveness check). */
  iris: boolean;
  /** The face embedding, for matching (the server). */
  embedding: boolean;
}

/**
 * Human on the tfjs WASM backend with only the face models the check-in uses, shared by the
 * server engine, the browser's face worker and the fixture tools. Every frame is judged on its
 * own: no result caching and no skipped frames (a cached result would hide a blink, and every
 * snapshot is a new picture).
 */
export function faceOnlyHumanConfig(options: FaceOnlyOptions): Partial<Config> {
  const everyFrame = { skipFrames: 0, skipTime: 0 };
  return {
    backend: 'wasm',
    modelBasePath: options.modelBasePath,
    wasmPath: options.wasmPath,
    debug: false,
    cacheSensitivity: 0,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: {
        rotation: true,
        maxDetected: options.maxFaces,
        minConfidence: 0.5,
        ...everyFrame,
      },
      mesh: { enabled: true },
      iris: { enabled: options.iris, ...everyFrame },
      description: { enabled: options.embedding, ...everyFrame },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      attention: { enabled: false },
      gear: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  };
}

/**
 * How open one eye is: the lid gap over the eye region's height, the measure behind Human's own
 * 'blink … eye' gesture. Null without a full face mesh.
 */
export function eyeOpenness(
  mesh: readonly (readonly (number | undefined)[])[],
  side: 'left' | 'right',
): number | null {
  if (mesh.length < 468) return null;
  const [lidA, lidB, rimA, rimB] = side === 'left' ? [374, 386, 443, 450] : [145, 159, 223, 230];
  const y = (index: number) => mesh[index]?.[1] ?? 0;
  const rim = Math.abs(y(rimA) - y(rimB));
  return rim > 0 ? Math.abs(y(lidA) - y(lidB)) / rim : null;
}
