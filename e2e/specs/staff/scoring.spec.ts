import { DEMO_ADMIN, callApi } from '../../fixtures/api.js';
import {
  checkedIn,
  logInByAdmission,
  logInStaff,
  myExamRow,
  openStaffSession,
  ticketPath,
} from '../../fixtures/candidate.js';
import { expect, test } from '../../fixtures/world.js';

test('the admin sets the 评分表, the chair scores and confirms, the admin publishes, the candidate reads the result', async ({
  browser,
  createWorld,
}) => {
  // Three browsers one after the other, on a 2-core machine.
  test.setTimeout(120_000);
  const world = await createWorld({
    rules: { faceCheckRequired: false, secondCameraRequired: false },
    candidates: ['赵敏', '孙悦'],
    waitingExaminer: '陈老师',
    panel: ['林老师'],
  });
  const [zhao, sun] = [world.candidate('赵敏'), world.candidate('孙悦')];

  // 赵敏 is interviewed (through the API; the panel journey tests those pages); 孙悦 is not.
  const zhaoApi = await world.newApi();
  const waiting = await world.apiOf(world.waitingExaminer);
  const chairApi = await world.apiOf(world.chair);
  const { registrationId, base } = await checkedIn(zhaoApi, world, zhao);
  await callApi(zhaoApi, 'POST', `${base}/waiting-room/enter`);
  const ticket = ticketPath(world, registrationId);
  await callApi(waiting, 'POST', `${ticket}/call`);
  await callApi(waiting, 'POST', `${ticket}/readiness`, { readiness: 'ready' });
  await callApi(waiting, 'POST', `${ticket}/end-call`);
  await callApi(chairApi, 'POST', `${ticket}/invite`);
  await callApi(zhaoApi, 'POST', `${base}/waiting-room/accept`);
  await callApi(chairApi, 'POST', `${ticket}/end-interview`);

  // The admin sets the 评分表: two criteria, 100 in all.
  const admin = await (await browser.newContext()).newPage();
  await logInStaff(admin, DEMO_ADMIN);
  await admin.waitForURL(/\/admin/);
  await admin.goto(`/admin/exams/${world.exam.id}/scoring`);
  await admin.getByLabel('1. 评分项名称').fill('内容');
  await admin.getByLabel('满分').first().fill('60');
  await admin.getByRole('button', { name: '添加评分项' }).click();
  await admin.getByLabel('2. 评分项名称').fill('语言');
  await admin.getByLabel('满分').nth(1).fill('40');
  await admin.getByRole('button', { name: '保存评分表' }).click();
  await expect(admin.getByText('评分表已保存')).toBeVisible();
  await expect(admin.getByText('总分 100')).toBeVisible();

  // The chair opens 评分: only the interviewed candidate can be scored.
  const chair = await (await browser.newContext()).newPage();
  await openStaffSession(chair, world, world.chair, '主考官', '评分');
  await expect(chair).toHaveURL(new RegExp(`/examiner/sessions/${world.session.id}/scores$`));
  await test.step('issue 11: the scoring page has the app header and its own title', async () => {
    const header = chair.getByRole('banner');
    await expect(header).toContainText(world.chair.name);
    await expect(header.getByRole('button', { name: '退出登录' })).toBeVisible();
    await expect(header.getByRole('radiogroup', { name: '界面语言 / Language' })).toBeVisible();
    await expect(chair).toHaveTitle(`${world.session.name} · 评分 · 云考场`);
  });
  await expect(chair.getByRole('row', { name: new RegExp(sun.admissionNumber) })).toContainText(
    '未面试',
  );
  const row = chair.getByRole('row', { name: new RegExp(zhao.admissionNumber) });
  await expect(row).toContainText('已面试');
  await row.getByRole('button').first().click();
  const form = chair.getByRole('form', { name: `${zhao.name} 的评分` });
  await form.getByLabel('内容（满分 60）').fill('50.5');
  await test.step('issue 11: a criterion left empty is not saved as 0', async () => {
    await form.getByRole('button', { name: '保存评分' }).click();
    await expect(form.getByText('请为“语言”打分（可以打 0 分）')).toBeVisible();
    await expect(form.getByText(/^请为“/)).toHaveCount(1);
    // Nothing was saved: the page and the server have no score of the chair's.
    await expect(row).toContainText('未评分');
    const scores = await callApi<{
      items: { admissionNumber: string; myScore: unknown; scoreCount: number }[];
    }>(chairApi, 'GET', `/api/examiner/sessions/${world.session.id}/scores`);
    const zhaoScores = scores.items.find((item) => item.admissionNumber === zhao.admissionNumber);
    expect(zhaoScores).toMatchObject({ myScore: null, scoreCount: 0 });
  });
  await test.step('issue 11: an explicit 0 is a score', async () => {
    await form.getByLabel('语言（满分 40）').fill('0');
    await expect(form.getByText('请为“语言”打分（可以打 0 分）')).toHaveCount(0);
    await form.getByRole('button', { name: '保存评分' }).click();
    await expect(chair.getByText('评分已保存')).toBeVisible();
    await expect(form.getByText('总分 50.5 / 100')).toBeVisible();
    await expect(row).toContainText('50.5');
    await expect(chair.getByText('成绩（平均分）：50.5')).toBeVisible();
  });
  await chair.getByRole('button', { name: '确认成绩' }).click();
  await chair.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(chair.getByText('成绩已确认', { exact: true })).toBeVisible();
  await expect(chair.getByText('成绩已确认，评分已锁定')).toBeVisible();

  // The admin sees the form locked and the confirmed result, and publishes.
  await admin.reload();
  await expect(admin.getByText('已有考官评分，评分表不能再修改')).toBeVisible();
  const result = admin.getByRole('row', { name: new RegExp(zhao.admissionNumber) });
  await expect(result).toContainText('50.5');
  await expect(result).toContainText('已确认');
  await admin.getByRole('button', { name: '公布成绩' }).click();
  await admin.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(admin.getByText('成绩已公布').first()).toBeVisible();

  // 赵敏 reads the published result in 我的考场.
  const candidate = await (await browser.newContext()).newPage();
  await logInByAdmission(candidate, world, zhao);
  await expect(myExamRow(candidate, world)).toContainText('成绩 50.5 / 100');
});
