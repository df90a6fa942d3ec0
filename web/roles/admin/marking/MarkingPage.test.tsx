import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  getMarkingOverview,
  getMarkingQuestion,
  getWrittenResults,
  putMark,
  type MarkingAnswer,
  type MarkingOverview,
  type MarkingQuestionView,
} from '../../../../shared/api/marking.js';
import { FakeApi, refuse } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { MarkingPage } from './MarkingPage.js';

const EXAM = '00000000-0000-4000-8000-0000000000e1';
const ESSAY = '00000000-0000-4000-8000-0000000000c4';
const attemptId = (n: number) => `00000000-0000-4000-8000-00000000a00${String(n)}`;

const question = {
  paperQuestionId: ESSAY,
  paperVersion: 1,
  number: 4,
  sectionTitle: '二、写作',
  type: 'essay' as const,
  stem: 'Write about your home town.',
  points: 15,
  submittedCount: 2,
  markedCount: 0,
  pending: { first: 2, second: 0, third: 0 },
  myPendingCount: 2,
};

const overview = (): MarkingOverview => ({
  examId: EXAM,
  examCode: 'WRT2026',
  examName: '学位外语考试',
  questions: [question],
  inProgressCount: 0,
  isComplete: false,
  doubleMarking: null,
});

/** An answer nobody marked yet, under single marking. */
const unmarked = {
  stage: 'first' as const,
  nextSlot: 'first' as const,
  marks: [],
  finalPoints: null,
};

describe('MarkingPage (/admin/exams/:examId/marking)', () => {
  const admin = sessionUser({ role: 'school_admin', name: '学校管理员' });

  it('marks the anonymised answers one after another with Enter, and shows the progress', async () => {
    const answers: MarkingAnswer[] = [
      {
        attemptId: attemptId(1),
        code: 'A001',
        answer: { type: 'essay', text: '我的家乡在江南。' },
        mark: null,
        ...unmarked,
        candidate: null,
      },
      {
        attemptId: attemptId(2),
        code: 'A002',
        answer: null,
        mark: null,
        ...unmarked,
        candidate: null,
      },
    ];
    const view = (): MarkingQuestionView => ({
      question: { ...question, referenceAnswer: '参考：描写家乡的景色', limit: 200 },
      isComplete: false,
      answers,
    });
    const api = new FakeApi()
      .on(getMarkingOverview, overview())
      .on(getMarkingQuestion, () => view())
      .on(getWrittenResults, refuse('NOT_FOUND'))
      .on(putMark, (request) => {
        const body = request.body as { points: number; comment: string };
        if (body.points > 15) return refuse('MARK_POINTS_OVER_MAX');
        const index = answers.findIndex((answer) => answer.attemptId === request.params.attemptId);
        const mark = {
          slot: 'first' as const,
          points: body.points,
          comment: body.comment,
          markerName: '学校管理员',
          markedAt: '2026-12-03T10:00:00.000Z',
        };
        const current = answers[index];
        if (current) {
          answers[index] = { ...current, mark, stage: 'done', finalPoints: body.points };
        }
        return {
          mark,
          stage: 'done' as const,
          attemptState: 'marked' as const,
          markedCount: answers.filter((answer) => answer.mark).length,
        };
      });
    const { user } = render(<MarkingPage />, {
      user: admin,
      api,
      path: '/admin/exams/:examId/marking',
      url: `/admin/exams/${EXAM}/marking`,
    });

    expect(await screen.findByText('参考：描写家乡的景色')).toBeInTheDocument();
    expect(screen.getByText('我的家乡在江南。')).toBeInTheDocument();
    expect(screen.getByText('答卷 A001')).toBeInTheDocument();
    expect(screen.getByText('已阅 0 / 2')).toBeInTheDocument();

    const points = screen.getByLabelText('给分（满分 15）');
    await user.type(points, '20{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('给分超过本题满分');
    expect(api.requestsTo(putMark)).toHaveLength(1);

    await user.clear(points);
    await user.type(screen.getByLabelText('评语（选填）'), '切题');
    await user.type(points, '12.5{Enter}');
    // Saved, and the next paper opens: 未作答 is shown for A002.
    expect(await screen.findByText('答卷 A002')).toBeInTheDocument();
    expect(screen.getByText('未作答')).toBeInTheDocument();
    expect(await screen.findByText('已阅 1 / 2')).toBeInTheDocument();
    expect(api.requestsTo(putMark).at(-1)).toMatchObject({
      params: { attemptId: attemptId(1) },
      body: { points: 12.5, comment: '切题' },
    });

    await user.click(screen.getByRole('button', { name: '上一份' }));
    const card = (await screen.findByText('答卷 A001')).closest('.ant-card');
    if (!(card instanceof HTMLElement)) throw new Error('no answer card');
    expect(within(card).getByText(/学校管理员 于 .* 给 12.5 分/)).toBeInTheDocument();
    expect(screen.queryByText(/WRT2026001/)).not.toBeInTheDocument();
  });

  it('says no paper is in yet, and not that marking is complete, before anyone submitted', async () => {
    const api = new FakeApi()
      .on(getMarkingOverview, { ...overview(), questions: [{ ...question, submittedCount: 0 }] })
      .on(getMarkingQuestion, {
        question: { ...question, submittedCount: 0, referenceAnswer: '', limit: 200 },
        isComplete: true,
        answers: [],
      })
      .on(getWrittenResults, refuse('NOT_FOUND'));
    render(<MarkingPage />, {
      user: admin,
      api,
      path: '/admin/exams/:examId/marking',
      url: `/admin/exams/${EXAM}/marking`,
    });
    expect(await screen.findByText('还没有已交的答卷')).toBeInTheDocument();
    expect(screen.queryByText(/全部阅完/)).not.toBeInTheDocument();
  });

  it('says when the paper has nothing to mark', async () => {
    const api = new FakeApi()
      .on(getMarkingOverview, { ...overview(), questions: [] })
      .on(getWrittenResults, refuse('NOT_FOUND'));
    render(<MarkingPage />, {
      user: admin,
      api,
      path: '/admin/exams/:examId/marking',
      url: `/admin/exams/${EXAM}/marking`,
    });
    expect(
      await screen.findByText('本考试的试卷没有主观题（作文、简答、上传作答），无需阅卷'),
    ).toBeInTheDocument();
  });
});
