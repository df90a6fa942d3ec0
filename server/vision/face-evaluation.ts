// Measures the face check on a labelled folder (`<identity>/<photo>`), through the server's own
// code path: every photo is once a reference (describeReferencePhoto: largest face, no gates) and
// once a live snapshot (analyseSnapshot: quality gates, then the descriptor), by default after the
// webcam-like transform. Every snapshot is compared with every other photo's reference: the same
// identity gives a genuine pair, another identity an impostor pair. `npm run face:evaluate`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import {
  equalErrorRate,
  percentile,
  ratesAt,
  thresholdForFar,
  type ErrorRates,
  type ScoreSet,
} from './error-rates.js';
import type { FaceEngine } from './face-engine.js';
import {
  analyseSnapshot,
  describeReferencePhoto,
  DEFAULT_FACE_GATES,
  largest,
  type FaceGates,
  type FaceVerdict,
} from './face-verifier.js';
import { decodeImage, UnsupportedImageError } from './image-codec.js';
import { webcamLikeSnapshot } from './webcam-like.js';

const PHOTO_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png']);
/** The false-accept rate the default threshold is chosen for. */
export const TARGET_FAR = 0.001;

export interface LabelledPhoto {
  readonly identity: string;
  /** The part of the set: the identity's name before its first '-', e.g. `casia5`. */
  readonly group: string;
  readonly path: string;
}

export type IdentityHalf = 'all' | 'even' | 'odd';

/**
 * The photos of a folder laid out `<identity>/<photo>`; identities with fewer than two photos
 * give no genuine pair but still serve as impostors. `half` keeps the even- or odd-numbered
 * identities of each group (a split by identity: tune on one half, report on the other).
 */
export function listLabelledPhotos(folder: string, half: IdentityHalf = 'all'): LabelledPhoto[] {
  const identities = readdirSync(folder)
    .filter((name) => !name.startsWith('.') && statSync(join(folder, name)).isDirectory())
    .sort();
  const seenPerGroup = new Map<string, number>();
  const photos: LabelledPhoto[] = [];
  for (const identity of identities) {
    const group = identity.includes('-') ? identity.slice(0, identity.indexOf('-')) : 'all';
    const index = seenPerGroup.get(group) ?? 0;
    seenPerGroup.set(group, index + 1);
    if ((half === 'even' && index % 2 !== 0) || (half === 'odd' && index % 2 !== 1)) continue;
    for (const file of readdirSync(join(folder, identity)).sort()) {
      if (!PHOTO_EXTENSIONS.has(extname(file).toLowerCase())) continue;
      photos.push({ identity, group, path: join(folder, identity, file) });
    }
  }
  return photos;
}

export interface EvaluationOptions {
  /** Compare the photos as they are, without the webcam-like transform. */
  readonly raw: boolean;
  /** The threshold to report FAR and FRR at. */
  readonly threshold: number;
  readonly gates?: FaceGates;
}

interface PhotoResult {
  readonly photo: LabelledPhoto;
  readonly reference: readonly number[] | null;
  readonly snapshot: readonly number[] | null;
  /** Why the photo gave no snapshot: a quality gate's verdict, or `unreadable`. */
  readonly refused: FaceVerdict | 'unreadable' | null;
  readonly verifyMs: number;
}

export interface GroupReport {
  readonly group: string;
  readonly identities: number;
  readonly photos: number;
  readonly genuinePairs: number;
  readonly impostorPairs: number;
  readonly atThreshold: ErrorRates;
}

export interface EvaluationReport {
  readonly engine: string;
  readonly condition: 'webcam-like' | 'raw';
  readonly identities: number;
  readonly photos: number;
  readonly genuinePairs: number;
  readonly impostorPairs: number;
  /** Photos refused as snapshots, by reason. */
  readonly refused: Readonly<Record<string, number>>;
  /** Each refused photo with its reason, in folder order. */
  readonly refusedPhotos: readonly { readonly path: string; readonly reason: string }[];
  /** Photos in which no face was found for a reference. */
  readonly withoutReference: number;
  readonly atThreshold: ErrorRates;
  readonly atTargetFar: ErrorRates;
  readonly equalError: ErrorRates & { readonly eer: number };
  readonly verifyMs: { readonly p50: number; readonly p95: number };
  readonly groups: readonly GroupReport[];
  readonly scores: ScoreSet;
}

async function evaluatePhoto(
  engine: FaceEngine,
  photo: LabelledPhoto,
  options: EvaluationOptions,
): Promise<PhotoResult> {
  const bytes = new Uint8Array(readFileSync(photo.path));
  const none = { photo, reference: null, snapshot: null, verifyMs: 0 };
  try {
    const reference = await describeReferencePhoto(engine, photo.path, bytes);
    let snapshotBytes: Uint8Array = bytes;
    if (!options.raw) {
      const picture = decodeImage(bytes);
      const face = largest(await engine.detect(picture));
      if (!face) return { ...none, reference, refused: 'no_face' };
      snapshotBytes = webcamLikeSnapshot(picture, face.box);
    }
    const started = performance.now();
    const analysis = await analyseSnapshot(engine, snapshotBytes, options.gates);
    const verifyMs = performance.now() - started;
    return {
      photo,
      reference,
      snapshot: analysis.embedding,
      refused: analysis.failedGate,
      verifyMs,
    };
  } catch (error) {
    if (error instanceof UnsupportedImageError) return { ...none, refused: 'unreadable' };
    throw error;
  }
}

interface Pairs {
  readonly byGroup: Map<string, { genuine: number[]; impostor: number[] }>;
  readonly all: { genuine: number[]; impostor: number[] };
}

