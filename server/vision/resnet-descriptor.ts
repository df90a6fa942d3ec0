// The 128-value face descriptor of dlib's ResNet-29 ("dlib_face_recognition_resnet_model_v1"), as
// shipped with its weights in `@vladmandic/face-api` (model/face_recognition_model.*). Only the
// weights are taken from that package: the network is run here on the tfjs instance Human already
// loaded (WASM backend), so the server keeps one tfjs and one backend. The layers follow
// face-api's FaceRecognitionNet: a 7×7 stride-2 convolution, max pooling, 14 residual blocks
// (four of them halve the size), global average pooling and a 256→128 projection. Two faces are
// the same person when the Euclidean distance of their descriptors is small (dlib: < 0.6 on LFW).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Tf from '@tensorflow/tfjs-core';

const require = createRequire(import.meta.url);
const INPUT_SIZE = 150;
const MEAN_RGB = [122.782, 117.001, 104.298] as const;

type Tensor4D = Tf.Tensor4D;
interface ConvLayer {
  readonly filters: Tf.Tensor4D;
  readonly bias: Tf.Tensor1D;
  readonly scaleWeights: Tf.Tensor1D;
  readonly scaleBiases: Tf.Tensor1D;
}
interface ResidualBlock {
  readonly conv1: ConvLayer;
  readonly conv2: ConvLayer;
}

/** The blocks after the first convolution, in order; `down` halves the picture. */
const BLOCKS: readonly { readonly name: string; readonly down: boolean }[] = [
  { name: 'conv32_1', down: false },
  { name: 'conv32_2', down: false },
  { name: 'conv32_3', down: false },
  { name: 'conv64_down', down: true },
  { name: 'conv64_1', down: false },
  { name: 'conv64_2', down: false },
  { name: 'conv64_3', down: false },
  { name: 'conv128_down', down: true },
  { name: 'conv128_1', down: false },
  { name: 'conv128_2', down: false },
  { name: 'conv256_down', down: true },
  { name: 'conv256_1', down: false },
  { name: 'conv256_2', down: false },
  { name: 'conv256_down_out', down: true },
];

/** The square of the picture the descriptor sees, turned by `angleDegrees` about its centre. */
export interface FaceCrop {
  readonly centreX: number;
  readonly centreY: number;
  readonly side: number;
  /** Clockwise turn that makes the eyes level. */
  readonly angleDegrees: number;
}

export interface ResnetDescriptor {
  /** Descriptor of the face in `crop` of the picture, resized to 150×150. */
  describe(picture: Tf.Tensor4D, crop: FaceCrop): Promise<number[]>;
}

function modelFiles(): { manifest: string; weights: string } {
  const faceApiDir = dirname(require.resolve('@vladmandic/face-api/package.json'));
  return {
    manifest: join(faceApiDir, 'model', 'face_recognition_model-weights_manifest.json'),
    weights: join(faceApiDir, 'model', 'face_recognition_model.bin'),
  };
}

async function loadWeights(tf: typeof Tf): Promise<Tf.NamedTensorMap> {
  const files = modelFiles();
  const manifest = JSON.parse(
    await readFile(files.manifest, 'utf8'),
  ) as Tf.io.WeightsManifestConfig;
  const bytes = await readFile(files.weights);
  const specs = manifest.flatMap((group) => group.weights);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return tf.io.decodeWeights(buffer, specs);
}

function pick(weights: Tf.NamedTensorMap, name: string): Tf.Tensor {
  const tensor = weights[name];
  if (!tensor) throw new Error(`face descriptor weights lack ${name}`);
  return tensor;
}

function convLayer(weights: Tf.NamedTensorMap, prefix: string): ConvLayer {
  return {
    filters: pick(weights, `${prefix}/conv/filters`) as Tf.Tensor4D,
    bias: pick(weights, `${prefix}/conv/bias`) as Tf.Tensor1D,
    scaleWeights: pick(weights, `${prefix}/scale/weights`) as Tf.Tensor1D,
    scaleBiases: pick(weights, `${prefix}/scale/biases`) as Tf.Tensor1D,
  };
}

