import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { enterMockExam, type MockEntry } from '../../../../shared/api/info-confirmation.js';
import {
  getMyMockAttempt,
  listMyMockAttempts,
  saveMyMockAnswer,
  startMyMockAttempt,
  submitMyMockAttempt,
  type MockAttemptDetail,
  type MyMockExam,
} from '../../../../shared/api/mock-attempt.js';
import type { AttemptView } from '../../../../shared/api/written-exam.js';
import { FakeApi, refuse } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { REGISTRATION_ID } from '../check-in/check-in-fixtures.test-support.js';
import { memoryStorage } from '../written-exam/answer-storage.js';
import { MockExamPage } from './MockExamPage.js';

const MINUTE = 60_000;
const PATH = '/candidate/registrations/:registrationId/mock';
const URL = `/candidate/registrations/${REGISTRATION_ID}/mock`;
const id = (n: number) => `00000000-0000-4000-8000-0000000020${String(n).padStart(2, '0')}`;
const [SINGLE, TRUE_FALSE, ESSAY] = [id(1), id(2), id(3)];
const now = () => new Date().toISOString();

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

function entry(overrides: Partial<MockEntry> = {}): MockEntry {
  return {
    registrationId: REGISTRATION_ID,
    count: 3,
    lastEnteredAt: now(),
    examName: '2026年成人学位英语考试',
    examKind: 'written',
    sessionName: '学位外语第一考场',
    startsAt: new Date(Date.now() + 60 * MINUTE).toISOString(),
    endsAt: new Date(Date.now() + 180 * MINUTE).toISOString(),
    attendance: 'confirmed',
    rules: {
      durationMinutes: 120,
      minMinutesBeforeSubmit: 30,
      secondCameraRequired: false,
      screenShareRequired: false,
      preEntryMinutes: 30,
    },
    noticeText: '',
    serverTime: now(),
    ...overrides,
  };
}

function mockExam(overrides: Partial<MyMockExam> = {}): MyMockExam {
  return {
    serverTime: now(),
    hasMockPaper: true,
    closedReason: null,
    durationMinutes: 120,
    answersShown: true,
    attempts: [],
    ...overrides,
  };
}

