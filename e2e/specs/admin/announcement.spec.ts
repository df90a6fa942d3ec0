import type { Page } from '@playwright/test';
import { DEMO_ADMIN } from '../../fixtures/api.js';
import { logInByAdmission, logInStaff, myExamRow } from '../../fixtures/candidate.js';
import { expect, test } from '../../fixtures/world.js';

/** A block of the candidate's home by its heading (学校公告, 学院公告, 身份认证). */
const homeCard = (page: Page, heading: string) =>
  page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: heading }) });

test('an admin publishes a school announcement; a candidate reads it and confirms attendance', async ({
  browser,
  createWorld,
}) => {
  const world = await createWorld({ candidates: ['李四'] });
  const li = world.candidate('李四');
  const title = `面试须知 ${world.key}`;

  const admin = await browser.newPage();
  await logInStaff(admin, DEMO_ADMIN);
  await admin.getByRole('menuitem', { name: '公告管理' }).click();
  await admin.getByRole('button', { name: '新建公告' }).click();
  const dialog = admin.getByRole('dialog', { name: '新建公告' });
  await dialog.getByLabel('标题').fill(title);
  // A school admin writes for the whole school unless a college is chosen.
  await expect(dialog.getByTitle('全校', { exact: true })).toBeVisible();
  const body = dialog.getByRole('textbox', { name: '正文' });
  await body.click();
  await body.pressSequentially('请提前30分钟进入候考区。');
  await dialog.getByRole('button', { name: '保存并发布' }).click();
  await expect(admin.getByRole('row').filter({ hasText: title })).toContainText('已发布');
  await admin.close();

  // The candidate's home: the notice under 学校公告; their college has none.
  const candidate = await browser.newPage();
  await logInByAdmission(candidate, world, li);
  await expect(homeCard(candidate, '学院公告')).toContainText('暂无公告');
  await homeCard(candidate, '学校公告').getByRole('button', { name: title }).click();
  const notice = candidate.getByRole('dialog', { name: title });
  await expect(notice).toContainText('请提前30分钟进入候考区。');
  await notice
    .getByRole('button', { name: /关\s?闭/ })
    .first()
    .click();
  await expect(notice).toBeHidden();

  // The 准考证 shows the admission number, never the full ID number; 我确认参加.
  await myExamRow(candidate, world).getByRole('button', { name: '准考证' }).click();
  const ticket = candidate.getByRole('dialog', { name: '准考证' });
  await expect(ticket).toContainText(li.admissionNumber);
  await expect(ticket).not.toContainText(li.idNumber);
  await ticket.getByRole('button', { name: '我确认参加' }).click();
  await expect(ticket).toContainText('已确认参加');
  await candidate.close();
});
