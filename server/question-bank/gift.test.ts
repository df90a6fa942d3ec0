import { describe, expect, it } from 'vitest';
import { parseGift } from './gift.js';

describe('parseGift', () => {
  it('reads every supported question kind, with titles as 题号 and comments left out', () => {
    const parsed = parseGift(
      [
        '// 词汇题',
        '::V-1:: Who wrote "Hamlet"? {=Shakespeare ~Dickens#Not him ~Austen}',
        '',
        '::V-2:: Which are prime? {~%50%2 ~%50%3 ~%-100%4}',
        '',
        'Beijing is the capital of China. {T}',
        '',
        '::TF-2:: The sun goes round the earth.{FALSE}',
        '',
        'Two plus two is {=four =4}.',
        '',
        'What is the answer? {=forty-two =42}',
        '',
        '::E-1:: Describe your hometown. {}',
      ].join('\n'),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.totalRows).toBe(7);
    expect(parsed.records.map((record) => [record.line, record.externalKey])).toEqual([
      [2, 'V-1'],
      [4, 'V-2'],
      [6, null],
      [8, 'TF-2'],
      [10, null],
      [12, null],
      [14, 'E-1'],
    ]);
    expect(parsed.records.map((record) => record.content)).toEqual([
      {
        type: 'single_choice',
        stem: 'Who wrote "Hamlet"?',
        options: [
          { id: 'A', text: 'Shakespeare' },
          { id: 'B', text: 'Dickens' },
          { id: 'C', text: 'Austen' },
        ],
        correct: 'A',
      },
      {
        type: 'multiple_choice',
        stem: 'Which are prime?',
        options: [
          { id: 'A', text: '2' },
          { id: 'B', text: '3' },
          { id: 'C', text: '4' },
        ],
        correct: ['A', 'B'],
        scoring: 'partial',
      },
      { type: 'true_false', stem: 'Beijing is the capital of China.', correct: true },
      { type: 'true_false', stem: 'The sun goes round the earth.', correct: false },
      expect.objectContaining({
        type: 'fill_blank',
        stem: 'Two plus two is ___ .',
        blanks: [{ accepted: ['four', '4'] }],
      }),
      expect.objectContaining({
        type: 'fill_blank',
        stem: 'What is the answer? ___',
        blanks: [{ accepted: ['forty-two', '42'] }],
      }),
      expect.objectContaining({ type: 'essay', stem: 'Describe your hometown.' }),
    ]);
    expect(parsed.records[0]?.defaultPoints).toBe(1);
  });

  it('keeps LaTeX backslashes and an escaped dollar as written', () => {
    const parsed = parseGift(
      '::M1:: 求 $\\int_0^1 x\\,dx$，$a \\neq b$，价格 \\$5 {=$\\frac\\{1\\}\\{2\\}$ ~$1$}',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.records[0]?.content).toMatchObject({
      stem: '求 $\\int_0^1 x\\,dx$，$a \\neq b$，价格 \\$5',
      options: [
        { id: 'A', text: '$\\frac{1}{2}$' },
        { id: 'B', text: '$1$' },
      ],
    });
  });

  it('keeps escaped special characters as text', () => {
    const parsed = parseGift(
      '::A\\:B:: Is 1 \\= 1 \\{always\\} \\#true \\~ yes? {=Yes, it is \\= ~No \\~ never}',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.records[0]).toMatchObject({
      externalKey: 'A:B',
      content: {
        stem: 'Is 1 = 1 {always} #true ~ yes?',
        options: [
          { id: 'A', text: 'Yes, it is =' },
          { id: 'B', text: 'No ~ never' },
        ],
      },
    });
  });

  it('tags questions with the $CATEGORY above them', () => {
    const parsed = parseGift('$CATEGORY: $course$/英语/阅读\n\nQ1 {T}\n\nQ2 {F}');
    expect(parsed.records.map((record) => record.tags)).toEqual([['英语/阅读'], ['英语/阅读']]);
  });

  it('names the first line of each malformed question and reads the others', () => {
    const parsed = parseGift(
      [
        'No answer block here',
        '',
        'Unclosed {=a ~b',
        '',
        'Numeric {#3:1}',
        '',
        'Matching {=cat -> 猫 =dog -> 狗}',
        '',
        '::Fine:: Fine {T}',
        '',
        'No right answer {~a ~b}',
        '',
        ':: unclosed title {T}',
        '',
        '::Fine:: Again {F}',
      ].join('\n'),
    );
    expect(parsed.errors.map((error) => [error.line, error.column, error.code])).toEqual([
      [1, 'answer', 'gift_syntax'],
      [3, 'answer', 'gift_syntax'],
      [5, 'answer', 'gift_unsupported'],
      [7, 'answer', 'gift_unsupported'],
      [11, 'answer', 'required'],
      [13, 'key', 'gift_syntax'],
      [15, 'key', 'duplicate_in_file'],
    ]);
    expect(parsed.totalRows).toBe(8);
    expect(parsed.records.map((record) => record.line)).toEqual([9]);
  });

  it('refuses more options than the template has columns (A–F), so the export keeps them all', () => {
    const parsed = parseGift('Seven? {=a ~b ~c ~d ~e ~f ~g}\n\nSix? {=a ~b ~c ~d ~e ~f}');
    expect(parsed.errors.map((error) => [error.line, error.code])).toEqual([
      [1, 'gift_unsupported'],
    ]);
    expect(parsed.records.map((record) => record.line)).toEqual([3]);
  });

  it('reads a question spread over several lines, with Windows line ends', () => {
    const parsed = parseGift('::M::\r\nWhich one?\r\n{\r\n=right\r\n~wrong\r\n}\r\n');
    expect(parsed.records[0]?.content).toMatchObject({
      type: 'single_choice',
      stem: 'Which one?',
      correct: 'A',
    });
  });
});
