import type { Browser, Page } from '@playwright/test';
import { callApi } from '../../fixtures/api.js';
import {
  WORKING_DEVICES,
  confirmedRegistration,
  openStaffSession,
} from '../../fixtures/candidate.js';
import {
  SECOND_CAMERA_RULES,
  confirmOnPhone,
  newPhoneContext,
  startMonitoring,
} from '../../fixtures/phone.js';
import { expect, test, type World } from '../../fixtures/world.js';
import type { RosterPerson } from '../../fixtures/world-data.js';

/**
 * The candidate's PC with a passed device check (set through the API: its own journey tests the
 * page), and a phone paired with a token of theirs: the phone claims it and starts monitoring
 * before the PC page opens, so no QR code of that page can replace the token first.
 */
async function pcAndPhone(browser: Browser, world: World, person: RosterPerson) {
  const context = await browser.newContext();
  const api = context.request;
  const { registrationId, base } = await confirmedRegistration(api, world, person);
  await callApi(api, 'PUT', `${base}/check-in/device`, WORKING_DEVICES);
  const { token } = await callApi<{ token: string }>(api, 'POST', `${base}/check-in/phone/pairing`);

  const phone = await (await newPhoneContext(browser)).newPage();
  await confirmOnPhone(phone, `/phone#${token}`, person);
  await startMonitoring(phone);

  const pc = await context.newPage();
  await pc.goto(`/candidate/registrations/${registrationId}/check-in`);
  // The candidate is told the camera is being watched.
  await expect(pc.getByTestId('camera-shared-note')).toHaveText(/摄像头画面正在上传给考务人员/);
  return { pc, phone };
}

async function framesShown(page: Page, testId: string): Promise<number> {
  return page
    .getByTestId(testId)
    .evaluate((video: HTMLVideoElement) => video.getVideoPlaybackQuality().totalVideoFrames);
}

test('the waiting-room examiner watches a candidate’s PC camera and phone camera live', async ({
  browser,
  page,
  createWorld,
}) => {
  test.setTimeout(90_000);
  const world = await createWorld({
    rules: SECOND_CAMERA_RULES,
    candidates: ['李四'],
    waitingExaminer: '陈老师',
    panel: ['林老师'],
  });
  const li = world.candidate('李四');
  const { pc } = await pcAndPhone(browser, world, li);

  await openStaffSession(page, world, world.waitingExaminer, '候考官', '考生检测');
  const liRow = page.getByRole('row').filter({ hasText: li.admissionNumber });
  await liRow.getByRole('button', { name: `查看 ${li.name} 的检测详情` }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('heading', { name: '实时画面' })).toBeVisible();

  for (const testId of ['live-camera-camera', 'live-camera-phone']) {
    await expect(drawer.getByTestId(testId)).toHaveAttribute('data-state', 'live', {
      timeout: 20_000,
    });
    await expect.poll(() => framesShown(page, testId), { timeout: 15_000 }).toBeGreaterThan(0);
  }
  await expect(drawer.getByText('已连接')).toHaveCount(2);

  // The candidate leaves the check-in page (the socket stays): the PC camera stops publishing
  // and staff read 未在线 for it; the phone goes on.
  await pc.getByRole('link', { name: '返回我的考场' }).click();
  await expect(drawer.getByTestId('live-camera-camera')).toHaveAttribute('data-state', 'offline', {
    timeout: 15_000,
  });
  await expect(drawer.getByText('未在线')).toBeVisible();
  await expect(drawer.getByTestId('live-camera-phone')).toHaveAttribute('data-state', 'live');
});
