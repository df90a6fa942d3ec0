import { logInStaff } from '../../fixtures/candidate.js';
import { expect, test } from '../../fixtures/world.js';

test('a new school admin logs in with the temporary password, sets their own, and sees the school at a glance', async ({
  page,
  createWorld,
}) => {
  const world = await createWorld({ candidates: ['张三', '李四'] });
  const account = await world.newStaffAccount('school_admin', '教务处 王老师');

  // The temporary password an admin handed over works once, for the password change.
  await logInStaff(page, { username: account.username, password: account.temporaryPassword });
  await expect(page.getByText('首次登录请修改密码')).toBeVisible();
  await page.getByLabel('当前密码').fill(account.temporaryPassword);
  await page.getByLabel('新密码', { exact: true }).fill('Office2026ok');
  await page.getByLabel('确认新密码').fill('Office2026ok');
  await page.getByRole('button', { name: /确认修改/ }).click();

  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('banner')).toContainText('教务处 王老师');
  const session = page.getByRole('row').filter({ hasText: world.session.name });
  await expect(session).toContainText('进行中');
  // Its two candidates.
  await expect(session.getByRole('cell', { name: '2', exact: true })).toBeVisible();

  // The language is kept with the account: English, and Chinese again.
  await page.getByText('English').first().click();
  await expect(page.getByText(/Log out/i).first()).toBeVisible();
  await page.getByText('中文').first().click();
  await expect(page.getByText('退出登录').first()).toBeVisible();
});
