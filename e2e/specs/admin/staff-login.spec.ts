import { expect, test } from '@playwright/test';
import { LOGIN_BUTTON } from '../../fixtures/outbox.js';

test('the school admin logs in with a password and sees the school at a glance', async ({
  page,
}) => {
  await page.goto('/s/demo');
  await page.getByText('我是工作人员').click();
  await page.getByLabel('用户名或手机号').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('Invigil2026');
  await page.getByRole('button', LOGIN_BUTTON).click();

  await expect(page).toHaveURL(/\/admin/);
  await expect(page.getByRole('row').filter({ hasText: '外国语学院面试第一考场' })).toBeVisible();

  await page.getByText('English').first().click();
  await expect(page.getByText(/Log out/i).first()).toBeVisible();

  // The choice is kept with the account: back to Chinese for the journeys after this one.
  await page.getByText('中文').first().click();
  await expect(page.getByText('退出登录').first()).toBeVisible();
});
