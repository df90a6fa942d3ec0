import { expect, test } from '@playwright/test';
import {
  INTERVIEW_ROOM,
  WORKING_DEVICES,
  callApi,
  confirmAttendanceAndIdentity,
  logInByAdmission,
  openCheckIn,
  staffApi,
  useInterviewRules,
} from '../../fixtures/candidate.js';

// Seeds 000/001 from 进入考试 to 关闭考试 as the candidate sees it: the waiting room follows the
// server's ticket live (socket events), the staff act through the API (their pages come next).

test('from the check-in into the waiting room, called, invited, interviewed, 关闭考试 (李四)', async ({
  page,
}) => {
  // The face check and the phone have their own journeys; this one starts after them.
  const restoreRules = await useInterviewRules({
    faceCheckRequired: false,
    secondCameraRequired: false,
  });
  const waiting1 = await staffApi('waiting1');
  const panel1 = await staffApi('panel1');
  try {
    await logInByAdmission(page, 'INT2026002');
    await confirmAttendanceAndIdentity(page);
    const registrationId = await openCheckIn(page);
    const base = `/api/me/registrations/${registrationId}`;
    await callApi(page.request, 'PUT', `${base}/check-in/device`, WORKING_DEVICES);
    const state = await callApi<{ steps: { pledge: { state: string } } }>(
      page.request,
      'GET',
      `${base}/check-in`,
    );
    if (state.steps.pledge.state === 'pending') {
      await callApi(page.request, 'POST', `${base}/check-in/pledge`, { agree: true });
    }
    await page.reload();

    // 进入考试 → 候考区; nobody is calling yet.
    await page.getByRole('button', { name: '进入考试' }).click();
    await expect(page).toHaveURL(/\/waiting-room$/);
    await expect(page.getByRole('heading', { name: '候考中' })).toBeVisible();
    await expect(page.getByTestId('waiting-examiner')).toHaveAttribute(
      'data-state',
      /offline|available|busy/,
    );

    const mine = await callApi<{ items: { registrationId: string; sessionId: string }[] }>(
      page.request,
      'GET',
      '/api/me/registrations',
    );
    const sessionId = mine.items.find((item) => item.registrationId === registrationId)?.sessionId;
    const ticketPath = `/api/sessions/${sessionId ?? ''}/waiting-room/${registrationId}`;

    // The waiting-room examiner calls: the page says so at once, without a reload.
    await callApi(waiting1, 'POST', `${ticketPath}/call`);
    await expect(page.getByRole('heading', { name: /正在与您通话/ })).toBeVisible();
    await expect(page.getByText('请向候考官出示身份证原件和准考证')).toBeVisible();
    await callApi(waiting1, 'POST', `${ticketPath}/readiness`, { readiness: 'ready' });
    await callApi(waiting1, 'POST', `${ticketPath}/end-call`);
    await expect(page.getByText('与候考官的通话已结束')).toBeVisible();

    // A reload returns to the same place.
    await page.reload();
    await expect(page.getByRole('heading', { name: '候考中' })).toBeVisible();

    // 面试邀请 → OK → the exam room, with the interview timer on the server's clock.
    await callApi(panel1, 'POST', `${ticketPath}/invite`);
    const invitation = page.getByRole('dialog', { name: '面试邀请' });
    await expect(invitation).toBeVisible();
    await invitation.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByRole('heading', { name: '面试进行中' })).toBeVisible();
    await expect(page.getByTestId('interview-timer')).toContainText(/已进行 \d\d:\d\d/);

    // 结束面试 → 面试结束 → 关闭考试.
    await callApi(panel1, 'POST', `${ticketPath}/end-interview`);
    await expect(page.getByText('面试结束')).toBeVisible();
    await page.getByRole('button', { name: '关闭考试' }).click();
    await expect(page.getByText('欢迎来到演示大学云考场')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: INTERVIEW_ROOM })).toBeVisible();
  } finally {
    await waiting1.dispose();
    await panel1.dispose();
    await restoreRules();
  }
});
