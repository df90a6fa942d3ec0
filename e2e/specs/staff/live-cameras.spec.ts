import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  INTERVIEW_ROOM as ROOM,
  WORKING_DEVICES,
  callApi as call,
  confirmedRegistration,
  logInStaff,
  useInterviewRules,
} from '../../fixtures/candidate.js';

/**
 * 李四's PC with a passed device check (set through the API: its own journey tests the page),
 * and a phone paired with a token of his: the phone claims it and starts monitoring before the
 * PC page opens, so no QR code of that page can replace the token first.
 */
async function pcAndPhoneOfLi(browser: Browser): Promise<{ pc: Page; phone: Page }> {
  const context = await browser.newContext();
  const api = context.request;
  const { registrationId, base } = await confirmedRegistration(api, 'INT2026002');
  await call(api, 'PUT', `${base}/check-in/device`, WORKING_DEVICES);
  const { token } = await call<{ token: string }>(api, 'POST', `${base}/check-in/phone/pairing`);

  const phoneContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
  });
  const phone = await phoneContext.newPage();
  await phone.goto(`/phone#${token}`);
  await phone.getByRole('button', { name: '确认是本人' }).click();
  await phone.getByRole('button', { name: '进入考试监控' }).click();
  await expect(phone.getByTestId('phone-monitoring')).toHaveText('监控已开启');

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
}) => {
  test.setTimeout(60_000);
  const restoreRules = await useInterviewRules({ faceCheckRequired: false });
  try {
    const { pc, phone } = await pcAndPhoneOfLi(browser);

    await logInStaff(page, 'waiting1');
    await page
      .getByRole('row')
      .filter({ hasText: ROOM })
      .getByRole('link', { name: '考生检测' })
      .click();
    const liRow = page.getByRole('row').filter({ hasText: 'INT2026002' });
    await liRow.getByRole('button', { name: '查看 李四 的检测详情' }).click();
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
    await expect(drawer.getByTestId('live-camera-camera')).toHaveAttribute(
      'data-state',
      'offline',
      {
        timeout: 15_000,
      },
    );
    await expect(drawer.getByText('未在线')).toBeVisible();
    await expect(drawer.getByTestId('live-camera-phone')).toHaveAttribute('data-state', 'live');

    await phone.context().close();
    await pc.context().close();
  } finally {
    await restoreRules();
  }
});
