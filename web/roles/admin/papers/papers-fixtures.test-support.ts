import type { AdminExam } from '../../../../shared/api/exam-admin.js';
import { examRulesSchema } from '../../../../shared/api/exams.js';
import type { AdminPaper, PaperBody } from '../../../../shared/api/papers.js';
import type { BankQuestion } from '../../../../shared/api/question-bank.js';
import type { QuestionContent } from '../../../../shared/questions/question-schema.js';

// What PapersPage.test.tsx loads: the demo's written exam with a short degree-English paper
// (词汇, 阅读 with its passage, 写作) and a bank holding those questions and two more.

export const EXAM_ID = '00000000-0000-4000-8000-0000000000e1';
export const PAPERS_PATH = '/admin/exams/:examId/papers';
export const PAPERS_URL = `/admin/exams/${EXAM_ID}/papers`;

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const bankId = (n: number) => id(100 + n);
const paperQuestionId = (n: number) => id(200 + n);
const PASSAGE_ID = id(300);
const CREATED = '2026-12-01T08:00:00.000Z';

export const exam: AdminExam = {
  id: EXAM_ID,
  code: 'WRT2026',
  name: '学位外语考试',
  kind: 'written',
  collegeId: null,
  collegeName: null,
  rules: examRulesSchema.parse({}),
  pledgeText: '',
  noticeText: '',
  sessionCount: 1,
  registrationCount: 2,
  createdAt: CREATED,
};

const choice = (stem: string, options: string[], correct: string): QuestionContent => ({
  type: 'single_choice',
  stem,
  options: options.map((text, index) => ({ id: 'ABCD'.charAt(index), text })),
  correct,
});

const vocabulary1 = choice(
  'The library is open ___ midnight.',
  ['until', 'since', 'for', 'by'],
  'A',
);
const vocabulary2 = choice(
  '"Ubiquitous" most nearly means ___.',
  ['rare', 'everywhere', 'ancient', 'quiet'],
  'B',
);
const reading: QuestionContent = {
  type: 'true_false',
  stem: 'The night library was empty most evenings.',
  correct: false,
};
const writing: QuestionContent = {
  type: 'essay',
  stem: 'Write about your home town in about 120 words.',
  maxLength: 2000,
  referenceAnswer: '描写家乡的景色与变化',
};
export const vocabulary3 = choice(
  'She has lived here ___ 2010.',
  ['since', 'for', 'at', 'on'],
  'A',
);

export const PASSAGE = {
  id: PASSAGE_ID,
  title: 'The Night Library',
  text: 'When the city library…',
};

/** The formal paper as the server sends it: version 1, 21 points, pass mark 12. */
export function formalPaper(changes: Partial<AdminPaper> = {}): AdminPaper {
  return {
    paperId: id(400),
    kind: 'formal',
    version: 1,
    title: '2026年成人学位英语考试',
    passMark: 12,
    totalPoints: 21,
    frozenAt: null,
    attemptCount: 0,
    sections: [
      {
        title: '一、词汇',
        instructions: '从四个选项中选出最佳答案。',
        shuffleQuestions: false,
        shuffleOptions: true,
        drawCount: null,
        points: 4,
        questions: [
          {
            paperQuestionId: paperQuestionId(1),
            bankQuestionId: bankId(1),
            points: 2,
            content: vocabulary1,
            passage: null,
          },
          {
            paperQuestionId: paperQuestionId(2),
            bankQuestionId: bankId(2),
            points: 2,
            content: vocabulary2,
            passage: null,
          },
        ],
      },
      {
        title: '二、阅读理解',
        instructions: '',
        shuffleQuestions: false,
        shuffleOptions: false,
        drawCount: null,
        points: 2,
        questions: [
          {
            paperQuestionId: paperQuestionId(3),
            bankQuestionId: bankId(3),
            points: 2,
            content: reading,
            passage: PASSAGE,
          },
        ],
      },
      {
        title: '三、写作',
        instructions: '',
        shuffleQuestions: false,
        shuffleOptions: false,
        drawCount: null,
        points: 15,
        questions: [
          {
            paperQuestionId: paperQuestionId(4),
            bankQuestionId: bankId(4),
            points: 15,
            content: writing,
            passage: null,
          },
        ],
      },
    ],
    ...changes,
  };
}

const bankQuestion = (
  n: number,
  content: QuestionContent,
  extra: Partial<BankQuestion> = {},
): BankQuestion => ({
  id: bankId(n),
  type: content.type,
  content,
  collegeId: null,
  passageId: null,
  passageTitle: null,
  tags: ['学位英语', '词汇'],
  difficulty: 2,
  defaultPoints: 2,
  externalKey: `V-${String(n)}`,
  createdAt: CREATED,
  updatedAt: CREATED,
  ...extra,
});

/** The bank: the paper's two vocabulary questions and a third not on it yet. */
export const bank: BankQuestion[] = [
  bankQuestion(1, vocabulary1),
  bankQuestion(2, vocabulary2),
  bankQuestion(5, vocabulary3, { defaultPoints: 1 }),
];

const contents = new Map<string, QuestionContent>([
  ...formalPaper().sections.flatMap((section) =>
    section.questions.map((q) => [q.bankQuestionId ?? '', q.content] as const),
  ),
  ...bank.map((q) => [q.id, q.content] as const),
]);

/** The paper the server would answer a save with (points as sent; the draw rule's totals). */
export function paperFromBody(body: PaperBody, version: number): AdminPaper {
  const sections = body.sections.map((section, s) => {
    const questions = section.questions.map((q, i) => ({
      paperQuestionId: id(500 + s * 50 + i),
      bankQuestionId: q.bankQuestionId,
      points: q.points ?? 1,
      content: contents.get(q.bankQuestionId) ?? vocabulary1,
      passage: q.bankQuestionId === bankId(3) ? PASSAGE : null,
    }));
    const drawCount = section.drawCount ?? null;
    const all = questions.reduce((sum, q) => sum + q.points, 0);
    const points =
      drawCount !== null && drawCount < questions.length
        ? (questions[0]?.points ?? 0) * drawCount
        : all;
    return {
      title: section.title,
      instructions: section.instructions ?? '',
      shuffleQuestions: section.shuffleQuestions ?? false,
      shuffleOptions: section.shuffleOptions ?? false,
      drawCount,
      points,
      questions,
    };
  });
  return {
    paperId: id(600 + version),
    kind: 'formal',
    version,
    title: body.title,
    passMark: body.passMark ?? null,
    totalPoints: sections.reduce((sum, section) => sum + section.points, 0),
    frozenAt: null,
    attemptCount: 0,
    sections,
  };
}
