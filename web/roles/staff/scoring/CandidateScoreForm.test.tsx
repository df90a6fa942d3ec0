// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScoringForm } from '../../../../shared/api/scoring.js';
import { jsonFetch, renderInApp } from '../../../test/renderInApp.js';
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
const saved = {
  examinerId: '00000000-0000-4000-8000-000000000001',
  examinerName: '考官 周老师',
  points: [36, 0],
  total: 36,
  comment: '',
  updatedAt: '2026-06-01T02:00:00.000Z',
};

describe('CandidateScoreForm', () => {
  const fetchStub = vi.fn(jsonFetch(saved));
  beforeEach(() => {
    document.cookie = 'invigil_csrf=test-token; path=/';
    vi.stubGlobal('fetch', fetchStub);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchStub.mockClear();
  });

  const renderForm = () =>
    renderInApp(
      <CandidateScoreForm
        registrationId={REGISTRATION}
        candidateName="张三"
        form={form}
        myScore={null}
        isConfirmed={false}
        queryKey={['scores']}
      />,
    );

  it('starts empty and names the criterion left empty instead of saving 0', async () => {
    renderForm();
    const knowledge = screen.getByLabelText('专业知识（满分 40）');
    expect(knowledge).toHaveValue('');
    await userEvent.type(knowledge, '36');
    await userEvent.click(screen.getByRole('button', { name: '保存评分' }));
    expect(await screen.findByText('请为“综合素质”打分（可以打 0 分）')).toBeVisible();
    expect(fetchStub).not.toHaveBeenCalled();
  });

  it('saves an explicit 0', async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText('专业知识（满分 40）'), '36');
    await userEvent.type(screen.getByLabelText('综合素质（满分 30）'), '0');
    await userEvent.click(screen.getByRole('button', { name: '保存评分' }));
    await waitFor(() => expect(fetchStub).toHaveBeenCalled());
    const [url, init] = fetchStub.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/examiner/registrations/${REGISTRATION}/score`);
    expect(JSON.parse(init.body as string)).toEqual({ points: [36, 0], comment: '' });
    expect(await screen.findByText('评分已保存')).toBeInTheDocument();
  });
});
