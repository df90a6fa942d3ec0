import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from '../../fixtures/axe.js';
import { callApi } from '../../fixtures/api.js';
import {
  WORKING_DEVICES,
  logInByAdmission,
  myExamRow,
  openCheckIn,
  ticketPath,
} from '../../fixtures/candidate.js';
import { expect, test, type World } from '../../fixtures/world.js';
import { beijingTimeRange } from '../../fixtures/world-data.js';

// Seeds 000/001 from 进入考试 to 关闭考试 as the candidate sees it: the waiting room follows the
// server's ticket live (socket events), the staff act through the API (their pages come next).

/** The part of `locator` the page shows lies wholly inside `frame` (nothing cut off at an edge). */
async function expectWithin(locator: Locator, frame: Locator): Promise<void> {
  const [inner, outer] = await Promise.all([locator.boundingBox(), frame.boundingBox()]);
  expect(inner).not.toBeNull();
  expect(outer).not.toBeNull();
  if (!inner || !outer) return;
  expect(inner.x).toBeGreaterThanOrEqual(outer.x);
  expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width);
}

/**
 * 我的考场 at a 1280 px wide window: the reason next to the grey 人脸识别 / 进入候考区 is written
 * in full, inside the table and the window, and the table does not scroll sideways (issue 11 §8).
 */
async function expectReasonShownInFull(page: Page, world: World, reason: string): Promise<void> {
  const row = myExamRow(page, world);
  await expect(row.getByRole('button', { name: '人脸识别' })).toBeDisabled();
  await expect(row.getByRole('button', { name: '进入候考区' })).toBeDisabled();
  const text = row.getByText(reason, { exact: true });
  await expect(text).toBeVisible();
  const table = page.getByRole('table').filter({ has: row });
  // SimpleTable scrolls inside this box when the table is wider than the card.
  const scroller = table.locator('xpath=..');
  await expectWithin(text, scroller);
  await expectWithin(text, page.locator('body'));
  const overflow = await scroller.evaluate((box) => box.scrollWidth - box.clientWidth);
  expect(overflow, 'the table scrolls sideways').toBe(0);
}

