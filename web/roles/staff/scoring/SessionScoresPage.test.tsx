import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getSessionScores } from '../../../../shared/api/scoring.js';
import { FakeApi } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { SessionScoresPage } from './SessionScoresPage.js';

const SESSION_ID = '00000000-0000-4000-8000-0000000000e1';

describe('SessionScoresPage (评分)', () => {
  it('has the app header like every staff page: the examiner, logout and language', async () => {
    const api = new FakeApi().on(getSessionScores, {
      sessionName: '外国语学院面试第一考场',
      examName: '2026年外语类保送生招生考试（面试）',
      isChair: false,
      form: null,
      items: [],
    });
    render(<SessionScoresPage />, {
      path: '/examiner/sessions/:sessionId/scores',
      url: `/examiner/sessions/${SESSION_ID}/scores`,
      user: sessionUser({ role: 'examiner', name: '考官 周老师' }),
      api,
    });
    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent('考官 周老师');
    expect(screen.getByRole('button', { name: '退出登录' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: '界面语言 / Language' })).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 1, name: '外国语学院面试第一考场 · 评分' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('外国语学院面试第一考场 · 评分 · 云考场');
    expect(api.requestsTo(getSessionScores).map((request) => request.params)).toEqual([
      { sessionId: SESSION_ID },
    ]);
    expect(screen.getByText('本考试尚未设置评分表，请联系管理员')).toBeInTheDocument();
  });
});
