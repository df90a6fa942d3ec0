import { describe, expect, it } from 'vitest';
import { buildLayout, type LayoutSection } from './attempt-layout.js';

const options = ['A', 'B', 'C', 'D'];
const section = (
  prefix: string,
  count: number,
  rules: Partial<Omit<LayoutSection, 'questions'>> = {},
): LayoutSection => ({
  drawCount: null,
  shuffleQuestions: false,
  shuffleOptions: false,
  questions: Array.from({ length: count }, (_, index) => ({
    id: `${prefix}${String(index + 1)}`,
    optionIds: options,
  })),
  ...rules,
});
const ids = (sections: LayoutSection[], seed: number) =>
  buildLayout(sections, seed).questions.map((question) => question.paperQuestionId);

describe('buildLayout', () => {
  it('keeps the paper order where nothing is drawn or shuffled', () => {
    expect(buildLayout([section('q', 3)], 1)).toEqual({
      questions: [
        { paperQuestionId: 'q1', optionOrder: options },
        { paperQuestionId: 'q2', optionOrder: options },
        { paperQuestionId: 'q3', optionOrder: options },
      ],
    });
  });

  it('gives the same seed the same paper, and other seeds other orders', () => {
    const paper = [
      section('v', 10, { shuffleQuestions: true, shuffleOptions: true }),
      section('r', 4),
    ];
    expect(buildLayout(paper, 42)).toEqual(buildLayout(paper, 42));
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => ids(paper, seed).join()));
    expect(orders.size).toBeGreaterThan(15);
    // Sections stay in order: the reading section comes after the vocabulary, unshuffled.
    expect(ids(paper, 7).slice(10)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect([...ids(paper, 7).slice(0, 10)].sort()).toEqual([
      'v1',
      'v10',
      'v2',
      'v3',
      'v4',
      'v5',
      'v6',
      'v7',
      'v8',
      'v9',
    ]);
  });

  it('draws N questions of a pool, in paper order unless shuffled, each once', () => {
    const drawn = ids([section('p', 30, { drawCount: 5 })], 3);
    expect(drawn).toHaveLength(5);
    expect(new Set(drawn).size).toBe(5);
    const positions = drawn.map((id) => Number(id.slice(1)));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('shuffles options only where the section says, every option kept', () => {
    const layout = buildLayout([section('o', 8, { shuffleOptions: true })], 11);
    for (const question of layout.questions) {
      expect([...(question.optionOrder ?? [])].sort()).toEqual(options);
    }
    expect(layout.questions.some((question) => question.optionOrder?.join() !== 'A,B,C,D')).toBe(
      true,
    );
  });
});
