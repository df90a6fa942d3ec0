import { expect, request, test } from '@playwright/test';
import { baseURL } from '../../playwright.config.js';
import {
  INTERVIEW_ROOM,
  WORKING_DEVICES,
  callApi,
  confirmedRegistration,
  logInStaff,
  useInterviewRules,
} from '../../fixtures/candidate.js';

// Seeds 000/001 as the waiting-room examiner (候考官) sees them: the queue with the check-in
// results, 呼叫 → 通话中, 标记就绪 with a note, 结束通话 → 候考中; a reload keeps it all.
// 孙悦: a demo interview candidate no other journey uses (a `done` ticket is final).

test('候考官 calls a waiting candidate, marks them ready and ends the call (孙悦)', async ({
  page,
}) => {
  const restoreRules = await useInterviewRules({
    faceCheckRequired: false,
    secondCameraRequired: false,
  });
  const candidate = await request.newContext({ baseURL });
  try {
    // The candidate's side through the API: devices, pledge, 进入考试.
    const { base } = await confirmedRegistration(candidate, 'INT2026004');
    await callApi(candidate, 'PUT', `${base}/check-in/device`, WORKING_DEVICES);
    const state = await callApi<{ steps: { pledge: { state: string } } }>(
      candidate,
      'GET',
      `${base}/check-in`,
    );
    if (state.steps.pledge.state === 'pending') {
      await callApi(candidate, 'POST', `${base}/check-in/pledge`, { agree: true });
    }
    await callApi(candidate, 'POST', `${base}/waiting-room/enter`);
    const myTicket = async () =>
      (
        await callApi<{ ticket: { state: string } | null }>(
          candidate,
          'GET',
          `${base}/waiting-room`,
        )
      ).ticket?.state;

    // 候考区 from the examiner's session list.
    await logInStaff(page, 'waiting1');
    const session = page.getByRole('row').filter({ hasText: INTERVIEW_ROOM });
    await session.getByRole('link', { name: '候考区' }).click();
    await expect(page).toHaveURL(/\/examiner\/sessions\/[^/]+\/waiting-room$/);
    await expect(page.getByText('排队规则：按准考证号排序')).toBeVisible();
    const queue = page.getByRole('table');
    const row = queue.getByRole('row').filter({ hasText: 'INT2026004' });
    await expect(row).toContainText('孙悦');
    await expect(row.getByTestId('ticket-state')).toHaveText('候考中');
    await expect(row.getByTestId('readiness')).toHaveText(/未标记|已就绪|未就绪/);

    // 详情 opens the check-in drawer of that candidate.
    await row.getByRole('button', { name: '孙悦 的检测详情' }).click();
    const drawer = page.getByRole('dialog', { name: /孙悦/ });
    await expect(drawer.getByText('参考照片').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // 呼叫 → 通话中, for the candidate too.
    await row.getByRole('button', { name: '呼叫 孙悦' }).click();
    await expect(row.getByTestId('ticket-state')).toContainText('通话中');
    const panel = page.getByRole('region', { name: '正在与 孙悦 通话' });
    await expect(panel).toBeVisible();
    // The examiner's own camera is on; 孙悦 has no page open here, so their camera is offline.
    await expect(panel.getByTestId('local-preview')).toHaveAttribute('data-state', 'live');
    await expect(panel.getByTestId('candidate-camera')).toHaveAttribute('data-state', 'offline');
    await expect(row.getByRole('button', { name: '呼叫 孙悦' })).toBeDisabled();
    await expect(row.getByText('考生不在候考中')).toBeVisible();
    expect(await myTicket()).toBe('called');

    // 标记就绪 with a note.
    await panel.getByRole('button', { name: '标记就绪' }).click();
    const modal = page.getByRole('dialog', { name: /标记就绪/ });
    await modal.getByLabel('备注').fill('身份证与本人相符');
    await modal.getByRole('button', { name: '确定' }).click();
    await expect(modal).toBeHidden();
    await expect(row.getByTestId('readiness')).toHaveText('已就绪');
    await expect(row.getByText('身份证与本人相符')).toBeVisible();

    // A reload resumes the call (the server's myCall).
    await page.reload();
    await expect(panel).toBeVisible();
    await expect(row.getByTestId('ticket-state')).toContainText('通话中');

    // 结束通话 → 候考中, still 已就绪, also after a reload.
    await panel.getByRole('button', { name: '结束通话' }).click();
    await expect(panel).toBeHidden();
    await expect(row.getByTestId('ticket-state')).toHaveText('候考中');
    expect(await myTicket()).toBe('waiting');
    await page.reload();
    await expect(row.getByTestId('ticket-state')).toHaveText('候考中');
    await expect(row.getByTestId('readiness')).toHaveText('已就绪');
    await expect(row.getByRole('button', { name: '呼叫 孙悦' })).toBeEnabled();

    // After the call the mark can still change, from the queue.
    await row.getByRole('button', { name: '标记 孙悦 未就绪' }).click();
    const notReady = page.getByRole('dialog', { name: /标记未就绪/ });
    await notReady.getByLabel('备注').fill('环境中有他人，需重新检查');
    await notReady.getByRole('button', { name: '确定' }).click();
    await expect(row.getByTestId('readiness')).toHaveText('未就绪');
  } finally {
    await candidate.dispose();
    await restoreRules();
  }
});
