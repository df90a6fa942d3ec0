import type { Page } from '@playwright/test';
import {
  SECOND_CAMERA_RULES,
  framesShown,
  openPhoneStep,
  pairPhone,
} from '../../fixtures/phone.js';
import { expect, test } from '../../fixtures/world.js';

/** True once the PC's <video> of the phone decodes new frames (sampled on each poll). */
function framesGrowing(pc: Page): () => Promise<boolean> {
  let last = Number.POSITIVE_INFINITY;
  return async () => {
    const now = await framesShown(pc);
    const grew = now > last;
    last = now;
    return grew;
  };
}

test('the phone loses its network: it says it is reconnecting, and the PC sees it again after', async ({
  browser,
  createWorld,
}) => {
  test.setTimeout(90_000);
  const world = await createWorld({ rules: SECOND_CAMERA_RULES, candidates: ['张三'] });
  const zhang = world.candidate('张三');
  const pc = await openPhoneStep(browser, world, zhang);
  const status = pc.getByTestId('phone-status');
  const url = (await pc.getByTestId('phone-qr').getAttribute('data-pairing-url')) ?? '';
  const phone = await pairPhone(browser, url, zhang);
  await expect(status).toHaveAttribute('data-state', 'live');
  await expect.poll(framesGrowing(pc), { timeout: 15_000 }).toBe(true);
  const banner = phone.getByTestId('reconnecting-banner');
  await expect(banner).toBeHidden();

  await phone.context().setOffline(true);
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('网络连接中断，正在重新连接…');
  // Announced to screen readers: the banner sits in a polite live region.
  await expect(phone.getByRole('status').filter({ has: banner })).toHaveAttribute(
    'aria-live',
    'polite',
  );

  await phone.context().setOffline(false);
  await expect(banner).toBeHidden({ timeout: 15_000 });
  await expect(status).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
  await expect(status).toContainText('手机监控已开启');
  await expect(pc.getByTestId('phone-view')).toHaveAttribute('data-connection', 'connected', {
    timeout: 20_000,
  });
  await expect.poll(framesGrowing(pc), { timeout: 15_000 }).toBe(true);
  // The PC's own connection never broke: no banner there.
  await expect(pc.getByTestId('reconnecting-banner')).toHaveCount(0);
  await phone.context().close();
  await pc.context().close();
});
