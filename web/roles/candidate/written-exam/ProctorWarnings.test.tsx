import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { confirmMyAttemptWarning } from '../../../../shared/api/attempt-warnings.js';
import { getMyAttempt, type AttemptWarning } from '../../../../shared/api/written-exam.js';
import { FakeApi, refuse } from '../../../test/fake-api.js';
import { pageSocket } from '../../../test/fake-socket.js';
import { attemptView, myAttempt, REGISTRATION_ID } from './written-exam-fixtures.test-support.js';
import { renderExam } from './written-exam-page.test-support.js';

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  pageSocket.reset();
});

const FIRST: AttemptWarning = {
  id: '00000000-0000-4000-8000-000000000901',
  text: '请坐正，不要左顾右盼',
  sentAt: new Date(Date.now() - 60_000).toISOString(),
};
const SECOND: AttemptWarning = {
  id: '00000000-0000-4000-8000-000000000902',
  text: '请勿交谈',
  sentAt: new Date().toISOString(),
};

describe('WrittenExamPage when a proctor sends a reminder (监考老师提醒)', () => {
  it('blocks the paper with each reminder in turn until 我已知晓, the clock running behind it', async () => {
    let warnings: AttemptWarning[] = [];
    const api = new FakeApi()
      .on(getMyAttempt, () => myAttempt(attemptView({ warnings })))
      .on(confirmMyAttemptWarning, ({ params }) => {
        warnings = warnings.filter((warning) => warning.id !== params.warningId);
        return { warnings };
      });
    const page = renderExam(api);
    await screen.findByRole('timer', { name: '剩余时间' });
    await waitFor(() => expect(pageSocket.connected).toBe(true));
    expect(screen.queryByRole('alertdialog')).toBeNull();

    // Sent while the page is open: the server says the attempt changed.
    warnings = [FIRST, SECOND];
    pageSocket.serverEmit('attempt:changed', { registrationId: REGISTRATION_ID });
    const popup = await screen.findByRole('alertdialog', { name: '监考老师提醒' });
    expect(popup).toHaveTextContent('请坐正，不要左顾右盼');
    expect(popup).toHaveTextContent('发送时间');
    expect(popup).toHaveTextContent('还有 1 条提醒');
    const ok = within(popup).getByRole('button', { name: '我已知晓' });
    await waitFor(() => expect(ok).toHaveFocus());
    // No way out but the button: no close icon, Escape does nothing.
    expect(within(popup).queryByRole('button', { name: /close|关闭/i })).toBeNull();
    await page.user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog', { name: '监考老师提醒' })).toBeVisible();
    expect(screen.getByRole('timer', { name: '剩余时间' })).toBeInTheDocument();

    await page.user.click(ok);
    await waitFor(() =>
      expect(screen.getByRole('alertdialog', { name: '监考老师提醒' })).toHaveTextContent(
        '请勿交谈',
      ),
    );
    await page.user.click(screen.getByRole('button', { name: '我已知晓' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.requestsTo(confirmMyAttemptWarning).map((request) => request.params)).toEqual([
      { registrationId: REGISTRATION_ID, warningId: FIRST.id },
      { registrationId: REGISTRATION_ID, warningId: SECOND.id },
    ]);
  });

  it('lets the candidate go on when the confirmation does not arrive, and sends it again', async () => {
    let warnings: AttemptWarning[] = [FIRST];
    let isDown = true;
    const api = new FakeApi()
      .on(getMyAttempt, () => myAttempt(attemptView({ warnings })))
      .on(confirmMyAttemptWarning, () => {
        if (isDown) return refuse('UNAVAILABLE');
        warnings = [];
        return { warnings };
      });
    const page = renderExam(api);
    const popup = await screen.findByRole('alertdialog', { name: '监考老师提醒' });
    await page.user.click(within(popup).getByRole('button', { name: '我已知晓' }));
    // Read and pressed: the paper is free though the server has not heard it yet.
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.requestsTo(confirmMyAttemptWarning)).toHaveLength(1);
    isDown = false;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(api.requestsTo(confirmMyAttemptWarning)).toHaveLength(2));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
