import type { AggregationRule } from '../../shared/api/scoring.js';

/** Results are shown with two decimals; rounding here keeps the screen, XLSX and DB equal. */
export function roundPoints(value: number): number {
  return Math.round(value * 100) / 100;
}

/** An examiner's total: the sum of their points per criterion. */
export function totalOf(points: readonly number[]): number {
  return roundPoints(points.reduce((sum, value) => sum + value, 0));
}

/**
 * The result of a candidate from the examiners' totals: the mean, or the trimmed mean, which
 * drops one highest and one lowest total when there are at least 3 (with 1 or 2 it is the
 * mean). Null when nobody scored.
 */
export function aggregateTotals(totals: readonly number[], rule: AggregationRule): number | null {
  if (totals.length === 0) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  const kept = rule === 'trimmed_mean' && sorted.length >= 3 ? sorted.slice(1, -1) : sorted;
  return roundPoints(kept.reduce((sum, value) => sum + value, 0) / kept.length);
}
