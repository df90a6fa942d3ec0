// The browser face engine: Human in a Web Worker, models and WASM served by our own server
// (server/plugins/vision-assets.ts).
import type { BrowserFaceEngine, FaceEngineInfo, FrameMeasurement } from './face-engine.js';
import type { FaceWorkerRequest, FaceWorkerResponse } from './face-worker-protocol.js';

export const HUMAN_MODEL_BASE_PATH = '/vendor/human/models/';
export const TFJS_WASM_PATH = '/vendor/tfjs-wasm/';

type Pending = { resolve: (response: FaceWorkerResponse) => void; reject: (error: Error) => void };

// Distributes Omit over the union, so each request keeps its own fields.
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Starts the worker; `load()` must succeed before `measure()`. */
export function createHumanFaceEngine(): BrowserFaceEngine {
  const worker = new Worker(new URL('./face-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let broken: Error | null = null;

  const failAll = (error: Error) => {
    broken = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<FaceWorkerResponse>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (!waiting) return;
    if (event.data.type === 'error') waiting.reject(new Error(event.data.message));
    else waiting.resolve(event.data);
  };
  worker.onerror = (event) => failAll(new Error(event.message || 'face worker failed'));

  const send = (request: WithoutId<FaceWorkerRequest>, transfer: Transferable[] = []) =>
    new Promise<FaceWorkerResponse>((resolve, reject) => {
      if (broken) {
        reject(broken);
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id }, transfer);
    });

  return {
    async load(): Promise<FaceEngineInfo> {
      const response = await send({
        type: 'load',
        modelBasePath: new URL(HUMAN_MODEL_BASE_PATH, location.href).href,
        wasmPath: new URL(TFJS_WASM_PATH, location.href).href,
      });
      if (response.type !== 'loaded') throw new Error('face worker: unexpected answer');
      return response.info;
    },
    async measure(frame: ImageBitmap, at: number): Promise<FrameMeasurement> {
      const response = await send({ type: 'measure', frame }, [frame]);
      if (response.type !== 'measured') throw new Error('face worker: unexpected answer');
      return {
        at,
        width: response.width,
        height: response.height,
        faces: response.faces,
        engineMs: response.engineMs,
      };
    },
    dispose(): void {
      failAll(new Error('face engine closed'));
      worker.terminate();
    },
  };
}
