import { expectNoAxeViolations } from '../../fixtures/axe.js';
import { callApi } from '../../fixtures/api.js';
import { confirmedRegistration } from '../../fixtures/candidate.js';
import {
  SECOND_CAMERA_RULES,
  framesShown,
  newPhoneContext,
  openPhoneStep,
  pairPhone,
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
