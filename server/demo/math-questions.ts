import type { DemoQuestion } from './written-paper-content.js';

/**
 * 高等数学 questions in the demo school's bank (on no paper: WRT2026 is a degree-English exam),
 * so a new admin sees formulas in 题库 and its 预览, and can put them on a paper of their own.
 */
export const DEMO_MATH_QUESTIONS: DemoQuestion[] = [
  {
    key: 'MATH-01',
    points: 3,
    difficulty: 2,
    content: {
      type: 'single_choice',
      stem: "设 $f(x) = x^2 + 1$，则 $f'(1)$ 等于",
      options: [
        { id: 'A', text: '$0$' },
        { id: 'B', text: '$1$' },
        { id: 'C', text: '$2$' },
        { id: 'D', text: '$3$' },
      ],
      correct: 'C',
    },
  },
  {
    key: 'MATH-02',
    points: 2,
    difficulty: 1,
    content: {
      type: 'true_false',
      stem: '若 $a > b > 0$，则 $\\sqrt{a} > \\sqrt{b}$。',
      correct: true,
    },
  },
  {
    key: 'MATH-03',
    points: 3,
    difficulty: 2,
    content: {
      type: 'fill_blank',
      stem: '极限 $\\lim_{x \\to 0} \\dfrac{\\sin x}{x} =$ ___。',
      blanks: [{ accepted: ['1'] }],
      matching: { ignoreCase: true, ignoreWidth: true, ignoreSpaces: true },
    },
  },
  {
    key: 'MATH-04',
    points: 10,
    difficulty: 3,
    content: {
      type: 'essay',
      stem: '计算定积分，并写出过程：$$\\int_0^{\\pi} \\sin x \\, dx$$',
      maxLength: 2000,
      referenceAnswer: '$$\\int_0^{\\pi} \\sin x \\, dx = \\left[-\\cos x\\right]_0^{\\pi} = 2$$',
    },
  },
];
