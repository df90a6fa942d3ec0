import { expectNoAxeViolations } from '../../fixtures/axe.js';
import { callApi } from '../../fixtures/api.js';
import { confirmedRegistration } from '../../fixtures/candidate.js';
import {
  SECOND_CAMERA_RULES,
  confirmOnPhone,
  framesShown,
  newPhoneContext,
  openPhoneStep,
  pairPhone,
  startMonitoring,
} from '../../fixtures/phone.js';
import { expect, test } from '../../fixtures/world.js';

test('the phone pairs by QR and publishes to the PC; closed it turns red; a new scan restores it', async ({
  browser,
  createWorld,
}) => {
  test.setTimeout(150_000);
  const world = await createWorld({ rules: SECOND_CAMERA_RULES, candidates: ['张三'] });
  const zhang = world.candidate('张三');
  const pc = await openPhoneStep(browser, world, zhang);
  // No phone has ever been paired with this candidate.
  const status = pc.getByTestId('phone-status');
  await expect(status).toHaveAttribute('data-state', 'unpaired');
  await expect(status).toContainText('等待手机扫码');
  const qr = pc.getByTestId('phone-qr');
  const firstUrl = (await qr.getAttribute('data-pairing-url')) ?? '';
  expect(firstUrl).toMatch(/\/phone#[A-Za-z0-9_-]{32,}$/);

  const phone = await pairPhone(browser, firstUrl, zhang);
  await expect(status).toHaveAttribute('data-state', 'live');
  await expect(status).toContainText('手机监控已开启');
  await expect.poll(() => framesShown(pc), { timeout: 20_000 }).toBeGreaterThan(0);
  await expectNoAxeViolations(pc, '考前检测 with the phone live');
  await expectNoAxeViolations(phone, 'phone 监控已开启');

  // The used code, scanned again, gets the clear page.
  const again = await (await newPhoneContext(browser)).newPage();
  await again.goto(firstUrl);
  await expect(again.getByTestId('phone-error')).toContainText('二维码已被使用');
  await expect(again.getByTestId('phone-error')).toContainText('刷新二维码后重新扫描');
  await again.context().close();

  // The phone goes away: the red dot within 15 s; the grey QR code enlarges on hover.
  await phone.context().close();
  await expect(status).toHaveAttribute('data-state', 'lost', { timeout: 15_000 });
  await expect(status).toContainText('手机监控已掉线');
  await expect(qr).toHaveAttribute('width', '96');
  await qr.hover();
  await expect(qr).toHaveAttribute('width', '240');
  const freshUrl = (await qr.getAttribute('data-pairing-url')) ?? '';
  expect(freshUrl).not.toBe(firstUrl);

  // A new phone scans the fresh code: live again, with frames.
  const secondPhone = await pairPhone(browser, freshUrl, zhang);
  await expect(status).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
  await expect(status).toContainText('手机监控已开启');
  await expect.poll(() => framesShown(pc), { timeout: 20_000 }).toBeGreaterThan(0);
  await secondPhone.context().close();
  await pc.context().close();
});

test('a QR code that is not valid gets a clear page, not a blank one', async ({ browser }) => {
  const phone = await (await newPhoneContext(browser)).newPage();
  await phone.goto(`/phone#${'x'.repeat(43)}`);
  await expect(phone.getByTestId('phone-error')).toContainText('二维码无效');
  await expect(phone.getByTestId('phone-error')).toContainText('刷新二维码后重新扫描');
  // Reloaded without a token and without a pairing: told to scan.
  await phone.reload();
  await expect(phone.getByTestId('phone-error')).toContainText('重新扫描电脑上的二维码');
});

test('a QR code replaced by a newer one reads as expired on the phone', async ({
  browser,
  createWorld,
}) => {
  const world = await createWorld({ rules: SECOND_CAMERA_RULES, candidates: ['李四'] });
  const candidate = await browser.newContext();
  const api = candidate.request;
  const { base } = await confirmedRegistration(api, world, world.candidate('李四'));
  const older = await callApi<{ token: string }>(api, 'POST', `${base}/check-in/phone/pairing`);
  // The PC refreshed its QR code: the older code can no longer be used.
  await callApi(api, 'POST', `${base}/check-in/phone/pairing`);

  const phone = await (await newPhoneContext(browser)).newPage();
  await phone.goto(`/phone#${older.token}`);
  await expect(phone.getByTestId('phone-error')).toContainText('二维码已过期');
  await expect(phone.getByTestId('phone-error')).toContainText('刷新二维码后重新扫描');
});

test('without a reference photo the phone offers 下一步 after its first photo, as the PC does', async ({
  browser,
  createWorld,
}) => {
  // A face check is required, and the candidate has no reference photo to compare with.
  const world = await createWorld({
    rules: { faceCheckRequired: true, faceCheckRetries: 3, secondCameraRequired: true },
    candidates: ['周七'],
  });
  const zhou = world.candidate('周七');
  const candidate = await browser.newContext();
  const { base } = await confirmedRegistration(candidate.request, world, zhou);
  // The PC's QR code (its page is tested in the first journey).
  const { token } = await callApi<{ token: string }>(
    candidate.request,
    'POST',
    `${base}/check-in/phone/pairing`,
  );

  const phone = await (await newPhoneContext(browser)).newPage();
  await confirmOnPhone(phone, `/phone#${token}`, zhou);
  await expect(phone.getByRole('heading', { name: '拍照验证' })).toBeVisible();
  await phone.getByRole('button', { name: '拍照验证' }).tap();

  // One photo: no retake could succeed, so 下一步 is offered at once and 返回重拍 is not.
  await expect(phone.getByRole('status').filter({ hasText: /^验证(通过|失败)$/ })).toHaveText(
    '验证失败',
    { timeout: 30_000 },
  );
  await expect(phone.getByText('无报名照片，无法比对')).toBeVisible();
  await expect(phone.getByText('无法比对，可直接进入下一步，后台会有管理员审核。')).toBeVisible();
  await expect(phone.getByRole('button', { name: '返回重拍' })).toHaveCount(0);
  await phone.getByRole('button', { name: '下一步' }).tap();
  await startMonitoring(phone);
  await phone.context().close();
  await candidate.close();
});
