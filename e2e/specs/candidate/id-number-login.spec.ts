import { expectNoAxeViolations } from '../../fixtures/axe.js';
import { LOGIN_BUTTON } from '../../fixtures/outbox.js';
import { myExamRow } from '../../fixtures/candidate.js';
import { expect, test } from '../../fixtures/world.js';

test('the first login by ID number forces a password change', async ({ page, createWorld }) => {
  const world = await createWorld({ session: 'upcoming', candidates: ['李四'] });
  const { idNumber } = world.candidate('李四');

  await page.goto('/s/demo');
  await page.getByRole('tab', { name: '身份证号登录' }).click();
  await expect(page.getByText('初始密码为身份证号后六位')).toBeVisible();
  await expectNoAxeViolations(page, 'login page');
  await page.getByLabel('身份证号', { exact: true }).fill(idNumber);
  await page.getByLabel('密码', { exact: true }).fill(idNumber.slice(-6));
  await page.getByRole('button', LOGIN_BUTTON).click();

  await expect(page.getByText('首次登录请修改密码')).toBeVisible();
  await page.getByLabel('当前密码').fill(idNumber.slice(-6));
  await page.getByLabel('新密码', { exact: true }).fill('Exam2026ok');
  await page.getByLabel('确认新密码').fill('Exam2026ok');
  await page.getByRole('button', { name: /确认修改/ }).click();

  // The session starts in three days: 未开始; the check-in waits for 确认参加 first.
  await expect(page.getByText('欢迎来到演示大学云考场')).toBeVisible();
  const room = myExamRow(page, world);
  await expect(room).toContainText('未开始');
  await expectNoAxeViolations(page, '我的考场');
  const checkIn = room.getByRole('button', { name: '人脸识别' });
  await expect(checkIn).toBeDisabled();
  await expect(checkIn).toHaveAccessibleDescription('请先在准考证上确认参加');
});
