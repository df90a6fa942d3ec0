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

describe('levelOfSamples over a long window', () => {
  it('shows a 20 ms sound anywhere in a 170 ms window at the height it has alone', () => {
    const beep = new Float32Array(960).map((_, index) => 0.1 * Math.sin(index / 5));
    const alone = levelOfSamples(beep);
    for (const at of [0, 3000, 8192 - 960]) {
      const window = new Float32Array(8192);
      window.set(beep, at);
      expect(levelOfSamples(window)).toBeGreaterThan(alone * 0.5);
    }
    expect(levelOfSamples(new Float32Array(8192))).toBe(0);
  });
});