test('from the check-in into the waiting room, called, invited, interviewed, 关闭考试', async ({
  page,
  createWorld,
}) => {
  // The face check and the phone have their own journeys; this one starts after them.
  const world = await createWorld({
    rules: { faceCheckRequired: false, secondCameraRequired: false },
    candidates: ['李四'],
    waitingExaminer: '陈老师',
    panel: ['林老师'],
  });
  const li = world.candidate('李四');
  const waiting = await world.apiOf(world.waitingExaminer);
  const chair = await world.apiOf(world.chair);

  await page.setViewportSize({ width: 1280, height: 800 });
  await logInByAdmission(page, world, li);
  await expect(page).toHaveTitle('我的考场 · 演示大学 · 云考场');
  await expect(page.getByRole('columnheader', { name: '日期 (北京时间)' })).toBeVisible();
  await expect(myExamRow(page, world).getByRole('cell').first()).toHaveText(
    beijingTimeRange(world.session, { withZone: false }),
  );
  await test.step('issue 11: the reasons the actions are grey are not cut off', async () => {
    await expectReasonShownInFull(page, world, '请先在准考证上确认参加');
  });

  // The 准考证 names the zone of its times; 我确认参加, then 确认信息.
  await myExamRow(page, world).getByRole('button', { name: '准考证' }).click();
  const ticketCard = page.getByRole('dialog', { name: '准考证' });
  await expect(
    ticketCard.getByText(beijingTimeRange(world.session), { exact: true }),
  ).toBeVisible();
  await ticketCard.getByRole('button', { name: '我确认参加' }).click();
  await expect(ticketCard).toContainText('已确认参加');
  await ticketCard.getByRole('button', { name: '关闭' }).first().click();
  await expect(ticketCard).toBeHidden();
  await test.step('issue 11: the longer reason is not cut off either', async () => {
    await expectReasonShownInFull(page, world, '请先打开准考证，核对身份信息后点击“确认信息”');
  });
  await expectNoAxeViolations(page, '我的考场 with the actions grey');
  await myExamRow(page, world).getByRole('button', { name: '准考证' }).click();
  await ticketCard.getByRole('button', { name: '确认信息' }).click();
  await expect(ticketCard.getByText(/已确认/).first()).toBeVisible();
  await ticketCard.getByRole('button', { name: '关闭' }).first().click();
  await expect(ticketCard).toBeHidden();

  const registrationId = await openCheckIn(page, world);
  await expectNoAxeViolations(page, '考前检测');
  const base = `/api/me/registrations/${registrationId}`;
  await callApi(page.request, 'PUT', `${base}/check-in/device`, WORKING_DEVICES);
  await callApi(page.request, 'POST', `${base}/check-in/pledge`, { agree: true });
  await page.reload();

  // 进入考试 → 候考区; nobody is calling, and the 候考官 has no page open.
  await page.getByRole('button', { name: '进入考试' }).click();
  await expect(page).toHaveURL(/\/waiting-room$/);
  await expect(page.getByRole('heading', { name: '候考中' })).toBeVisible();
  const examiner = page.getByTestId('waiting-examiner');
  await expect(examiner).toHaveAttribute('data-state', 'offline');
  await expect(examiner).toHaveText('候考官未上线，请耐心等待。');
  await expect(page).toHaveTitle(`候考区 · ${world.exam.name} · 云考场`);
  // Checked once the microphone is open (静音 enabled), not while the controls still change.
  await expect(
    page.getByRole('toolbar', { name: '通话控制' }).getByRole('button', { name: /静音/ }),
  ).toBeEnabled();
  await expectNoAxeViolations(page, 'candidate 候考区');
  // A link under the pointer keeps its contrast (antd's lighter hover shade did not).
  await page.getByRole('link', { name: '设备调试' }).hover();
  await expectNoAxeViolations(page, 'candidate 候考区 with 设备调试 hovered');
  const ticket = ticketPath(world, registrationId);

  // The waiting-room examiner calls: the page says so at once, without a reload.
  await callApi(waiting, 'POST', `${ticket}/call`);
  await expect(
    page.getByRole('heading', { name: `候考官 ${world.waitingExaminer.name} 正在与您通话` }),
  ).toBeVisible();
  await expect(page.getByText('请向候考官出示身份证原件和准考证')).toBeVisible();
  await expect(page).toHaveTitle(`候考官通话中 · ${world.exam.name} · 云考场`);
  await callApi(waiting, 'POST', `${ticket}/readiness`, { readiness: 'ready' });
  await callApi(waiting, 'POST', `${ticket}/end-call`);
  await expect(page.getByText('与候考官的通话已结束')).toBeVisible();
  await expect(page.getByRole('heading', { name: '候考中' })).toBeVisible();

  // A reload returns to the same place.
  await page.reload();
  await expect(page.getByRole('heading', { name: '候考中' })).toBeVisible();

  // 面试邀请 → OK → the exam room, with the interview timer on the server's clock.
  await callApi(chair, 'POST', `${ticket}/invite`);
  const invitation = page.getByRole('dialog', { name: '面试邀请' });
  await expect(invitation).toBeVisible();
  await expect(page).toHaveTitle(`面试邀请 · ${world.exam.name} · 云考场`);
  await invitation.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { name: '面试进行中' })).toBeVisible();
  await expect(page.getByTestId('interview-timer')).toContainText(/已进行 \d\d:\d\d/);
  await test.step('issue 11: the tab says 面试中 during the interview, not 候考区', async () => {
    await expect(page).toHaveTitle(`面试中 · ${world.exam.name} · 云考场`);
  });

  // 结束面试 → 面试结束 → 关闭考试 → 我的考场.
  await callApi(chair, 'POST', `${ticket}/end-interview`);
  await expect(page.getByText('面试结束')).toBeVisible();
  await expect(page).toHaveTitle(`面试结束 · ${world.exam.name} · 云考场`);
  await page.getByRole('button', { name: '关闭考试' }).click();
  await expect(page.getByText('欢迎来到演示大学云考场')).toBeVisible();
  const room = myExamRow(page, world);
  await expect(room).toBeVisible();

  await test.step('issue 11: 我的考场 says the interview is over and offers no way back in', async () => {
    await expect(room).toContainText('面试结束');
    await expect(room.getByRole('link', { name: '进入候考区' })).toHaveCount(0);
    await expect(room.getByRole('button', { name: '进入候考区' })).toHaveCount(0);
  });
});
