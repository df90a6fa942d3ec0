// Server face verification per snapshot: latency (p50, p95) and throughput of `verifyFace`
// (decode PNG + quality gates + embedding + compare with a cached reference), printed beside the
// raw Human detect + embed time on the same decoded frame, measured in the same run. Also the
// engine's cold load (models + WASM + warm-up) and a burst of concurrent requests, which the engine
// serialises. Run: `npx tsx bench/face-verify.ts` (RUNS=30 by default).
import { readFileSync } from 'node:fs';
import { createHumanFaceEngine } from '../server/vision/face-engine.js';
import { verifyFace, type ReferenceFace } from '../server/vision/face-verifier.js';
import { decodeImage } from '../server/vision/image-codec.js';

const RUNS = Number(process.env.RUNS ?? 30);
const CONCURRENT = Number(process.env.CONCURRENT ?? 8);

const snapshot = new Uint8Array(readFileSync('e2e/fixtures/faces/same-person.png'));
const reference: ReferenceFace = {
  kind: 'photo',
  fileId: 'bench-reference',
  bytes: new Uint8Array(readFileSync('server/demo/photos/eileen-collins.png')),
};
const frame = decodeImage(snapshot);

const percentile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ??
  NaN;
const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;

async function time(job: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await job();
  return performance.now() - started;
}

const engine = createHumanFaceEngine();
const load = await time(() => engine.load());
// The first verification also embeds the reference photo once (then cached by file id).
const first = await time(() => verifyFace(engine, snapshot, reference));

const decode: number[] = [];
const raw: number[] = [];
const rawDetect: number[] = [];
const verify: number[] = [];
for (let i = 0; i < RUNS; i++) {
  decode.push(await time(() => Promise.resolve(decodeImage(snapshot))));
  rawDetect.push(await time(() => engine.detect(frame)));
  raw.push(await time(() => engine.describe(frame)));
  verify.push(await time(() => verifyFace(engine, snapshot, reference)));
}

const burst = await time(() =>
  Promise.all(Array.from({ length: CONCURRENT }, () => verifyFace(engine, snapshot, reference))),
);

console.log(`Face verification, 640×480 PNG snapshot, ${RUNS} runs (2 cores, WASM backend):`);
const row = (name: string, values: number[]) =>
  console.log(
    `  ${name.padEnd(31)} p50 ${ms(percentile(values, 0.5))}   p95 ${ms(percentile(values, 0.95))}`,
  );
console.log(`  ${'engine load + warm-up'.padEnd(31)} ${ms(load)}`);
console.log(`  ${'first verify (embeds reference)'.padEnd(31)} ${ms(first)}`);
row('PNG decode (pngjs)', decode);
row('Human detect + mesh', rawDetect);
row('detect + mesh + ResNet descriptor', raw);
row('verifyFace (all of it)', verify);
const p50 = percentile(verify, 0.5);
console.log(`  throughput, one at a time      ${(1000 / p50).toFixed(1)} snapshots/s`);
console.log(
  `  ${CONCURRENT} concurrent requests          ${ms(burst)} total, ${(CONCURRENT / (burst / 1000)).toFixed(1)} snapshots/s`,
);