/** Scores every snapshot against every other photo's reference. */
function scorePairs(engine: FaceEngine, results: readonly PhotoResult[]): Pairs {
  const all = { genuine: [] as number[], impostor: [] as number[] };
  const byGroup = new Map<string, { genuine: number[]; impostor: number[] }>();
  for (const live of results) {
    if (!live.snapshot) continue;
    const group = byGroup.get(live.photo.group) ?? { genuine: [], impostor: [] };
    byGroup.set(live.photo.group, group);
    for (const stored of results) {
      if (stored === live || !stored.reference) continue;
      const score = engine.compare(live.snapshot, stored.reference);
      const kind = stored.photo.identity === live.photo.identity ? 'genuine' : 'impostor';
      all[kind].push(score);
      // A group's impostors are those of its own snapshots (against anyone).
      group[kind].push(score);
    }
  }
  return { all, byGroup };
}

export async function evaluateFaceCheck(
  engine: FaceEngine,
  photos: readonly LabelledPhoto[],
  options: EvaluationOptions,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<EvaluationReport> {
  await engine.load();
  const results: PhotoResult[] = [];
  for (const photo of photos) {
    results.push(await evaluatePhoto(engine, photo, { gates: DEFAULT_FACE_GATES, ...options }));
    onProgress(results.length, photos.length);
  }
  const pairs = scorePairs(engine, results);
  const refused: Record<string, number> = {};
  for (const result of results) {
    if (result.refused) refused[result.refused] = (refused[result.refused] ?? 0) + 1;
  }
  const identitiesOf = (list: readonly PhotoResult[]): number =>
    new Set(list.map((result) => result.photo.identity)).size;
  const groups = [...pairs.byGroup.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, scores]) => {
      const members = results.filter((result) => result.photo.group === group);
      return {
        group,
        identities: identitiesOf(members),
        photos: members.length,
        genuinePairs: scores.genuine.length,
        impostorPairs: scores.impostor.length,
        atThreshold: ratesAt(scores, options.threshold),
      };
    });
  const timings = results.filter((result) => result.verifyMs > 0).map((result) => result.verifyMs);
  return {
    engine: engine.name,
    condition: options.raw ? 'raw' : 'webcam-like',
    identities: identitiesOf(results),
    photos: results.length,
    genuinePairs: pairs.all.genuine.length,
    impostorPairs: pairs.all.impostor.length,
    refused,
    refusedPhotos: results.flatMap((result) =>
      result.refused ? [{ path: result.photo.path, reason: result.refused }] : [],
    ),
    withoutReference: results.filter((result) => !result.reference).length,
    atThreshold: ratesAt(pairs.all, options.threshold),
    atTargetFar: thresholdForFar(pairs.all, TARGET_FAR),
    equalError: equalErrorRate(pairs.all),
    verifyMs: { p50: percentile(timings, 50), p95: percentile(timings, 95) },
    groups,
    scores: pairs.all,
  };
}

const LISTED_REFUSALS = 20;
const percent = (rate: number): string => `${(rate * 100).toFixed(2)} %`;
const counted = (rates: ErrorRates, genuine: number, impostor: number): string =>
  `FAR ${percent(rates.far)} (${String(rates.falseAccepts)}/${String(impostor)}), ` +
  `FRR ${percent(rates.frr)} (${String(rates.falseRejects)}/${String(genuine)})`;

/** The lines `npm run face:evaluate` prints; the last one is the summary operators grep for. */
export function formatEvaluation(report: EvaluationReport): string[] {
  const refusedList = Object.entries(report.refused)
    .map(([reason, count]) => `${reason} ${String(count)}`)
    .join(', ');
  const { genuinePairs: genuine, impostorPairs: impostor } = report;
  return [
    `engine: ${report.engine}; condition: ${report.condition === 'raw' ? 'photos as they are (--raw)' : 'webcam-like (640×480 JPEG q85, face ~240 px)'}`,
    `identities ${String(report.identities)}, photos ${String(report.photos)}, genuine pairs ${String(genuine)}, impostor pairs ${String(impostor)}`,
    `refused by the quality gates: ${refusedList || 'none'}; photos without a face to use as reference: ${String(report.withoutReference)}`,
    ...report.refusedPhotos
      .slice(0, LISTED_REFUSALS)
      .map((refusal) => `  refused: ${refusal.path} (${refusal.reason})`),
    ...(report.refusedPhotos.length > LISTED_REFUSALS
      ? [`  … and ${String(report.refusedPhotos.length - LISTED_REFUSALS)} more`]
      : []),
    `at threshold ${report.atThreshold.threshold.toFixed(3)}: ${counted(report.atThreshold, genuine, impostor)}`,
    `FAR ≤ ${percent(TARGET_FAR)}: threshold ${report.atTargetFar.threshold.toFixed(3)}, ${counted(report.atTargetFar, genuine, impostor)}`,
    `equal error rate ${percent(report.equalError.eer)} at threshold ${report.equalError.threshold.toFixed(3)}`,
    `time per verification (snapshot decode, gates, descriptor, compare): p50 ${report.verifyMs.p50.toFixed(0)} ms, p95 ${report.verifyMs.p95.toFixed(0)} ms`,
    ...report.groups.map(
      (group) =>
        `  ${group.group}: ${String(group.identities)} identities, ${String(group.photos)} photos — at ${report.atThreshold.threshold.toFixed(3)}: ${counted(group.atThreshold, group.genuinePairs, group.impostorPairs)}`,
    ),
    `face-evaluate: threshold ${report.atThreshold.threshold.toFixed(3)}, FAR ${percent(report.atThreshold.far)}, FRR ${percent(report.atThreshold.frr)}`,
  ];
}
