// The face worker: Human on the tfjs WASM backend, off the main thread so the preview stays smooth.
// Only the face detector, mesh and iris run (head angles and eyelids); no embedding in the browser:
// the server compares faces.
import type * as Tf from '@tensorflow/tfjs-core';
import { Human, type FaceResult } from '@vladmandic/human';
import { eyeOpenness, faceOnlyHumanConfig } from '../../shared/vision/human-config.js';
import type { FaceMeasurement } from './face-engine.js';
import type { FaceWorkerRequest, FaceWorkerResponse } from './face-worker-protocol.js';

// The DOM library types `self` as a window; in a dedicated worker it is this much.
interface WorkerScope {
  onmessage: ((event: MessageEvent<FaceWorkerRequest>) => void) | null;
  postMessage(message: FaceWorkerResponse): void;
}
const scope = self as unknown as WorkerScope;
let human: Human | null = null;

const SHARPNESS_SIZE = 96;
let sharpnessCanvas: OffscreenCanvas | null = null;

/** Variance of a 4-neighbour Laplacian over the face, scaled to a fixed size so faces compare. */
function faceSharpness(frame: ImageBitmap, box: FaceResult['box']): number {
  sharpnessCanvas ??= new OffscreenCanvas(SHARPNESS_SIZE, SHARPNESS_SIZE);
  const context = sharpnessCanvas.getContext('2d', { willReadFrequently: true });
  if (!context) return 0;
  const [x, y, width, height] = box;
  context.drawImage(frame, x, y, width, height, 0, 0, SHARPNESS_SIZE, SHARPNESS_SIZE);
  const { data } = context.getImageData(0, 0, SHARPNESS_SIZE, SHARPNESS_SIZE);
  const gray = new Float32Array(SHARPNESS_SIZE * SHARPNESS_SIZE);
  for (let i = 0; i < gray.length; i++) {
    gray[i] =
      0.299 * (data[i * 4] ?? 0) + 0.587 * (data[i * 4 + 1] ?? 0) + 0.114 * (data[i * 4 + 2] ?? 0);
  }
  let sum = 0;
  let sumSquares = 0;
  let count = 0;
  const at = (px: number, py: number) => gray[py * SHARPNESS_SIZE + px] ?? 0;
  for (let py = 1; py < SHARPNESS_SIZE - 1; py++) {
    for (let px = 1; px < SHARPNESS_SIZE - 1; px++) {
      const laplacian =
        at(px - 1, py) + at(px + 1, py) + at(px, py - 1) + at(px, py + 1) - 4 * at(px, py);
      sum += laplacian;
      sumSquares += laplacian * laplacian;
      count += 1;
    }
  }
  const mean = sum / count;
  return sumSquares / count - mean * mean;
}

const degrees = (radians: number | undefined) => ((radians ?? 0) * 180) / Math.PI;

function toMeasurement(face: FaceResult, frame: ImageBitmap): FaceMeasurement {
  const [x, y, width, height] = face.box;
  const angle = face.rotation?.angle;
  return {
    box: { x, y, width, height },
    score: face.score,
    yawDegrees: degrees(angle?.yaw),
    pitchDegrees: degrees(angle?.pitch),
    eyeOpenness: { left: eyeOpenness(face.mesh, 'left'), right: eyeOpenness(face.mesh, 'right') },
    sharpness: faceSharpness(frame, face.box),
  };
}

async function handle(request: FaceWorkerRequest): Promise<FaceWorkerResponse> {
  switch (request.type) {
    case 'load': {
      const started = performance.now();
      human ??= new Human({
        ...faceOnlyHumanConfig({
          modelBasePath: request.modelBasePath,
          wasmPath: request.wasmPath,
          maxFaces: 3,
          iris: true,
          embedding: false,
        }),
        async: true,
        warmup: 'none',
      });
      await human.load();
      await human.init();
      // Human types its tfjs instance `any`; it is the tfjs-core 4.22 bundled in its ESM build.
      const backend = (human.tf as typeof Tf).getBackend();
      // Human falls back to another backend silently; only WASM is measured and supported here.
      if (backend !== 'wasm') throw new Error(`face engine backend ${backend}`);
      return {
        type: 'loaded',
        id: request.id,
        info: { backend: 'wasm', loadMs: Math.round(performance.now() - started) },
      };
    }
    case 'measure': {
      const frame = request.frame;
      try {
        if (!human) throw new Error('face engine not loaded');
        const started = performance.now();
        const result = await human.detect(frame);
        if (result.error) throw new Error(result.error);
        return {
          type: 'measured',
          id: request.id,
          width: frame.width,
          height: frame.height,
          faces: result.face.map((face) => toMeasurement(face, frame)),
          engineMs: performance.now() - started,
        };
      } finally {
        frame.close();
      }
    }
  }
}

scope.onmessage = (event: MessageEvent<FaceWorkerRequest>) => {
  const request = event.data;
  handle(request).then(
    (response) => scope.postMessage(response),
    (error: unknown) =>
      scope.postMessage({
        type: 'error',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      } satisfies FaceWorkerResponse),
  );
};
