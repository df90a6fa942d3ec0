// Messages between the page and the face worker (one request at a time, matched by id).
import type { FaceEngineInfo, FaceMeasurement } from './face-engine.js';

export type FaceWorkerRequest =
  | { type: 'load'; id: number; modelBasePath: string; wasmPath: string }
  | { type: 'measure'; id: number; frame: ImageBitmap };

export type FaceWorkerResponse =
  | { type: 'loaded'; id: number; info: FaceEngineInfo }
  | {
      type: 'measured';
      id: number;
      width: number;
      height: number;
      faces: FaceMeasurement[];
      engineMs: number;
    }
  | { type: 'error'; id: number; message: string };
