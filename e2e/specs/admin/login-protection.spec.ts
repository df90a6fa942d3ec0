import { expect, test, type Page } from '@playwright/test';
import { LOGIN_BUTTON, readCodeFromOutbox } from '../../fixtures/outbox.js';

// A login name nobody has: the limits treat it exactly like a real one, and no other journey
// uses it, so its picture code never reaches their logins.
const NOBODY = 'e2e-nobody';

async function submitStaffLogin(page: Page, password: string) {
  await page.getByLabel('密码', { exact: true }).fill(password);
  const button = page.getByRole('button', LOGIN_BUTTON);
  await expect(button).not.toHaveClass(/ant-btn-loading/);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login/staff'));
  await button.click();
  return (await answered).status();
}

test('after three wrong passwords the staff login asks for a picture code and says why', async ({
  page,
}) => {
  await page.goto('/s/demo');
  await page.getByText('我是工作人员').click();
  await page.getByLabel('用户名或手机号').fill(NOBODY);
  for (let attempt = 1; attempt <= 3; attempt++) {
    expect(await submitStaffLogin(page, `wrong-${String(attempt)}`)).toBe(401);
    await expect(page.getByRole('alert')).toContainText('账号或密码错误');
  }
  expect(await submitStaffLogin(page, 'wrong-4')).toBe(401);
  await expect(page.getByRole('alert')).toContainText('请输入图形验证码');

  const image = page.getByRole('img', { name: '图形验证码图片' });
  await expect(image).toBeVisible();
  await expect(page.getByText('为防止他人反复猜测账号或密码')).toBeVisible();
  await expect(page.getByLabel('图形验证码', { exact: true })).toBeFocused();
  const first = await image.getAttribute('src');
  await page.getByRole('button', { name: '换一张图形验证码' }).click();
  await expect(image).not.toHaveAttribute('src', first ?? '');
});

test('找回密码 asks whose password it is and names the account, masked, after the code', async ({
  page,
  context,
}) => {
  await page.goto('/s/demo');
  await page.getByText('我是工作人员').click();
  await page.getByRole('link', { name: '忘记密码' }).click();
  await expect(page).toHaveURL(/forgot-password\?kind=staff/);
  await expect(page.getByRole('radio', { name: '工作人员' })).toBeChecked();

  // antd draws the radios as buttons: the label is what a user clicks.
  await page.getByText('考生', { exact: true }).click();
  await expect(page.getByRole('radio', { name: '考生' })).toBeChecked();
  await page.getByLabel('手机号').fill('13800000005');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByRole('status')).toContainText('如该手机号已登记，验证码已发送');
  await page.getByLabel('短信验证码').fill(await readCodeFromOutbox(context, '13800000005'));
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('将为账号 孙*（考生） 设置新密码')).toBeVisible();
});