/** Loads the weights from the npm package (6.4 MB) into tensors of the given tfjs instance. */
export async function loadResnetDescriptor(tf: typeof Tf): Promise<ResnetDescriptor> {
  const weights = await loadWeights(tf);
  const first = convLayer(weights, 'conv32_down');
  const blocks = BLOCKS.map(({ name, down }) => ({
    down,
    block: {
      conv1: convLayer(weights, `${name}/conv1`),
      conv2: convLayer(weights, `${name}/conv2`),
    } satisfies ResidualBlock,
  }));
  const projection = pick(weights, 'fc') as Tf.Tensor2D;

  const conv = (
    x: Tensor4D,
    layer: ConvLayer,
    stride: 1 | 2,
    relu: boolean,
    padding: 'same' | 'valid',
  ): Tensor4D => {
    const convolved = tf.add(tf.conv2d(x, layer.filters, stride, padding), layer.bias);
    const scaled = tf.add<Tensor4D>(tf.mul(convolved, layer.scaleWeights), layer.scaleBiases);
    return relu ? tf.relu(scaled) : scaled;
  };

  const residual = (x: Tensor4D, { conv1, conv2 }: ResidualBlock): Tensor4D => {
    const out = conv(conv(x, conv1, 1, true, 'same'), conv2, 1, false, 'same');
    return tf.relu(tf.add(out, x));
  };

  // The shortcut of a halving block: 2×2 average pooling, zero-padded to the new channel count;
  // the convolution branch is padded by a row and a column of zeros where its size is one short.
  const residualDown = (x: Tensor4D, { conv1, conv2 }: ResidualBlock): Tensor4D => {
    let out = conv(conv(x, conv1, 2, true, 'valid'), conv2, 1, false, 'same');
    let pooled: Tensor4D = tf.avgPool(x, 2, 2, 'valid');
    if (pooled.shape[1] !== out.shape[1] || pooled.shape[2] !== out.shape[2]) {
      const [batch, height, width, channels] = out.shape;
      out = tf.concat([out, tf.zeros([batch, 1, width, channels])], 1);
      out = tf.concat([out, tf.zeros([batch, height + 1, 1, channels])], 2);
    }
    if (pooled.shape[3] !== out.shape[3]) pooled = tf.concat([pooled, tf.zeros(pooled.shape)], 3);
    return tf.relu(tf.add(pooled, out));
  };

  const forward = (face: Tensor4D): Tf.Tensor2D => {
    const normalised = tf.div<Tensor4D>(tf.sub(face, tf.tensor1d([...MEAN_RGB])), 255);
    let x = conv(normalised, first, 2, true, 'valid');
    x = tf.maxPool(x, 3, 2, 'valid');
    for (const { down, block } of blocks) x = down ? residualDown(x, block) : residual(x, block);
    return tf.matMul(tf.mean<Tf.Tensor2D>(x, [1, 2]), projection);
  };

  return {
    async describe(picture, crop) {
      const [, height, width] = picture.shape;
      const { centreX, centreY, side, angleDegrees } = crop;
      const descriptor = tf.tidy(() => {
        const floats = tf.cast<Tensor4D>(picture, 'float32');
        // Turn the whole picture about the face's centre so the eyes are level, then cut.
        const level =
          Math.abs(angleDegrees) >= 2
            ? tf.image.rotateWithOffset(floats, (angleDegrees * Math.PI) / 180, 0, [
                centreX / width,
                centreY / height,
              ])
            : floats;
        const box = [
          (centreY - side / 2) / height,
          (centreX - side / 2) / width,
          (centreY + side / 2) / height,
          (centreX + side / 2) / width,
        ];
        const face = tf.image.cropAndResize(level, [box], [0], [INPUT_SIZE, INPUT_SIZE]);
        return forward(face);
      });
      try {
        return [...(await descriptor.data())];
      } finally {
        descriptor.dispose();
      }
    },
  };
}

/** Euclidean distance of two descriptors (dlib's measure). */
export function descriptorDistance(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return Number.POSITIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    sum += diff * diff;
  }
  return Math.sqrt(sum);
}

type MeshPoint = readonly (number | undefined)[];

/** Mesh points (Human's 468-point face mesh) the crop is placed by. */
const MESH = { eyeA: [33, 133], eyeB: [362, 263], mouth: [61, 291] } as const;

function centreOf(mesh: readonly MeshPoint[], indices: readonly number[]): [number, number] {
  let x = 0;
  let y = 0;
  for (const index of indices) {
    x += mesh[index]?.[0] ?? 0;
    y += mesh[index]?.[1] ?? 0;
  }
  return [x / indices.length, y / indices.length];
}

/**
 * Where the descriptor looks, from the face mesh, as dlib aligns a face chip: level eyes, the
 * square `EYE_DISTANCES_PER_SIDE` eye distances wide, centred between the eyes and the mouth
 * (the mouth counted twice). Tuned on the even half of face-dev (docs/face-checks.md); the
 * 68-landmark box face-api would use gave about twice as many false rejects.
 */
export function faceCropFromMesh(mesh: readonly MeshPoint[]): FaceCrop | null {
  if (mesh.length < 468) return null;
  const eyeA = centreOf(mesh, MESH.eyeA);
  const eyeB = centreOf(mesh, MESH.eyeB);
  const mouth = centreOf(mesh, MESH.mouth);
  const eyeDistance = Math.hypot(eyeB[0] - eyeA[0], eyeB[1] - eyeA[1]);
  if (eyeDistance < 1) return null;
  return {
    centreX: (eyeA[0] + eyeB[0] + 2 * mouth[0]) / 4,
    centreY: (eyeA[1] + eyeB[1] + 2 * mouth[1]) / 4,
    side: eyeDistance * EYE_DISTANCES_PER_SIDE,
    angleDegrees: (Math.atan2(eyeB[1] - eyeA[1], eyeB[0] - eyeA[0]) * 180) / Math.PI,
  };
}

/** The crop's side in eye distances (see faceCropFromMesh). */
export const EYE_DISTANCES_PER_SIDE = 2.8;