/** The mock paper started just now: a choice, a true/false and an essay (fixture). */
function mockAttempt(overrides: Partial<AttemptView> = {}): AttemptView {
  const startedAt = Date.now();
  return {
    attemptId: id(80),
    state: 'in_progress',
    title: '学位英语（模拟卷）',
    startedAt: new Date(startedAt).toISOString(),
    deadline: new Date(startedAt + 120 * MINUTE).toISOString(),
    submitOpensAt: new Date(startedAt).toISOString(),
    inactivitySubmitAt: null,
    submitFace: null,
    sections: [
      {
        title: '模拟练习',
        instructions: '本卷仅供熟悉作答界面，不计入成绩。',
        questions: [
          {
            paperQuestionId: SINGLE,
            number: 1,
            points: 2,
            question: {
              type: 'single_choice',
              stem: 'I have ___ finished my homework.',
              options: [
                { id: 'A', text: 'yet' },
                { id: 'B', text: 'already' },
              ],
            },
            passage: null,
          },
          {
            paperQuestionId: TRUE_FALSE,
            number: 2,
            points: 2,
            question: { type: 'true_false', stem: '"Children" is the plural of "child".' },
            passage: null,
          },
          {
            paperQuestionId: ESSAY,
            number: 3,
            points: 10,
            question: { type: 'essay', stem: '请用英文介绍你自己。', maxLength: 500 },
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

/** The attempt handed in with 第1题 answered B (right), scored, with or without the keys. */
function submittedDetail(answersShown: boolean): MockAttemptDetail {
  const attempt = mockAttempt({
    state: 'submitted',
    submittedAt: now(),
    submitReason: 'manual',
    answers: [
      { paperQuestionId: SINGLE, answer: { type: 'single_choice', optionId: 'B' }, seq: 1 },
    ],
  });
  const key = <T,>(value: T) => (answersShown ? value : null);
  return {
    serverTime: now(),
    attempt,
    result: {
      points: 2,
      maxPoints: 14,
      scoredMaxPoints: 4,
      answersShown,
      questions: [
        {
          paperQuestionId: SINGLE,
          number: 1,
          maxPoints: 2,
          points: 2,
          verdict: 'correct',
          correct: key({ type: 'single_choice' as const, optionId: 'B' }),
        },
        {
          paperQuestionId: TRUE_FALSE,
          number: 2,
          maxPoints: 2,
          points: 0,
          verdict: 'unanswered',
          correct: key({ type: 'true_false' as const, value: true }),
        },
        {
          paperQuestionId: ESSAY,
          number: 3,
          maxPoints: 10,
          points: null,
          verdict: null,
          correct: key({ type: 'essay' as const, referenceAnswer: '' }),
        },
      ],
    },
  };
}

function renderPage(api: FakeApi, url = URL) {
  return render(<MockExamPage storage={memoryStorage()} />, {
    path: PATH,
    url,
    user: sessionUser(),
    api,
  });
}

describe('MockExamPage (模拟考试)', () => {
  it('says plainly when the written exam has no mock paper', async () => {
    renderPage(
      new FakeApi()
        .on(enterMockExam, entry())
        .on(listMyMockAttempts, mockExam({ hasMockPaper: false })),
    );
    expect(await screen.findByText('暂无模拟试卷')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '开始模拟' })).not.toBeInTheDocument();
    expect(screen.getByText('第 3 次进入模拟考试')).toBeInTheDocument();
  });

  it('lists past attempts with their scores, then starts one and hands it in at once', async () => {
    const past = submittedDetail(true);
    const open = mockAttempt({ attemptId: id(81) });
    const api = new FakeApi()
      .on(enterMockExam, entry())
      .on(
        listMyMockAttempts,
        mockExam({
          attempts: [
            {
              attemptId: past.attempt.attemptId,
              state: 'submitted',
              startedAt: past.attempt.startedAt,
              deadline: past.attempt.deadline,
              submittedAt: past.attempt.submittedAt,
              submitReason: 'manual',
              points: 2,
              maxPoints: 14,
            },
          ],
        }),
      )
      .on(startMyMockAttempt, { serverTime: now(), attempt: open, result: null })
      .on(getMyMockAttempt, { serverTime: now(), attempt: open, result: null })
      .on(saveMyMockAnswer, (request) => ({
        seq: (request.body as { seq: number }).seq,
        late: false,
      }))
      .on(submitMyMockAttempt, {
        ...submittedDetail(true),
        attempt: { ...submittedDetail(true).attempt, attemptId: open.attemptId },
      });
    const page = renderPage(api);
    expect(await screen.findByRole('cell', { name: '第 1 次' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '2 / 14 分' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '查看第 1 次的结果' })).toBeInTheDocument();
    expect(screen.getByText(/每次作答 120 分钟/)).toBeInTheDocument();

    await page.user.click(screen.getByRole('button', { name: '开始模拟' }));
    expect(await screen.findByRole('heading', { name: '学位英语（模拟卷）' })).toBeInTheDocument();
    expect(screen.getByText('模拟考试 · 不计入成绩 · 可随时交卷')).toBeInTheDocument();
    expect(screen.getByRole('timer', { name: '剩余时间' })).toHaveTextContent(
      /^(01:59:\d\d|02:00:00)$/,
    );
    await page.user.click(screen.getByRole('radio', { name: 'B. already' }));
    await page.user.click(screen.getByRole('button', { name: /交卷/ }));
    const dialog = within(await screen.findByRole('dialog', { name: '确认交卷' }));
    await page.user.click(dialog.getByRole('button', { name: /确认交卷/ }));

    expect(await screen.findByRole('heading', { name: '模拟考试成绩' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('得分 2 分');
    expect(api.requestsTo(saveMyMockAnswer).map((r) => [r.params.attemptId, r.body])).toEqual([
      [open.attemptId, { answer: { type: 'single_choice', optionId: 'B' }, seq: 1 }],
    ]);
    expect(api.requestsTo(submitMyMockAttempt)).toHaveLength(1);
    const first = within(screen.getByRole('listitem', { name: /第1题/ }));
    expect(first.getByText('正确')).toBeInTheDocument();
    expect(first.getAllByText('B. already')).toHaveLength(2);
    const essay = within(screen.getByRole('listitem', { name: /第3题/ }));
    expect(essay.getByText('不评分')).toBeInTheDocument();
    expect(essay.getByText('未作答')).toBeInTheDocument();
  });

  it('shows a result without the correct answers where the exam hides them', async () => {
    const detail = submittedDetail(false);
    renderPage(
      new FakeApi().on(enterMockExam, entry()).on(getMyMockAttempt, detail),
      `${URL}?attempt=${detail.attempt.attemptId}`,
    );
    expect(await screen.findByText('本场考试不显示正确答案。')).toBeInTheDocument();
    expect(screen.queryByText('正确答案')).not.toBeInTheDocument();
    expect(screen.getAllByText('你的答案')).toHaveLength(3);
  });

  it('continues the attempt in progress, and says why no new one may start', async () => {
    const open = mockAttempt();
    const api = new FakeApi()
      .on(enterMockExam, entry())
      .on(
        listMyMockAttempts,
        mockExam({
          closedReason: 'formal_started',
          attempts: [
            {
              attemptId: open.attemptId,
              state: 'in_progress',
              startedAt: open.startedAt,
              deadline: open.deadline,
              submittedAt: null,
              submitReason: null,
              points: null,
              maxPoints: 14,
            },
          ],
        }),
      )
      .on(getMyMockAttempt, { serverTime: now(), attempt: open, result: null });
    const page = renderPage(api);
    await page.user.click(await screen.findByRole('button', { name: '继续模拟' }));
    expect(await screen.findByRole('heading', { name: '第1题' })).toBeInTheDocument();
    await page.user.click(screen.getByRole('button', { name: '返回模拟考试' }));
    expect(await screen.findByRole('button', { name: '继续模拟' })).toBeInTheDocument();
  });

  it('keeps 开始模拟 disabled with its reason once the formal attempt has started', async () => {
    renderPage(
      new FakeApi()
        .on(enterMockExam, entry())
        .on(listMyMockAttempts, mockExam({ closedReason: 'formal_started' })),
    );
    const start = await screen.findByRole('button', { name: '开始模拟' });
    expect(start).toBeDisabled();
    expect(start).toHaveAccessibleDescription('正式考试已开始，模拟考试已关闭');
    expect(screen.getByText('还没有模拟记录')).toBeInTheDocument();
  });

  it('still lists past results when the server no longer counts an entry (formal started)', async () => {
    const past = submittedDetail(true);
    renderPage(
      new FakeApi().on(enterMockExam, refuse('MOCK_EXAM_CLOSED')).on(
        listMyMockAttempts,
        mockExam({
          closedReason: 'formal_started',
          attempts: [
            {
              attemptId: past.attempt.attemptId,
              state: 'submitted',
              startedAt: past.attempt.startedAt,
              deadline: past.attempt.deadline,
              submittedAt: past.attempt.submittedAt,
              submitReason: 'manual',
              points: 2,
              maxPoints: 14,
            },
          ],
        }),
      ),
    );
    expect(await screen.findByRole('button', { name: '查看第 1 次的结果' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '开始模拟' })).toBeDisabled();
  });
});
