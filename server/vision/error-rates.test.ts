import { describe, expect, it } from 'vitest';
import { equalErrorRate, percentile, ratesAt, thresholdForFar } from './error-rates.js';

const scores = {
  genuine: [0.9, 0.8, 0.7, 0.6, 0.5],
  impostor: [0.1, 0.2, 0.3, 0.4, 0.55, 0.65, 0.05, 0.15, 0.25, 0.35],
};

describe('face check error rates', () => {
  it('accepts a pair whose score equals the threshold', () => {
    const rates = ratesAt(scores, 0.6);
    expect(rates).toMatchObject({ falseRejects: 1, falseAccepts: 1, frr: 0.2, far: 0.1 });
  });

  it('finds the lowest threshold that keeps false accepts within the target', () => {
    const none = thresholdForFar(scores, 0);
    expect(none.falseAccepts).toBe(0);
    expect(none.threshold).toBeGreaterThan(0.65);
    expect(none.frr).toBe(0.4); // 0.6 and 0.5 rejected; 0.7 passes a threshold just above 0.65
    const oneInTen = thresholdForFar(scores, 0.1);
    expect(oneInTen.falseAccepts).toBe(1);
    expect(oneInTen.threshold).toBeGreaterThan(0.55);
    expect(oneInTen.frr).toBe(0.2);
  });

  it('reports the equal error rate where both errors meet', () => {
    const eer = equalErrorRate(scores);
    expect(eer.far).toBeCloseTo(0.2);
    expect(eer.frr).toBeCloseTo(0.2);
    expect(eer.eer).toBeCloseTo(0.2);
  });

  it('takes percentiles by nearest rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 95)).toBe(5);
    expect(percentile([], 50)).toBe(0);
  });
});
