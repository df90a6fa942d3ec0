// The server's face engine, behind a small interface so it can be replaced (docs/design.md
// "Vision"): @vladmandic/human on the tfjs WASM backend finds the faces, their mesh and head
// angles; dlib's ResNet descriptor (weights from @vladmandic/face-api, run on the same tfjs)
// describes each face, since it separates different photos of one person far better than Human's
// own `faceres` (docs/face-checks.md). The engine detects, describes and compares.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type * as Tf from '@tensorflow/tfjs-core';
import type { Config, Human } from '@vladmandic/human';
import type { RgbImage, Rect } from './raster.js';
import { faceOnlyHumanConfig } from '../../shared/vision/human-config.js';
import {
  descriptorDistance,
  faceCropFromMesh,
  loadResnetDescriptor,
  type ResnetDescriptor,
} from './resnet-descriptor.js';

/** One face found in a picture. Angles in degrees; 0/0 is looking straight at the camera. */
export interface DetectedFace {
  /** Bounding box in pixels of the analysed picture. */
  readonly box: Rect;
  /** Detector confidence, 0..1. */
  readonly score: number;
  /** Left-right head turn. */
  readonly yaw: number;
  /** Up-down head tilt. */
  readonly pitch: number;
  readonly roll: number;
  /** Face descriptor (128 values); present only from `describe`, and only with a full mesh. */
  readonly embedding: readonly number[] | null;
}

export interface FaceEngine {
  readonly name: string;
  /** Loads models and warms up; safe to call many times. Other calls load lazily anyway. */
  load(): Promise<void>;
  /** Faces with box and head angles, without embeddings (cheaper). */
  detect(image: RgbImage): Promise<DetectedFace[]>;
  /** Faces with box, angles and an embedding each. */
  describe(image: RgbImage): Promise<DetectedFace[]>;
  /** Similarity of two embeddings, 0 (different) .. 1 (identical). */
  compare(a: readonly number[], b: readonly number[]): number;
}

const require = createRequire(import.meta.url);

// Resolved through Node's resolver, so this works from the source and from the esbuild bundle in
// dist/server alike (node_modules stays external). `@vladmandic/human`'s exports map only exposes
// the tfjs-node build, so the WASM build is loaded by absolute path next to it.
function humanPaths(): { humanWasmBuild: string; models: string; wasmDir: string } {
  const humanDist = dirname(require.resolve('@vladmandic/human'));
  const wasmDist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  return {
    humanWasmBuild: join(humanDist, 'human.node-wasm.js'),
    models: join(humanDist, '..', 'models'),
    wasmDir: wasmDist,
  };
}

type HumanModule = typeof import('@vladmandic/human');
export interface LoadedHuman {
  readonly human: Human;
  readonly tf: typeof Tf;
}

/** Node's fetch cannot read file:// URLs; tfjs asks its IO routers first, so one reads the disk. */
function registerFileModelRouter(tf: typeof Tf, modelsDir: string): void {
  const prefix = pathToFileURL(modelsDir).href;
  const router = (url: string | string[]): Tf.io.IOHandler | null => {
    if (typeof url !== 'string' || !url.startsWith(prefix)) return null;
    const path = fileURLToPath(url);
    return {
      load: async () => {
        const json: unknown = JSON.parse(await readFile(path, 'utf8'));
        return tf.io.getModelArtifactsForJSON(json as Tf.io.ModelJSON, async (manifest) => {
          const buffers = await Promise.all(
            manifest.flatMap((group) =>
              group.paths.map((file) => readFile(join(dirname(path), file))),
            ),
          );
          const weights = tf.io.getWeightSpecs(manifest);
          const all = Buffer.concat(buffers);
          return [weights, all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength)];
        });
      },
    };
  };
  // tfjs declares routers as never returning null, but null is how a router declines a URL.
  tf.io.registerLoadRouter(router as Parameters<typeof tf.io.registerLoadRouter>[0]);
}

const toDegrees = (radians: number | undefined): number =>
  Math.round(((radians ?? 0) * 180) / Math.PI);

