// Measures false-accept and false-reject rates of the server face check on the face images that
// can be had offline, with webcam-like augmentations. Prints the table docs/face-checks.md quotes.
//   sh scripts/face-fixtures/fetch-sources.sh   # Debian images into /tmp/invigil-face-sources
//   npx tsx server/vision/evaluate.ts
// Without the Debian images it still runs on the photos committed in this repository.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createHumanFaceEngine } from './face-engine.js';
import { DEFAULT_FACE_GATES } from './face-verifier.js';
import { decodeImage } from './image-codec.js';
import {
  adjustBrightness,
  coverRgb,
  createRgbImage,
  cropRgb,
  mirrorRgb,
  pasteRgb,
  resizeRgb,
  type RgbImage,
} from './raster.js';

const sources = process.env.SOURCES ?? '/tmp/invigil-face-sources';

function loadPicture(path: string): RgbImage {
  return decodeImage(new Uint8Array(readFileSync(path)));
}

// Deterministic noise so runs are comparable.
function addNoise(image: RgbImage, amplitude: number): RgbImage {
  let seed = 12345;
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const noise = ((seed / 0x7fffffff) * 2 - 1) * amplitude;
    data[i] = Math.max(0, Math.min(255, Math.round((image.data[i] ?? 0) + noise)));
  }
  return { ...image, data };
}

function toGrey(image: RgbImage): RgbImage {
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i += 3) {
    const y = Math.round(
      0.299 * (image.data[i] ?? 0) +
        0.587 * (image.data[i + 1] ?? 0) +
        0.114 * (image.data[i + 2] ?? 0),
    );
    data[i] = data[i + 1] = data[i + 2] = y;
  }
  return { ...image, data };
}

/** A webcam-like 640×480 frame: the photo scaled so its face is about `scale` of the original. */
function framed(image: RgbImage, scale: number): RgbImage {
  const canvas = createRgbImage(640, 480, 110);
  const scaled = resizeRgb(
    image,
    Math.round(image.width * scale),
    Math.round(image.height * scale),
  );
  pasteRgb(
    canvas,
    scaled,
    Math.round((640 - scaled.width) / 2),
    Math.round((480 - scaled.height) / 2),
  );
  return canvas;
}

const augmentations: Record<string, (image: RgbImage) => RgbImage> = {
  original: (image) => image,
  mirrored: mirrorRgb,
  'webcam 640x480': (image) => coverRgb(image, 640, 480),
  'tight crop': (image) =>
    cropRgb(image, {
      x: image.width * 0.15,
      y: 0,
      width: image.width * 0.7,
      height: image.height * 0.6,
    }),
  'far (x0.6 in 640x480)': (image) => framed(image, 0.6),
  'blurred (x0.35 and back)': (image) =>
    resizeRgb(
      resizeRgb(image, Math.round(image.width * 0.35), Math.round(image.height * 0.35)),
      image.width,
      image.height,
    ),
  'dark (x0.5)': (image) => adjustBrightness(image, 0.5),
  'bright (x1.3 +25)': (image) => adjustBrightness(image, 1.3, 25),
  'noisy (±20)': (image) => addNoise(image, 20),
  grey: toGrey,
};

interface Sample {
  identity: string;
  label: string;
  embedding: number[];
  faceSizePx: number;
}

const engine = createHumanFaceEngine();
const loadStarted = performance.now();
await engine.load();
console.log(`engine loaded in ${(performance.now() - loadStarted).toFixed(0)} ms`);

async function embed(image: RgbImage): Promise<{ embedding: number[]; faceSizePx: number } | null> {
  const faces = await engine.describe(image);
  const face = faces.reduce<(typeof faces)[number] | undefined>(
    (best, candidate) => (!best || candidate.box.width > best.box.width ? candidate : best),
    undefined,
  );
  return face?.embedding
    ? { embedding: [...face.embedding], faceSizePx: Math.round(face.box.width) }
    : null;
}

const repoPhotos = dirname(new URL(import.meta.url).pathname) + '/../demo/photos';
const identities: { identity: string; path: string }[] = [
  { identity: 'Eileen Collins', path: join(repoPhotos, 'eileen-collins.png') },
  { identity: 'cameraman', path: join(repoPhotos, 'cameraman.png') },
  {
    identity: 'Grace Hopper',
    path: existsSync(join(sources, 'images/grace_hopper.ppm'))
      ? join(sources, 'images/grace_hopper.ppm')
      : join(repoPhotos, '../../../e2e/fixtures/faces/different-person.png'),
  },
];

