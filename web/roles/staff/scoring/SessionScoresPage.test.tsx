// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonFetch, renderInApp, testUser } from '../../../test/renderInApp.js';
import { SessionScoresPage } from './SessionScoresPage.js';

describe('SessionScoresPage (评分)', () => {
  beforeEach(() =>
    vi.stubGlobal(
      'fetch',
      vi.fn(
        jsonFetch({
          sessionName: '外国语学院面试第一考场',
          examName: '2026年外语类保送生招生考试（面试）',
          isChair: false,
          form: null,
          items: [],
        }),
      ),
    ),
  );
  afterEach(() => vi.unstubAllGlobals());

  it('has the app header like every staff page: the examiner, logout and language', async () => {
    renderInApp(<SessionScoresPage />, { user: testUser({ name: '考官 周老师' }) });
    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent('考官 周老师');
    expect(screen.getByRole('button', { name: '退出登录' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: '界面语言 / Language' })).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 1, name: '外国语学院面试第一考场 · 评分' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('外国语学院面试第一考场 · 评分 · 云考场');
  });
});
