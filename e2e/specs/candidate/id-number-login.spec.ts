import { expect, test } from '@playwright/test';
import { LOGIN_BUTTON } from '../../fixtures/outbox.js';

const idNumber = '110108200502022348';

test('the first login by ID number forces a password change', async ({ page }) => {
  await page.goto('/s/demo');
  await page.getByRole('tab', { name: '身份证号登录' }).click();
  await expect(page.getByText('初始密码为身份证号后六位')).toBeVisible();
  await page.getByLabel('身份证号', { exact: true }).fill(idNumber);
  await page.getByLabel('密码', { exact: true }).fill(idNumber.slice(-6));
  await page.getByRole('button', LOGIN_BUTTON).click();

  await expect(page.getByText('首次登录请修改密码')).toBeVisible();
  await page.getByLabel('当前密码').fill(idNumber.slice(-6));
  await page.getByLabel('新密码', { exact: true }).fill('Exam2026ok');
  await page.getByLabel('确认新密码').fill('Exam2026ok');
  await page.getByRole('button', { name: /确认修改/ }).click();

  await expect(page.getByText('欢迎来到演示大学云考场')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '学位外语第一考场' })).toContainText(
    '未开始',
  );
});
