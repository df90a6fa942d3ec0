import { describe, expect, it } from 'vitest';
import { levelOfSamples } from './audio-level.js';

describe('levelOfSamples', () => {
  it('is 0 for silence and grows with loudness, up to 1', () => {
    expect(levelOfSamples(new Float32Array(256))).toBe(0);
    const quiet = levelOfSamples(new Float32Array(256).fill(0.02));
    const loud = levelOfSamples(new Float32Array(256).fill(0.15));
    expect(quiet).toBeGreaterThan(0);
    expect(loud).toBeGreaterThan(quiet);
    expect(levelOfSamples(new Float32Array(256).fill(1))).toBe(1);
  });
});
