import { describe, expect, it } from 'vitest';
import { attemptCode, questionStatistics } from './marking-book.js';

describe('questionStatistics', () => {
  it('gives the mean, the difficulty and the upper minus lower 27 % on a small set', () => {
    // Ten attempts: the upper and lower groups are three each (27 % of 10, rounded).
    const scores = [
      { points: 10, total: 95 },
      { points: 8, total: 90 },
      { points: 10, total: 85 },
      { points: 6, total: 70 },
      { points: 5, total: 65 },
      { points: 7, total: 60 },
      { points: 4, total: 50 },
      { points: 2, total: 40 },
      { points: 3, total: 30 },
      { points: 0, total: 20 },
    ];
    expect(questionStatistics(10, scores)).toEqual({
      count: 10,
      mean: 5.5,
      difficulty: 0.55,
      // Upper (10 + 8 + 10) / 30 = 0.933…, lower (2 + 3 + 0) / 30 = 0.1666…
      discrimination: 0.77,
    });
  });

  it('has no discrimination with one attempt and nothing without any', () => {
    expect(questionStatistics(4, [{ points: 3, total: 3 }])).toEqual({
      count: 1,
      mean: 3,
      difficulty: 0.75,
      discrimination: null,
    });
    expect(questionStatistics(4, [])).toMatchObject({ count: 0, mean: null });
  });
});

describe('attemptCode', () => {
  it('numbers attempts A001, A002 …', () => {
    expect([0, 1, 99].map(attemptCode)).toEqual(['A001', 'A002', 'A100']);
  });
});
