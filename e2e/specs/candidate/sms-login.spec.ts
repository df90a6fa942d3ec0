import type { Page } from '@playwright/test';
import { myExamRow } from '../../fixtures/candidate.js';
import { LOGIN_BUTTON, readCodeFromOutbox } from '../../fixtures/outbox.js';
import { expect, test } from '../../fixtures/world.js';

/** A block of the candidate's home by its heading (学校公告, 学院公告, 身份认证). */
const homeCard = (page: Page, heading: string) =>
  page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: heading }) });

test('a candidate logs in with phone and SMS code and sees the exam room', async ({
  page,
  context,
  createWorld,
}) => {
  // No journey publishes a 学院公告 to a demo college (the announcement journey uses its own).
  const world = await createWorld({ college: '外国语学院', candidates: ['张三'] });
  const { phone } = world.candidate('张三');

  await page.goto('/s/demo');
  await expect(page.getByRole('heading', { name: '演示大学云考场' })).toBeVisible();
  // Every journey adds a college of its own: type to find the one, as a candidate would.
  await page.getByLabel('学院').fill('外国语学院');
  await page.getByTitle('外国语学院', { exact: true }).click();
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText(/秒后重新获取/)).toBeVisible();

  await page.getByLabel('短信验证码').fill(await readCodeFromOutbox(context, phone));
  await page.getByRole('button', LOGIN_BUTTON).click();

  await expect(page.getByText('欢迎来到演示大学云考场')).toBeVisible();
  await expect(homeCard(page, '学院公告')).toContainText('暂无公告');
  await expect(myExamRow(page, world)).toContainText('进行中');
  await expect(myExamRow(page, world)).toContainText(world.exam.name);
});

test('five wrong codes are refused, the fifth voids the code', async ({
  page,
  context,
  createWorld,
}) => {
  const world = await createWorld({ college: '计算机学院', candidates: ['王五'] });
  const { phone } = world.candidate('王五');
  await page.goto('/s/demo');
  // Every journey adds a college of its own: type to find the one, as a candidate would.
  await page.getByLabel('学院').fill('计算机学院');
  await page.getByTitle('计算机学院', { exact: true }).click();
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = await readCodeFromOutbox(context, phone);
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
    return (await answered).status();
  };
  for (let attempt = 1; attempt <= 4; attempt++) {
    expect(await submitCode(wrong)).toBe(401);
    await expect(page.getByRole('alert')).toHaveText('验证码错误或已过期');
  }
  expect(await submitCode(wrong)).toBe(429);
  await expect(page.getByRole('alert')).toHaveText('验证码错误次数过多，已失效，请重新获取');

  expect(await submitCode(code)).toBe(429);
  await expect(page.getByRole('alert')).toHaveText('验证码错误次数过多，已失效，请重新获取');
  await expect(page).toHaveURL(/\/s\/demo/);
});
