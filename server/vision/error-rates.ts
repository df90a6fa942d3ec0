// False-accept and false-reject rates of a verifier from its scores (higher = more alike): at a
// given threshold, the threshold that keeps false accepts at or under a target, and the equal
// error rate. A pair is accepted when its score is at or above the threshold, as the check does.

export interface ErrorRates {
  readonly threshold: number;
  /** Impostor pairs accepted / impostor pairs. */
  readonly far: number;
  /** Genuine pairs rejected / genuine pairs. */
  readonly frr: number;
  readonly falseAccepts: number;
  readonly falseRejects: number;
}

function countAtOrAbove(sortedAscending: readonly number[], threshold: number): number {
  let low = 0;
  let high = sortedAscending.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sortedAscending[middle] ?? 0) < threshold) low = middle + 1;
    else high = middle;
  }
  return sortedAscending.length - low;
}

export interface ScoreSet {
  readonly genuine: readonly number[];
  readonly impostor: readonly number[];
}

interface SortedScores {
  readonly genuine: number[];
  readonly impostor: number[];
}

const sorted = (scores: ScoreSet): SortedScores => ({
  genuine: [...scores.genuine].sort((a, b) => a - b),
  impostor: [...scores.impostor].sort((a, b) => a - b),
});

function ratesOfSorted(scores: SortedScores, threshold: number): ErrorRates {
  const falseAccepts = countAtOrAbove(scores.impostor, threshold);
  const falseRejects = scores.genuine.length - countAtOrAbove(scores.genuine, threshold);
  return {
    threshold,
    falseAccepts,
    falseRejects,
    far: scores.impostor.length ? falseAccepts / scores.impostor.length : 0,
    frr: scores.genuine.length ? falseRejects / scores.genuine.length : 0,
  };
}

export function ratesAt(scores: ScoreSet, threshold: number): ErrorRates {
  return ratesOfSorted(sorted(scores), threshold);
}

/**
 * The lowest threshold whose false-accept rate is at most `maxFar`, with its rates: just above
 * the impostor score that would otherwise be one accept too many.
 */
export function thresholdForFar(scores: ScoreSet, maxFar: number): ErrorRates {
  const all = sorted(scores);
  const allowed = Math.floor(maxFar * all.impostor.length + 1e-9);
  const index = all.impostor.length - allowed - 1;
  if (index < 0) return ratesOfSorted(all, Math.min(...all.genuine, 0));
  const blocking = all.impostor[index] ?? 0;
  return ratesOfSorted(all, blocking + 1e-6);
}

/** Where false accepts and false rejects are closest, over every score as a threshold. */
export function equalErrorRate(scores: ScoreSet): ErrorRates & { readonly eer: number } {
  const all = sorted(scores);
  const candidates = [...new Set([...all.genuine, ...all.impostor])].sort((a, b) => a - b);
  let best: ErrorRates | undefined;
  for (const threshold of candidates) {
    const rates = ratesOfSorted(all, threshold);
    if (!best || Math.abs(rates.far - rates.frr) < Math.abs(best.far - best.frr)) best = rates;
  }
  const found = best ?? ratesOfSorted(all, 0);
  return { ...found, eer: (found.far + found.frr) / 2 };
}

/** The p-th percentile (0..100) of a list, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const ordered = [...values].sort((a, b) => a - b);
  const rank = Math.min(ordered.length - 1, Math.max(0, Math.ceil((p / 100) * ordered.length) - 1));
  return ordered[rank] ?? 0;
}
