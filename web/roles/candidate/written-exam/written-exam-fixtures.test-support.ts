import type { AttemptView, MyAttempt } from '../../../../shared/api/written-exam.js';
import { REGISTRATION_ID } from '../check-in/check-in-fixtures.test-support.js';

export { REGISTRATION_ID };
export const EXAM_PATH = '/candidate/registrations/:registrationId/exam';
export const EXAM_URL = `/candidate/registrations/${REGISTRATION_ID}/exam`;

const MINUTE = 60_000;
const id = (n: number) => `00000000-0000-4000-8000-0000000010${String(n).padStart(2, '0')}`;
/** The paper questions' ids, 第1题 … 第6题. */
export const Q = [1, 2, 3, 4, 5, 6].map(id) as [string, string, string, string, string, string];

const options = ['A', 'B', 'C', 'D'].map((key) => ({ id: key, text: `选项${key}` }));
const passage = { id: id(90), title: 'Lake Town', text: 'The town lies by a quiet lake.' };

/** 学位英语（样卷） as the server presents it, 10 minutes in, 交卷 from minute 30 (fixture). */
export function attemptView(overrides: Partial<AttemptView> = {}): AttemptView {
  const startedAt = Date.now() - 10 * MINUTE;
  const at = (minutes: number) => new Date(startedAt + minutes * MINUTE).toISOString();
  return {
    attemptId: id(80),
    state: 'in_progress',
    title: '学位英语（样卷）',
    startedAt: at(0),
    deadline: at(120),
    submitOpensAt: at(30),
    inactivitySubmitAt: null,
    submitFace: null,
    sections: [
      {
        title: '一、词汇与语法',
        instructions: '从四个选项中选出最佳答案。',
        questions: [
          {
            paperQuestionId: Q[0],
            number: 1,
            points: 2,
            question: { type: 'single_choice', stem: 'Ubiquitous means ___.', options },
            passage: null,
          },
          {
            paperQuestionId: Q[1],
            number: 2,
            points: 3,
            question: { type: 'multiple_choice', stem: '下列哪些是质数？', options },
            passage: null,
          },
          {
            paperQuestionId: Q[2],
            number: 3,
            points: 1,
            question: { type: 'true_false', stem: 'The sun rises in the west.' },
            passage: null,
          },
        ],
      },
      {
        title: '二、阅读与写作',
        instructions: '阅读短文，完成下列各题。',
        questions: [
          {
            paperQuestionId: Q[3],
            number: 4,
            points: 2,
            question: { type: 'fill_blank', stem: 'The town lies by a ___ lake.', blankCount: 1 },
            passage,
          },
          {
            paperQuestionId: Q[4],
            number: 5,
            points: 10,
            question: { type: 'essay', stem: '请以“我的家乡”为题写一篇短文。', maxLength: 10 },
            passage: null,
          },
          {
            paperQuestionId: Q[5],
            number: 6,
            points: 5,
            question: { type: 'file', stem: '拍照上传手写的演算过程。', maxFiles: 3 },
            passage: null,
          },
        ],
      },
    ],
    answers: [],
    submittedAt: null,
    submitReason: null,
    ...overrides,
  };
}

/** getMyAttempt's answer: the session open 10 minutes ago (fixture). */
export function myAttempt(
  attempt: AttemptView | null,
  overrides: Partial<MyAttempt> = {},
): MyAttempt {
  return {
    serverTime: new Date().toISOString(),
    opensAt: new Date(Date.now() - 10 * MINUTE).toISOString(),
    hasPaper: true,
    screenShareRequired: false,
    copyPasteBlocked: false,
    aiMonitor: null,
    attempt,
    ...overrides,
  };
}
