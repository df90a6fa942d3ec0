import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MyRegistration } from '../../../shared/api/exams.js';
import { getMyWrittenResult } from '../../../shared/api/marking.js';
import { getMyResults } from '../../../shared/api/scoring.js';
import { FakeApi } from '../../test/fake-api.js';
import { render, sessionUser } from '../../test/render.js';
import { MyExamsTable } from './MyExamsTable.js';

const written: MyRegistration = {
  registrationId: '00000000-0000-4000-8000-0000000000d1',
  examId: '00000000-0000-4000-8000-0000000000d2',
  examName: '2026年成人学位外语在线考试',
  examKind: 'written',
  sessionId: '00000000-0000-4000-8000-0000000000d3',
  sessionName: '学位外语第一考场',
  startsAt: '2026-06-01T01:00:00.000Z',
  endsAt: '2026-06-01T03:00:00.000Z',
  status: 'ended',
  admissionNumber: 'WRT2026001',
  attendance: 'confirmed',
  identityConfirmedAt: '2026-05-30T01:00:00.000Z',
  preEntryMinutes: 30,
  mockEntryCount: 0,
  standing: 'check_in',
  checkInBlock: 'ended',
};

const notShown = { question: null, answer: null, correct: null };

describe('the written result on 我的考场', () => {
  const candidate = sessionUser({ role: 'candidate', name: '李四' });

  it('shows nothing before 公布成绩', async () => {
    const api = new FakeApi()
      .on(getMyResults, { items: [] })
      .on(getMyWrittenResult, { published: false });
    render(<MyExamsTable items={[written]} isLoading={false} />, { user: candidate, api });
    await screen.findByText('学位外语第一考场');
    expect(api.requestsTo(getMyWrittenResult)).toHaveLength(1);
    expect(screen.queryByText(/笔试成绩/)).not.toBeInTheDocument();
  });

  it('shows the published total, pass/fail and each question’s points', async () => {
    const api = new FakeApi().on(getMyResults, { items: [] }).on(getMyWrittenResult, {
      published: true,
      publishedAt: '2026-06-03T01:00:00.000Z',
      examName: '2026年成人学位外语在线考试',
      result: {
        total: 20.5,
        maxTotal: 22,
        passMark: 12,
        passed: true,
        sections: [
          { title: '一、选择与填空', points: 7, maxPoints: 7 },
          { title: '二、写作', points: 13.5, maxPoints: 15 },
        ],
        questions: [
          { ...notShown, number: 1, type: 'single_choice', points: 2, maxPoints: 2 },
          { ...notShown, number: 2, type: 'essay', points: 13.5, maxPoints: 15 },
        ],
      },
    });
    const { user } = render(<MyExamsTable items={[written]} isLoading={false} />, {
      user: candidate,
      api,
    });
    expect(await screen.findByText('笔试成绩 20.5 / 22')).toBeInTheDocument();
    expect(screen.getByText('及格')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '成绩详情' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('二、写作')).toBeInTheDocument();
    const essay = within(dialog).getByText('第2题').closest('tr');
    if (!essay) throw new Error('no row');
    expect(within(essay).getByText('13.5')).toBeInTheDocument();
  });

  it('shows each answer beside the correct one where the exam shows answers with the result', async () => {
    const api = new FakeApi().on(getMyResults, { items: [] }).on(getMyWrittenResult, {
      published: true,
      publishedAt: '2026-06-03T01:00:00.000Z',
      examName: '2026年成人学位外语在线考试',
      result: {
        total: 5.5,
        maxTotal: 10,
        passMark: null,
        passed: null,
        sections: [{ title: '一、选择与写作', points: 5.5, maxPoints: 10 }],
        questions: [
          {
            number: 1,
            type: 'single_choice',
            points: 0,
            maxPoints: 2,
            // In the candidate's own option order: B first.
            question: {
              type: 'single_choice',
              stem: 'The meeting has been ___ until Monday.',
              options: [
                { id: 'B', text: 'put on' },
                { id: 'A', text: 'put off' },
              ],
            },
            answer: { type: 'single_choice', optionId: 'B' },
            correct: { type: 'single_choice', optionId: 'A' },
          },
          {
            number: 2,
            type: 'essay',
            points: 5.5,
            maxPoints: 8,
            question: { type: 'essay', stem: 'Write about your town.', maxLength: 300 },
            answer: null,
            correct: { type: 'essay', referenceAnswer: 'Any two correct sentences.' },
          },
        ],
      },
    });
    const { user } = render(<MyExamsTable items={[written]} isLoading={false} />, {
      user: candidate,
      api,
    });
    await user.click(await screen.findByRole('button', { name: '成绩详情' }));
    const answers = within(await screen.findByRole('region', { name: '答题情况' }));
    expect(answers.getByText('The meeting has been ___ until Monday.')).toBeInTheDocument();
    expect(answers.getByText('A. put on')).toBeInTheDocument();
    expect(answers.getByText('B. put off')).toBeInTheDocument();
    expect(answers.getByText('未作答')).toBeInTheDocument();
    expect(answers.getByText('参考答案')).toBeInTheDocument();
    expect(answers.getByText('Any two correct sentences.')).toBeInTheDocument();
  });
});
