import { expect, test } from '@playwright/test';
import { LOGIN_BUTTON } from '../../fixtures/outbox.js';

test('an admin publishes a school announcement; a candidate reads it and confirms attendance', async ({
  browser,
}) => {
  const admin = await browser.newPage();
  await admin.goto('/s/demo');
  await admin.getByText('我是工作人员').click();
  await admin.getByLabel('用户名或手机号').fill('admin');
  await admin.getByLabel('密码', { exact: true }).fill('Invigil2026');
  await admin.getByRole('button', LOGIN_BUTTON).click();
  await admin.getByRole('menuitem', { name: '公告管理' }).click();

  await admin.getByRole('button', { name: '新建公告' }).click();
  const dialog = admin.getByRole('dialog', { name: '新建公告' });
  await dialog.getByLabel('标题').fill('面试须知');
  const body = dialog.getByRole('textbox', { name: '正文' });
  await body.click();
  await body.pressSequentially('请提前30分钟进入候考区。');
  await dialog.getByRole('button', { name: '保存并发布' }).click();
  await expect(admin.getByRole('row').filter({ hasText: '面试须知' })).toContainText('已发布');
  await admin.close();

  const candidate = await browser.newPage();
  await candidate.goto('/s/demo');
  await candidate.getByRole('tab', { name: '考试ID登录' }).click();
  await candidate.getByLabel('考试ID').fill('INT2026');
  await candidate.getByLabel('准考证号').fill('INT2026002');
  await candidate.getByRole('button', LOGIN_BUTTON).click();
  await candidate.getByRole('button', { name: /面试须知/ }).click();
  await expect(candidate.getByRole('dialog', { name: '面试须知' })).toContainText(
    '请提前30分钟进入候考区。',
  );

  await candidate
    .getByRole('dialog', { name: '面试须知' })
    .getByRole('button', { name: /关\s?闭/ })
    .first()
    .click();
  const room = candidate.getByRole('row').filter({ hasText: '外国语学院面试第一考场' });
  await room.getByRole('button', { name: /准考证/ }).click();
  const ticket = candidate.getByRole('dialog', { name: '准考证' });
  await expect(ticket).toContainText('INT2026002');
  await expect(ticket).not.toContainText('110108200502022348');
  await ticket.getByRole('button', { name: '我确认参加' }).click();
  await expect(ticket).toContainText('已确认参加');
  await candidate.close();
});
