import { expectNoAxeViolations } from '../../fixtures/axe.js';
import { callApi } from '../../fixtures/api.js';
import { checkedIn, openStaffSession } from '../../fixtures/candidate.js';
import { expect, test } from '../../fixtures/world.js';

// Seeds 000/001 as the waiting-room examiner (候考官) sees them: the queue with the check-in
// results, 呼叫 → 通话中, 标记就绪 with a note, 结束通话 → 候考中; a reload keeps it all.

test('候考官 calls a waiting candidate, marks them ready and ends the call', async ({
  page,
  createWorld,
}) => {
  const world = await createWorld({
    rules: { faceCheckRequired: false, secondCameraRequired: false },
    candidates: ['孙悦', '周宁'],
    waitingExaminer: '陈老师',
    panel: ['林老师'],
  });
  const sun = world.candidate('孙悦');

  // The candidate's side through the API: devices, pledge, 进入考试. 周宁 has not entered.
  const candidate = await world.newApi();
  const { base } = await checkedIn(candidate, world, sun);
  await callApi(candidate, 'POST', `${base}/waiting-room/enter`);
  const myTicket = async () =>
    (await callApi<{ ticket: { state: string } | null }>(candidate, 'GET', `${base}/waiting-room`))
      .ticket?.state;

  // 候考区 from the examiner's session list.
  await openStaffSession(page, world, world.waitingExaminer, '候考官', '候考区');
  await expect(page).toHaveURL(/\/examiner\/sessions\/[^/]+\/waiting-room$/);
  await expect(page.getByText('排队规则：按准考证号排序')).toBeVisible();
  await expectNoAxeViolations(page, 'examiner 候考区');
  const queue = page.getByRole('table');
  const row = queue.getByRole('row').filter({ hasText: sun.admissionNumber });
  await expect(row).toContainText(sun.name);
  await expect(row.getByTestId('ticket-state')).toHaveText('候考中');
  // Nobody has marked the candidate yet.
  await expect(row.getByTestId('readiness')).toHaveText('未标记');
  await expect(
    queue.getByRole('row').filter({ hasText: world.candidate('周宁').admissionNumber }),
  ).toHaveCount(0);

  // 详情 opens the check-in drawer of that candidate.
  await row.getByRole('button', { name: `${sun.name} 的检测详情` }).click();
  const drawer = page.getByRole('dialog', { name: new RegExp(sun.name) });
  await expect(drawer.getByText('参考照片').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // 呼叫 → 通话中, for the candidate too.
  await row.getByRole('button', { name: `呼叫 ${sun.name}` }).click();
  await expect(row.getByTestId('ticket-state')).toContainText('通话中');
  const panel = page.getByRole('region', { name: `正在与 ${sun.name} 通话` });
  await expect(panel).toBeVisible();
  // The examiner's own camera is on; the candidate has no page open, so their camera is offline.
  await expect(panel.getByTestId('local-preview')).toHaveAttribute('data-state', 'live');
  await expect(panel.getByTestId('candidate-camera')).toHaveAttribute('data-state', 'offline');
  await expect(row.getByRole('button', { name: `呼叫 ${sun.name}` })).toBeDisabled();
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
  await expect(row.getByRole('button', { name: `呼叫 ${sun.name}` })).toBeEnabled();

  // After the call the mark can still change, from the queue.
  await row.getByRole('button', { name: `标记 ${sun.name} 未就绪` }).click();
  const notReady = page.getByRole('dialog', { name: /标记未就绪/ });
  await notReady.getByLabel('备注').fill('环境中有他人，需重新检查');
  await notReady.getByRole('button', { name: '确定' }).click();
  await expect(row.getByTestId('readiness')).toHaveText('未就绪');
});
