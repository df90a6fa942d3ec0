import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MyRegistration } from '../../../shared/api/exams.js';
import { getMyWrittenResult } from '../../../shared/api/marking.js';
import { getMyResults } from '../../../shared/api/scoring.js';
import { FakeApi } from '../../test/fake-api.js';
import { render, sessionUser } from '../../test/render.js';
import { MyExamsTable } from './MyExamsTable.js';

const row = (changes: Partial<MyRegistration> = {}): MyRegistration => ({
  registrationId: '00000000-0000-4000-8000-0000000000c1',
  examId: '00000000-0000-4000-8000-0000000000c2',
  examName: '2026年外语类保送生招生考试（面试）',
  examKind: 'interview',
  sessionId: '00000000-0000-4000-8000-0000000000c3',
  sessionName: '外国语学院面试第一考场',
  startsAt: '2026-06-01T01:00:00.000Z',
  endsAt: '2026-06-01T09:00:00.000Z',
  status: 'in_progress',
  admissionNumber: 'INT2026001',
  attendance: 'confirmed',
  identityConfirmedAt: null,
  preEntryMinutes: 30,
  mockEntryCount: 0,
  standing: 'check_in',
  // The server's verdict for this row: identity not yet confirmed on the 准考证.
  checkInBlock: 'identity_pending',
  ...changes,
});

describe('MyExamsTable (我的考场)', () => {
  const candidate = sessionUser({ role: 'candidate', name: '张三' });
  // No result published yet (the table shows results beside their exams).
  const api = () => new FakeApi().on(getMyResults, { items: [] });

  it('writes why 人脸识别 and 进入候考区 are grey next to them, not only on hover', () => {
    render(<MyExamsTable items={[row()]} isLoading={false} />, { user: candidate, api: api() });
    const reason = screen.getByText('请先打开准考证，核对身份信息后点击“确认信息”');
    expect(reason).toBeVisible();
    for (const name of ['人脸识别', '进入候考区']) {
      const button = screen.getByRole('button', { name });
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription('请先打开准考证，核对身份信息后点击“确认信息”');
    }
  });

  it('leads a written exam to 进入考试 (its page), not to a 候考区', () => {
    const written = row({
      examKind: 'written',
      examName: '2026年成人学位外语在线考试',
      checkInBlock: null,
      identityConfirmedAt: '2026-05-30T01:00:00.000Z',
    });
    render(<MyExamsTable items={[written]} isLoading={false} />, {
      user: candidate,
      api: api().on(getMyWrittenResult, { published: false }),
    });
    expect(screen.getByRole('link', { name: '进入考试' })).toHaveAttribute(
      'href',
      `/candidate/registrations/${written.registrationId}/exam`,
    );
    expect(screen.queryByRole('link', { name: '进入候考区' })).not.toBeInTheDocument();
  });

  it('shows the session’s time in the school’s zone, the zone named in the column', () => {
    render(<MyExamsTable items={[row()]} isLoading={false} />, { user: candidate, api: api() });
    expect(screen.getByRole('columnheader', { name: '日期 (北京时间)' })).toBeInTheDocument();
    expect(screen.getByText('2026-06-01 09:00-17:00')).toBeInTheDocument();
  });

  it('names the zone in English too', () => {
    render(<MyExamsTable items={[row()]} isLoading={false} />, {
      user: { ...candidate, schoolTimeZone: 'Europe/Berlin' },
      api: api(),
      language: 'en',
    });
    expect(screen.getByText('2026-06-01 03:00-11:00')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Date (Europe/Berlin)' })).toBeInTheDocument();
  });
});
