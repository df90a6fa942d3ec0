import { expectNoAxeViolations } from '../../fixtures/axe.js';
import { callApi } from '../../fixtures/api.js';
import {
  WORKING_DEVICES,
  confirmAttendanceAndIdentity,
  logInByAdmission,
  myExamRow,
  openCheckIn,
  ticketPath,
} from '../../fixtures/candidate.js';
import { expect, test } from '../../fixtures/world.js';

// Seeds 000/001 from 进入考试 to 关闭考试 as the candidate sees it: the waiting room follows the
// server's ticket live (socket events), the staff act through the API (their pages come next).

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

  await logInByAdmission(page, world, li);
  await confirmAttendanceAndIdentity(page, world);
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
  await expectNoAxeViolations(page, 'candidate 候考区');
  const ticket = ticketPath(world, registrationId);

  // The waiting-room examiner calls: the page says so at once, without a reload.
  await callApi(waiting, 'POST', `${ticket}/call`);
  await expect(
    page.getByRole('heading', { name: `候考官 ${world.waitingExaminer.name} 正在与您通话` }),
  ).toBeVisible();
  await expect(page.getByText('请向候考官出示身份证原件和准考证')).toBeVisible();
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
  await invitation.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { name: '面试进行中' })).toBeVisible();
  await expect(page.getByTestId('interview-timer')).toContainText(/已进行 \d\d:\d\d/);

  // 结束面试 → 面试结束 → 关闭考试 → 我的考场.
  await callApi(chair, 'POST', `${ticket}/end-interview`);
  await expect(page.getByText('面试结束')).toBeVisible();
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
