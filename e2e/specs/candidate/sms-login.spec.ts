import { expect, test } from '@playwright/test';
import { LOGIN_BUTTON, readCodeFromOutbox } from '../../fixtures/outbox.js';

test('a candidate logs in with phone and SMS code and sees the exam room', async ({
  page,
  context,
}) => {
  await page.goto('/s/demo');
  await expect(page.getByRole('heading', { name: '演示大学云考场' })).toBeVisible();
  await page.getByLabel('学院').click();
  await page.getByTitle('外国语学院').click();
  await page.getByLabel('手机号').fill('13800000001');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText(/秒后重新获取/)).toBeVisible();

  await page.getByLabel('短信验证码').fill(await readCodeFromOutbox(context, '13800000001'));
  await page.getByRole('button', LOGIN_BUTTON).click();

  await expect(page.getByText('欢迎来到演示大学云考场')).toBeVisible();
  await expect(page.getByText('暂无公告').first()).toBeVisible();
  const room = page.getByRole('row').filter({ hasText: '外国语学院面试第一考场' });
  await expect(room).toContainText('进行中');
});

test('five wrong codes are refused, the fifth voids the code', async ({ page, context }) => {
  await page.goto('/s/demo');
  await page.getByLabel('学院').click();
  await page.getByTitle('计算机学院').click();
  await page.getByLabel('手机号').fill('13800000003');
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = await readCodeFromOutbox(context, '13800000003');
  const wrong = code === '000000' ? '111111' : '000000';

  // Each try waits for the server's answer, so a message left by the previous try never counts.
  const submitCode = async (value: string) => {
    await page.getByLabel('短信验证码').fill(value);
    const button = page.getByRole('button', LOGIN_BUTTON);
    await expect(button).not.toHaveClass(/ant-btn-loading/);
    const answered = page.waitForResponse((response) =>
      response.url().endsWith('/api/auth/login/sms'),
    );
    await button.click();
    expect((await answered).status()).toBeGreaterThanOrEqual(400);
  };
  for (let attempt = 1; attempt <= 4; attempt++) {
    await submitCode(wrong);
    await expect(page.getByRole('alert')).toContainText('验证码错误或已过期');
  }
  await submitCode(wrong);
  await expect(page.getByRole('alert')).toContainText('验证码错误次数过多，已失效，请重新获取');

  await submitCode(code);
  await expect(page.getByRole('alert')).toContainText('验证码错误次数过多，已失效，请重新获取');
  await expect(page).toHaveURL(/\/s\/demo/);
});
