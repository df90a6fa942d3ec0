import { callApi } from '../../fixtures/api.js';
import { checkedIn, openStaffSession, ticketPath } from '../../fixtures/candidate.js';
import { expect, test } from '../../fixtures/world.js';

// Issue 5 §4 as the panel sees it: a ready candidate in the 考场 list, 邀请 → 已邀请, the
// candidate accepts (API) → 面试中 with the timer, 结束面试 → done and the way to 评分.

interface Queue {
  items: { admissionNumber: string; ticket: { state: string } }[];
}

test('考场: invite a ready candidate, the interview runs on the server clock, 结束面试, 评分', async ({
  page,
  createWorld,
}) => {
  const world = await createWorld({
    rules: { faceCheckRequired: false, secondCameraRequired: false },
    candidates: ['赵敏', '孙悦'],
    waitingExaminer: '陈老师',
    panel: ['林老师'],
  });
  const [zhao, sun] = [world.candidate('赵敏'), world.candidate('孙悦')];
  const waiting = await world.apiOf(world.waitingExaminer);
  const chair = await world.apiOf(world.chair);
  const candidateApi = await world.newApi();

  // 赵敏 checks in and enters through the API; the 候考官 calls and marks them ready.
  const { registrationId, base } = await checkedIn(candidateApi, world, zhao);
  await callApi(candidateApi, 'POST', `${base}/waiting-room/enter`);
  const ticket = ticketPath(world, registrationId);
  await callApi(waiting, 'POST', `${ticket}/call`);
  await callApi(waiting, 'POST', `${ticket}/readiness`, { readiness: 'ready' });
  await callApi(waiting, 'POST', `${ticket}/end-call`);

  // The chair opens 考场 from the session list.
  await openStaffSession(page, world, world.chair, '主考官', '考场');
  await expect(page).toHaveURL(new RegExp(`/examiner/sessions/${world.session.id}/panel$`));
  const pageTitle = `${world.session.name} · 考场 · 云考场`;
  await expect(page).toHaveTitle(pageTitle);
  // The panel examiner's own camera is on before anyone is in the room.
  await expect(page.getByTestId('local-preview')).toHaveAttribute('data-state', 'live');

  // Only the candidate in the waiting room is listed; 孙悦 has not entered.
  const row = page.getByRole('row').filter({ hasText: zhao.admissionNumber });
  await expect(row).toContainText(zhao.name);
  await expect(page.getByRole('row').filter({ hasText: sun.admissionNumber })).toHaveCount(0);
  await row.getByRole('button', { name: `邀请 ${zhao.name}` }).click();
  const current = page.getByTestId('panel-current');
  await expect(current).toContainText('已邀请，等待考生确认');
  await expect(current.getByRole('button', { name: '取消邀请' })).toBeVisible();
  await expect(row).toBeHidden();

  // The candidate accepts: the page follows live (queue:changed), the timer runs.
  await callApi(candidateApi, 'POST', `${base}/waiting-room/accept`);
  await expect(current).toContainText('面试中');
  await test.step('issue 11: the tab names the candidate in the room', async () => {
    await expect(page).toHaveTitle(`面试中：${zhao.name} · ${pageTitle}`);
  });
  const timer = page.getByTestId('panel-interview-timer');
  await expect(timer).toContainText(/已进行 \d\d:\d\d/);
  const first = await timer.textContent();
  await expect(timer).not.toHaveText(first ?? '', { timeout: 5_000 });

  // 结束面试 asks first.
  await current.getByRole('button', { name: '结束面试' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '确定结束' });
  await expect(confirm).toContainText(zhao.name);
  await confirm.getByRole('button', { name: '结束面试' }).click();
  await expect(current.getByRole('link', { name: `为 ${zhao.name} 评分` })).toHaveAttribute(
    'href',
    `/examiner/sessions/${world.session.id}/scores`,
  );
  await expect(page).toHaveTitle(pageTitle);
  const after = await callApi<Queue>(
    chair,
    'GET',
    `/api/sessions/${world.session.id}/waiting-room`,
  );
  expect(
    after.items.find((item) => item.admissionNumber === zhao.admissionNumber)?.ticket.state,
  ).toBe('done');
});