/** Runs one job at a time: two inferences at once only slow each other down on the WASM backend. */
function createSerialQueue(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * Human's WASM build in Node with the face models the check-in uses, its models read from the
 * npm package on disk. Also used by the fixture tools (e2e/fixtures/faces/liveness-measure.ts).
 */
export async function loadNodeHuman(options: {
  iris: boolean;
  embedding: boolean;
  config?: Partial<Config>;
}): Promise<LoadedHuman> {
  const paths = humanPaths();
  const module = require(paths.humanWasmBuild) as HumanModule;
  const human = new module.Human({
    ...faceOnlyHumanConfig({
      modelBasePath: pathToFileURL(paths.models).href + '/',
      wasmPath: paths.wasmDir + '/',
      maxFaces: 4,
      iris: options.iris,
      embedding: options.embedding,
    }),
    // Models are read from disk, not a browser cache.
    cacheModels: false,
    ...options.config,
  });
  // Human types its tfjs instance `any`; it is @tensorflow/tfjs-core 4.22 (a peer in our tree).
  const tf = human.tf as typeof Tf;
  registerFileModelRouter(tf, paths.models);
  await human.load();
  return { human, tf };
}

export interface HumanFaceEngineOptions {
  /** Overrides merged into the server configuration (tests, benchmarks). */
  readonly config?: Partial<Config>;
}

interface LoadedEngine extends LoadedHuman {
  readonly descriptor: ResnetDescriptor;
}

export function createHumanFaceEngine(options: HumanFaceEngineOptions = {}): FaceEngine {
  const serial = createSerialQueue();
  let loading: Promise<LoadedEngine> | undefined;

  async function loadEngine(): Promise<LoadedEngine> {
    const loaded = await loadNodeHuman({ iris: false, embedding: false, config: options.config });
    await loaded.human.warmup({ warmup: 'face' });
    return { ...loaded, descriptor: await loadResnetDescriptor(loaded.tf) };
  }

  function ready(): Promise<LoadedEngine> {
    loading ??= loadEngine().catch((error: unknown) => {
      loading = undefined; // let a later call retry
      throw error;
    });
    return loading;
  }

  async function analyse(image: RgbImage, withEmbedding: boolean): Promise<DetectedFace[]> {
    const { human, tf, descriptor } = await ready();
    return serial(async () => {
      const input = tf.tensor4d(image.data, [1, image.height, image.width, 3], 'int32');
      try {
        const result = await human.detect(input);
        if (result.error) throw new Error(`face engine: ${result.error}`);
        const faces: DetectedFace[] = [];
        for (const face of result.face) {
          const [x, y, width, height] = face.box;
          const angle = face.rotation?.angle;
          const crop = withEmbedding ? faceCropFromMesh(face.mesh) : null;
          faces.push({
            box: { x, y, width, height },
            score: face.score,
            yaw: toDegrees(angle?.yaw),
            pitch: toDegrees(angle?.pitch),
            roll: toDegrees(angle?.roll),
            embedding: crop ? await descriptor.describe(input, crop) : null,
          });
        }
        return faces;
      } finally {
        tf.dispose(input);
      }
    });
  }

  return {
    name: 'human-wasm + dlib-resnet',
    load: async () => {
      await ready();
    },
    detect: (image) => analyse(image, false),
    describe: (image) => analyse(image, true),
    compare: descriptorSimilarity,
  };
}

/**
 * Descriptor distance at which the similarity is 0.65, the default threshold: the distance that
 * kept false accepts ≤ 0.1 % on the tuning half of face-dev (docs/face-checks.md).
 */
export const DISTANCE_AT_DEFAULT_THRESHOLD = 0.395;

/**
 * The 0..1 similarity of two descriptors: 1 − distance × 0.35 / DISTANCE_AT_DEFAULT_THRESHOLD,
 * clamped, so identical faces score 1, the tuned distance 0.65 and dlib's own LFW threshold (0.6)
 * about 0.46. Descriptors of different lengths (stored by an older engine) score 0.
 */
export function descriptorSimilarity(a: readonly number[], b: readonly number[]): number {
  const distance = descriptorDistance(a, b);
  if (!Number.isFinite(distance)) return 0;
  return Math.max(0, Math.min(1, 1 - (distance * 0.35) / DISTANCE_AT_DEFAULT_THRESHOLD));
}

let sharedEngine: FaceEngine | undefined;

/** The process-wide engine (lazy; models load on first use, about a second on 2 cores). */
export function getFaceEngine(): FaceEngine {
  sharedEngine ??= createHumanFaceEngine();
  return sharedEngine;
}
