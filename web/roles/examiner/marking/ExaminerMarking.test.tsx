import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listMyAssignments } from '../../../../shared/api/exams.js';
import {
  getMarkerOverview,
  getMarkerQuestion,
  listMarkerExams,
  putMarkerMark,
  type MarkingAnswer,
  type MarkingQuestion,
} from '../../../../shared/api/marking.js';
import { FakeApi } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { ExaminerHomePage } from '../ExaminerHomePage.js';
import { ExaminerMarkingPage } from './ExaminerMarkingPage.js';

const EXAM = '00000000-0000-4000-8000-0000000000e1';
const ESSAY = '00000000-0000-4000-8000-0000000000c4';
const attemptId = (n: number) => `00000000-0000-4000-8000-00000000a00${String(n)}`;
const examiner = sessionUser({ role: 'examiner', name: '考官 周老师' });

const markerExam = {
  examId: EXAM,
  examCode: 'WRT2026',
  examName: '学位外语考试',
  questionCount: 1,
  myPendingCount: 3,
  pendingCount: 4,
  submittedCount: 4,
  inProgressCount: 0,
  isComplete: false,
  isDoubleMarking: true,
};

const question: MarkingQuestion = {
  paperQuestionId: ESSAY,
  paperVersion: 1,
  number: 4,
  sectionTitle: '二、写作',
  type: 'essay',
  stem: 'Write about your home town.',
  points: 15,
  submittedCount: 2,
  markedCount: 0,
  pending: { first: 0, second: 2, third: 0 },
  myPendingCount: 1,
};

describe('the examiner’s marking entry (阅卷人)', () => {
  it('lists the exams they mark on their home with what waits for them, and opens one', async () => {
    const api = new FakeApi()
      .on(listMyAssignments, { serverTime: '2026-12-03T10:00:00.000Z', items: [] })
      .on(listMarkerExams, { items: [markerExam] });
    const { user, location } = render(<ExaminerHomePage />, {
      user: examiner,
      api,
      path: '/examiner',
    });
    expect(await screen.findByRole('heading', { name: '阅卷任务' })).toBeInTheDocument();
    expect(await screen.findByText('学位外语考试')).toBeInTheDocument();
    expect(screen.getByText('待阅 3')).toBeInTheDocument();
    expect(screen.getByText('双评')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: '进入阅卷 学位外语考试' }));
    expect(location()).toBe(`/examiner/exams/${EXAM}/marking`);
  });

  it('says no paper is in yet rather than all marked, before anyone hands in', async () => {
    const api = new FakeApi()
      .on(listMyAssignments, { serverTime: '2026-12-03T10:00:00.000Z', items: [] })
      .on(listMarkerExams, {
        items: [
          {
            ...markerExam,
            myPendingCount: 0,
            pendingCount: 0,
            submittedCount: 0,
            isComplete: true,
          },
        ],
      });
    render(<ExaminerHomePage />, { user: examiner, api, path: '/examiner' });
    expect(await screen.findByText('尚无已交答卷')).toBeInTheDocument();
    expect(screen.queryByText('已全部阅完')).not.toBeInTheDocument();
  });

  it('shows nothing of marking to an examiner who marks no exam', async () => {
    const api = new FakeApi()
      .on(listMyAssignments, { serverTime: '2026-12-03T10:00:00.000Z', items: [] })
      .on(listMarkerExams, { items: [] });
    render(<ExaminerHomePage />, { user: examiner, api, path: '/examiner' });
    expect(await screen.findByText('暂无分配的考场')).toBeInTheDocument();
    await waitFor(() => expect(api.requestsTo(listMarkerExams)).toHaveLength(1));
    // Let the answer render: the card would show up now if it were going to.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('heading', { name: '阅卷任务' })).not.toBeInTheDocument();
  });

  it('gives the second mark without the first one’s points, and lets them correct the paper they marked', async () => {
    const answers: MarkingAnswer[] = [
      {
        attemptId: attemptId(1),
        code: 'A001',
        answer: { type: 'essay', text: '我的家乡在江南。' },
        // Theirs, as the first marker: the paper waits for someone else's second mark, and
        // their own may be corrected until then.
        mark: {
          slot: 'first',
          points: 10,
          comment: '',
          markerName: '考官 周老师',
          markedAt: '2026-12-03T09:00:00.000Z',
        },
        stage: 'second',
        nextSlot: 'first',
        marks: [],
        finalPoints: null,
        candidate: null,
      },
      {
        attemptId: attemptId(2),
        code: 'A002',
        answer: { type: 'essay', text: 'My home town is by the sea.' },
        mark: null,
        stage: 'second',
        nextSlot: 'second',
        marks: [],
        finalPoints: null,
        candidate: null,
      },
    ];
    const api = new FakeApi()
      .on(getMarkerOverview, {
        examId: EXAM,
        examCode: 'WRT2026',
        examName: '学位外语考试',
        questions: [question],
        inProgressCount: 0,
        isComplete: false,
        doubleMarking: { threshold: 2 },
      })
      .on(getMarkerQuestion, {
        question: { ...question, referenceAnswer: '参考：描写家乡的景色', limit: 200 },
        isComplete: false,
        answers,
      })
      .on(putMarkerMark, {
        mark: {
          slot: 'second',
          points: 9,
          comment: '',
          markerName: '考官 周老师',
          markedAt: '2026-12-03T10:00:00.000Z',
        },
        stage: 'done',
        attemptState: 'marked',
        markedCount: 1,
      });
    const { user } = render(<ExaminerMarkingPage />, {
      user: examiner,
      api,
      path: '/examiner/exams/:examId/marking',
      url: `/examiner/exams/${EXAM}/marking`,
    });

    // The paper waiting for them opens first, with the rule of the mean stated.
    expect(await screen.findByText('答卷 A002')).toBeInTheDocument();
    expect(
      screen.getByText(/两评相差不超过 2 分时取平均分（按 0.5 分四舍五入/),
    ).toBeInTheDocument();
    expect(screen.getByText('匿名阅卷：阅卷人始终看不到考生姓名和准考证号')).toBeInTheDocument();
    expect(
      screen.getByText('一评待阅 0 · 二评待阅 2 · 仲裁待阅 0 · 我的待阅 1'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: '成绩' })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('给分（满分 15 · 二评）'), '9{Enter}');
    expect(await screen.findByText('已保存 A002：9 分')).toBeInTheDocument();
    expect(api.requestsTo(putMarkerMark)).toEqual([
      expect.objectContaining({
        params: { examId: EXAM, paperQuestionId: ESSAY, attemptId: attemptId(2) },
        body: { points: 9, comment: '' },
      }),
    ]);

    await user.click(screen.getByRole('button', { name: '上一份' }));
    expect(await screen.findByText('答卷 A001')).toBeInTheDocument();
    expect(screen.getByText('我的一评：10 分')).toBeInTheDocument();
    expect(
      screen.getByText(
        '您已评过这份答卷：在得出最终得分前可修改您的评分，另一评须由其他阅卷人给出',
      ),
    ).toBeInTheDocument();
    const correction = screen.getByLabelText('给分（满分 15 · 一评）');
    expect(correction).toBeEnabled();
    expect(correction).toHaveValue('10.0');
    expect(screen.getByRole('button', { name: '保存并下一份' })).toBeEnabled();
  });
});
