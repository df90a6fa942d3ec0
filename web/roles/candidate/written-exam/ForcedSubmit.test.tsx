import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getMyAttempt } from '../../../../shared/api/written-exam.js';
import { FakeApi } from '../../../test/fake-api.js';
import { pageSocket } from '../../../test/fake-socket.js';
import { attemptView, myAttempt, REGISTRATION_ID } from './written-exam-fixtures.test-support.js';
import { renderExam } from './written-exam-page.test-support.js';

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  pageSocket.reset();
});

describe('WrittenExamPage when a proctor force-submits (强制交卷)', () => {
  it('leaves the answering page for the submitted screen at once, and says who submitted', async () => {
    let isForced = false;
    const api = new FakeApi().on(getMyAttempt, () =>
      myAttempt(
        isForced
          ? attemptView({
              state: 'submitted',
              submittedAt: new Date().toISOString(),
              submitReason: 'forced',
            })
          : attemptView(),
      ),
    );
    renderExam(api);
    await screen.findByRole('timer', { name: '剩余时间' });
    await waitFor(() => expect(pageSocket.connected).toBe(true));
    isForced = true;
    pageSocket.serverEmit('attempt:changed', { registrationId: REGISTRATION_ID });
    expect(await screen.findByText('考务人员已为您交卷。')).toBeVisible();
    expect(screen.queryByRole('timer', { name: '剩余时间' })).toBeNull();
  });
});