const samples: Sample[] = [];
for (const { identity, path } of identities) {
  const photo = loadPicture(path);
  for (const [label, augment] of Object.entries(augmentations)) {
    const result = await embed(augment(photo));
    if (result) samples.push({ identity, label, ...result });
    else console.log(`  no face: ${identity} / ${label}`);
  }
}

// Impostors: the face tiles of Human's face-match screenshot (about a hundred strangers, none of
// them our identities). Read from node_modules at run time; never copied into the repository.
const require = createRequire(import.meta.url);
const screenshot = join(
  dirname(require.resolve('@vladmandic/human')),
  '../assets/screenshot-facematch.jpg',
);
const strangers: Sample[] = [];
if (existsSync(screenshot)) {
  const sheet = loadPicture(screenshot);
  const cell = sheet.width / 18;
  for (let row = 0; row < 6; row++) {
    for (let column = 0; column < 18; column++) {
      const tile = cropRgb(sheet, {
        x: column * cell,
        y: 284 + row * 112.5,
        width: cell,
        height: cell,
      });
      const canvas = createRgbImage(448, 448, 110);
      pasteRgb(canvas, resizeRgb(tile, 224, 224), 112, 112);
      const result = await embed(canvas);
      if (result)
        strangers.push({ identity: `stranger ${row}-${column}`, label: 'tile', ...result });
    }
  }
} else {
  console.log('  (no stranger tiles: run scripts/face-fixtures/fetch-sources.sh for djpeg)');
}

const genuine: number[] = [];
const impostor: number[] = [];
for (let i = 0; i < samples.length; i++) {
  for (let j = i + 1; j < samples.length; j++) {
    const a = samples[i];
    const b = samples[j];
    if (!a || !b) continue;
    (a.identity === b.identity ? genuine : impostor).push(engine.compare(a.embedding, b.embedding));
  }
  for (const stranger of strangers) {
    const a = samples[i];
    if (a) impostor.push(engine.compare(a.embedding, stranger.embedding));
  }
}

const sorted = (values: number[]) => [...values].sort((x, y) => x - y);
const quantile = (values: number[], q: number) =>
  sorted(values)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
const f2 = (value: number) => value.toFixed(3);

console.log(
  `\nsamples: ${samples.length} (${identities.length} identities), strangers: ${strangers.length}`,
);
for (const { identity } of identities) {
  const mine = samples.filter((sample) => sample.identity === identity);
  const original = mine.find((sample) => sample.label === 'original');
  console.log(
    `  ${identity}: ${mine.length}/${Object.keys(augmentations).length} augmentations with a face`,
  );
  for (const sample of mine) {
    const score = original ? engine.compare(original.embedding, sample.embedding) : NaN;
    const gate = sample.faceSizePx < DEFAULT_FACE_GATES.minFaceSizePx ? ' (below size gate)' : '';
    console.log(
      `    ${sample.label.padEnd(26)} face ${String(sample.faceSizePx).padStart(4)} px  vs original ${f2(score)}${gate}`,
    );
  }
}
console.log(
  `\ngenuine pairs: ${genuine.length}  min ${f2(Math.min(...genuine))}  p05 ${f2(quantile(genuine, 0.05))}  median ${f2(quantile(genuine, 0.5))}`,
);
console.log(
  `impostor pairs: ${impostor.length}  max ${f2(Math.max(...impostor))}  p99 ${f2(quantile(impostor, 0.99))}  median ${f2(quantile(impostor, 0.5))}`,
);
console.log('\nthreshold   FRR (genuine below)   FAR (impostor at or above)');
for (const threshold of [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]) {
  const frr = genuine.filter((score) => score < threshold).length;
  const far = impostor.filter((score) => score >= threshold).length;
  console.log(
    `  ${threshold.toFixed(2)}      ${frr}/${genuine.length} = ${((100 * frr) / genuine.length).toFixed(1)}%`.padEnd(
      36,
    ) + `${far}/${impostor.length} = ${((100 * far) / impostor.length).toFixed(2)}%`,
  );
}
