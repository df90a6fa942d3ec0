import type { QuestionContent } from '../../shared/questions/question-schema.js';

/** Four questions, one of each kind the page treats differently, in two sections. */
export const SAMPLE_QUESTIONS: { section: number; points: number; content: QuestionContent }[] = [
  {
    section: 1,
    points: 2,
    content: {
      type: 'single_choice',
      stem: 'The word "ubiquitous" most nearly means ___.',
      options: [
        { id: 'A', text: 'rare' },
        { id: 'B', text: 'found everywhere' },
        { id: 'C', text: 'ancient' },
      ],
      correct: 'B',
    },
  },
  {
    section: 1,
    points: 3,
    content: {
      type: 'multiple_choice',
      stem: 'Which of these are prime numbers?',
      options: [
        { id: 'A', text: '2' },
        { id: 'B', text: '3' },
        { id: 'C', text: '4' },
      ],
      correct: ['A', 'B'],
      scoring: 'partial',
    },
  },
  {
    section: 1,
    points: 2,
    content: {
      type: 'fill_blank',
      stem: 'She has lived here ___ 2010.',
      blanks: [{ accepted: ['since'] }],
      matching: { ignoreCase: true, ignoreWidth: true, ignoreSpaces: true },
    },
  },
  {
    section: 2,
    points: 15,
    content: {
      type: 'essay',
      stem: 'Write about your home town (at most 200 characters).',
      maxLength: 200,
      referenceAnswer: 'SECRET-REFERENCE',
    },
  },
];
