import { describe, expect, it } from 'vitest';
import { aggregateTotals, totalOf } from './aggregate.js';

describe('aggregateTotals', () => {
  it('is null without scores, whatever the rule', () => {
    expect(aggregateTotals([], 'mean')).toBeNull();
    expect(aggregateTotals([], 'trimmed_mean')).toBeNull();
  });

  it('takes the mean of every total', () => {
    expect(aggregateTotals([80], 'mean')).toBe(80);
    expect(aggregateTotals([80, 91], 'mean')).toBe(85.5);
    expect(aggregateTotals([70, 80, 95], 'mean')).toBe(81.67);
  });

  it('keeps every total of a trimmed mean with fewer than 3 scores', () => {
    expect(aggregateTotals([60], 'trimmed_mean')).toBe(60);
    expect(aggregateTotals([60, 90], 'trimmed_mean')).toBe(75);
  });

  it('drops one highest and one lowest total from 3 or more', () => {
    expect(aggregateTotals([95, 70, 80], 'trimmed_mean')).toBe(80);
    expect(aggregateTotals([50, 99, 80, 82.5, 81], 'trimmed_mean')).toBe(81.17);
    // Ties: only one of the equal extremes is dropped.
    expect(aggregateTotals([90, 90, 70, 70, 80], 'trimmed_mean')).toBe(80);
  });

  it('sums the points of a score to two decimals', () => {
    expect(totalOf([10, 7.5, 0, 19.5])).toBe(37);
    expect(totalOf([])).toBe(0);
  });
});
