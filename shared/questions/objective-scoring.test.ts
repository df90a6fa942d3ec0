import { describe, expect, it } from 'vitest';
import { checkAnswer } from './answer-check.js';
import type { Answer } from './answer-schema.js';
import { scoreObjective } from './objective-scoring.js';
import { questionContentSchema, type QuestionContent } from './question-schema.js';

const options = ['A', 'B', 'C', 'D'].map((id) => ({ id, text: `选项 ${id}` }));
const single = questionContentSchema.parse({
  type: 'single_choice',
  stem: 'The word "ubiquitous" most nearly means ___.',
  options,
  correct: 'B',
});
const multiple = (scoring: 'partial' | 'all_or_nothing') =>
  questionContentSchema.parse({
    type: 'multiple_choice',
    stem: '下列哪些是质数？',
    options,
    correct: ['A', 'B', 'C'],
    scoring,
  });
const blanks = questionContentSchema.parse({
  type: 'fill_blank',
  stem: 'She has lived here ___ 2010, ___ she was ten.',
  blanks: [{ accepted: ['since'] }, { accepted: ['when', 'at which time'] }],
});
const essay = questionContentSchema.parse({
  type: 'essay',
  stem: '请以“我的家乡”为题写一篇短文。',
  maxLength: 10,
});

describe('scoreObjective', () => {
  it('scores a single choice all or nothing, and no choice as unanswered', () => {
    expect(scoreObjective(single, { type: 'single_choice', optionId: 'B' }, 2)).toEqual({
      points: 2,
      verdict: 'correct',
    });
    expect(scoreObjective(single, { type: 'single_choice', optionId: 'C' }, 2)).toEqual({
      points: 0,
      verdict: 'wrong',
    });
    expect(scoreObjective(single, { type: 'single_choice', optionId: null }, 2)?.verdict).toBe(
      'unanswered',
    );
    expect(scoreObjective(single, null, 2)?.verdict).toBe('unanswered');
  });

  it('gives partial credit for some correct choices and none once a wrong one is chosen', () => {
    const answer = (optionIds: string[]): Answer => ({ type: 'multiple_choice', optionIds });
    const partial = multiple('partial');
    expect(scoreObjective(partial, answer(['C', 'A', 'B']), 3)).toEqual({
      points: 3,
      verdict: 'correct',
    });
    expect(scoreObjective(partial, answer(['A', 'B']), 3)).toEqual({
      points: 2,
      verdict: 'partial',
    });
    expect(scoreObjective(partial, answer(['A']), 2)).toEqual({ points: 0.67, verdict: 'partial' });
    expect(scoreObjective(partial, answer(['A', 'D']), 3)).toEqual({ points: 0, verdict: 'wrong' });
    expect(scoreObjective(multiple('all_or_nothing'), answer(['A', 'B']), 3)).toEqual({
      points: 0,
      verdict: 'wrong',
    });
    expect(scoreObjective(partial, answer([]), 3)?.verdict).toBe('unanswered');
  });

  it('matches blanks ignoring case, full-width forms and spaces, each blank an equal share', () => {
    const answer = (texts: string[]): Answer => ({ type: 'fill_blank', blanks: texts });
    expect(scoreObjective(blanks, answer(['  SINCE ', 'ｗｈｅｎ']), 4)).toEqual({
      points: 4,
      verdict: 'correct',
    });
    expect(scoreObjective(blanks, answer(['since', 'at  which   time']), 4)?.verdict).toBe(
      'correct',
    );
    expect(scoreObjective(blanks, answer(['for', 'when']), 4)).toEqual({
      points: 2,
      verdict: 'partial',
    });
    expect(scoreObjective(blanks, answer(['', ' ']), 4)?.verdict).toBe('unanswered');
  });

  it('compares exactly where the question says so', () => {
    const strict = questionContentSchema.parse({
      type: 'fill_blank',
      stem: '化学式 ___',
      blanks: [{ accepted: ['H2O'] }],
      matching: { ignoreCase: false, ignoreWidth: false, ignoreSpaces: false },
    });
    const score = (text: string) =>
      scoreObjective(strict, { type: 'fill_blank', blanks: [text] }, 1)?.verdict;
    expect(score('H2O')).toBe('correct');
    expect(score('h2o')).toBe('wrong');
    expect(score('Ｈ２Ｏ')).toBe('wrong');
    expect(score(' H2O')).toBe('wrong');
  });

  it('leaves essays to a marker', () => {
    expect(scoreObjective(essay, { type: 'essay', text: '我的家乡在江南' }, 10)).toBeNull();
  });
});

describe('checkAnswer', () => {
  const cases: [QuestionContent, Answer, string | null][] = [
    [single, { type: 'single_choice', optionId: 'B' }, null],
    [single, { type: 'single_choice', optionId: 'E' }, 'CHOICE_NOT_IN_QUESTION'],
    [single, { type: 'true_false', value: true }, 'ANSWER_TYPE_MISMATCH'],
    [
      multiple('partial'),
      { type: 'multiple_choice', optionIds: ['A', 'A'] },
      'CHOICE_NOT_IN_QUESTION',
    ],
    [
      multiple('partial'),
      { type: 'multiple_choice', optionIds: ['A', 'Z'] },
      'CHOICE_NOT_IN_QUESTION',
    ],
    [blanks, { type: 'fill_blank', blanks: ['since'] }, 'BLANK_COUNT_MISMATCH'],
    // Ten characters as a person counts them: 𠀀 is one, though two UTF-16 units.
    [essay, { type: 'essay', text: '𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀' }, null],
    [essay, { type: 'essay', text: '我的家乡在江南水乡，很美' }, 'ANSWER_TOO_LONG'],
  ];
  it.each(cases)('%#: %j answered %j → %s', (question, answer, code) => {
    expect(checkAnswer(question, answer)).toBe(code);
  });
});

describe('questionContentSchema', () => {
  it('refuses an answer key naming no option, and duplicate option ids', () => {
    expect(
      questionContentSchema.safeParse({ ...single, correct: 'Z' }).error?.issues[0]?.message,
    ).toBe('"Z" is not an option');
    const twice = { ...single, options: [options[0], options[0]] };
    expect(questionContentSchema.safeParse(twice).success).toBe(false);
  });
});
