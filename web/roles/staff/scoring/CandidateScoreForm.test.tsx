import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { putMyScore, type ScoreView, type ScoringForm } from '../../../../shared/api/scoring.js';
import { FakeApi, refuse } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { CandidateScoreForm } from './CandidateScoreForm.js';

const REGISTRATION = '00000000-0000-4000-8000-00000000000a';
const form: ScoringForm = {
  examId: '00000000-0000-4000-8000-00000000000b',
  criteria: [
    { name: '专业知识', maxPoints: 40, description: '' },
    { name: '综合素质', maxPoints: 30, description: '' },
  ],
  commentRequired: false,
  aggregation: 'mean',
  maxTotal: 70,
  updatedAt: '2026-06-01T01:00:00.000Z',
};
const saved: ScoreView = {
  examinerId: '00000000-0000-4000-8000-000000000001',
  examinerName: '考官 周老师',
  points: [36, 0],
  total: 36,
  comment: '',
  updatedAt: '2026-06-01T02:00:00.000Z',
};

describe('CandidateScoreForm', () => {
  const renderForm = (
    api = new FakeApi().on(putMyScore, saved),
    state: { myScore: ScoreView | null; isConfirmed: boolean } = {
      myScore: null,
      isConfirmed: false,
    },
  ) =>
    render(
      <CandidateScoreForm
        registrationId={REGISTRATION}
        candidateName="张三"
        form={form}
        queryKey={['scores']}
        {...state}
      />,
      { user: sessionUser({ role: 'examiner', name: '考官 周老师' }), api },
    );

  it('starts empty and names the criterion left empty instead of saving 0', async () => {
    const { api, user } = renderForm();
    const knowledge = screen.getByLabelText('专业知识（满分 40）');
    expect(knowledge).toHaveValue('');
    await user.type(knowledge, '36');
    await user.click(screen.getByRole('button', { name: '保存评分' }));
    expect(await screen.findByText('请为“综合素质”打分（可以打 0 分）')).toBeVisible();
    expect(api.requestsTo(putMyScore)).toEqual([]);
  });

  it('saves an explicit 0, the total adding up as the examiner types', async () => {
    const { api, user } = renderForm();
    expect(screen.getByText('总分 0 / 70')).toBeInTheDocument();
    await user.type(screen.getByLabelText('专业知识（满分 40）'), '36');
    await user.type(screen.getByLabelText('综合素质（满分 30）'), '0');
    expect(await screen.findByText('总分 36 / 70')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '保存评分' }));
    await waitFor(() => expect(api.requestsTo(putMyScore)).toHaveLength(1));
    const [request] = api.requestsTo(putMyScore);
    expect(request?.params).toEqual({ registrationId: REGISTRATION });
    expect(request?.body).toEqual({ points: [36, 0], comment: '' });
    expect(await screen.findByText('评分已保存')).toBeInTheDocument();
  });

  it('says why the save was refused when the chair confirmed the scores meanwhile', async () => {
    const { user } = renderForm(new FakeApi().on(putMyScore, refuse('SCORES_CONFIRMED')));
    await user.type(screen.getByLabelText('专业知识（满分 40）'), '30');
    await user.type(screen.getByLabelText('综合素质（满分 30）'), '20');
    await user.click(screen.getByRole('button', { name: '保存评分' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('成绩已确认，不能再修改');
    expect(screen.queryByText('评分已保存')).not.toBeInTheDocument();
  });

  it('shows the saved score and locks it once the scores are confirmed', () => {
    const { api } = renderForm(new FakeApi(), { myScore: saved, isConfirmed: true });
    expect(screen.getByText('成绩已确认，评分已锁定')).toBeInTheDocument();
    expect(screen.getByLabelText('专业知识（满分 40）')).toHaveValue('36.0');
    expect(screen.getByLabelText('专业知识（满分 40）')).toBeDisabled();
    expect(screen.getByRole('button', { name: '保存评分' })).toBeDisabled();
    expect(screen.getByText('总分 36 / 70')).toBeInTheDocument();
    expect(api.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  });
});
