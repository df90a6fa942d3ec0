import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from '../../fixtures/axe.js';
import {
  confirmAttendanceAndIdentity,
  logInByAdmission,
  openCheckIn,
  openStaffSession,
} from '../../fixtures/candidate.js';
import { launchBrowser, receivedMedia, recordPeerConnections } from '../../fixtures/media-stats.js';
import { pairPhone } from '../../fixtures/phone.js';
import { expect, test } from '../../fixtures/world.js';

// Issue 19 §3: a candidate whose PC has no camera, in an exam that allows the phone as the
// primary camera. The PC's browser finds no camera (getUserMedia with video fails with
// NotFoundError, no videoinput is listed); its microphone is Chromium's fake one. From check-in
// to the 候考官's call: the device check names the camera alone and lets the candidate go on,
// the phone becomes a required step, the examiner hears the PC and sees the phone as the main
// picture, the candidate sees and hears the examiner, and 静音 silences the PC.

/** Makes the context's pages behave as on a PC without a camera (before any page script runs). */
async function withoutCamera(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const devices = navigator.mediaDevices;
    const getUserMedia = devices.getUserMedia.bind(devices);
    const enumerateDevices = devices.enumerateDevices.bind(devices);
    devices.getUserMedia = (constraints?: MediaStreamConstraints) =>
      constraints?.video
        ? Promise.reject(new DOMException('Requested device not found', 'NotFoundError'))
        : getUserMedia(constraints);
    devices.enumerateDevices = async () =>
      (await enumerateDevices()).filter((device) => device.kind !== 'videoinput');
  });
}

const stepsBar = (page: Page) => page.getByRole('navigation', { name: '考前检测步骤' });
const stepHeading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 2, name, exact: true });
const video = (testId: string) => `video[data-testid="${testId}"]`;
const examinerVideo = (name: string) => `video[aria-label="${name}的视频"]`;

/** The tracks of the stream a <video> shows, by kind. */
function trackKinds(page: Page, selector: string): Promise<{ audio: number; video: number }> {
  return page.locator(selector).evaluate((element: HTMLVideoElement) => {
    const stream = element.srcObject instanceof MediaStream ? element.srcObject : null;
    return {
      audio: stream?.getAudioTracks().length ?? -1,
      video: stream?.getVideoTracks().length ?? -1,
    };
  });
}

/** What `selector` has received after `ms` more milliseconds (the media keeps flowing meanwhile). */
async function receivedAfter(page: Page, selector: string, ms: number) {
  await page.waitForTimeout(ms);
  return receivedMedia(page, selector);
}

async function width(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the tile is not laid out');
  return box.width;
}

/**
 * A tile's connection status (已连接, 仅声音…), not its link quality (网络良好…), which is a
 * status of its own that appears with the first reading of the statistics.
 */
function connectionStatus(tile: Locator): Locator {
  return tile.locator('[role="status"]:not([data-testid$="-quality"])');
}
test('a PC without a camera: the microphone alone, the phone as the main picture, from check-in to the 候考官 call', async ({
  createWorld,
}) => {
  test.setTimeout(180_000);
  const world = await createWorld({
    // The face check would need the phone's photo to match (its own journey); off here. No second
    // camera is required: the phone is needed only because this PC has no camera.
    rules: { faceCheckRequired: false, secondCameraRequired: false, phoneAsPrimaryAllowed: true },
    candidates: ['吴敏'],
    waitingExaminer: '陈老师',
    panel: ['林老师'],
  });
  const candidate = world.candidate('吴敏');
  const browser = await launchBrowser();
  try {
    const pcContext = await browser.newContext();
    await withoutCamera(pcContext);
    await recordPeerConnections(pcContext);
    const pc = await pcContext.newPage();
    await logInByAdmission(pc, world, candidate);
    await confirmAttendanceAndIdentity(pc, world);
    await openCheckIn(pc, world);
    // Before the device check nothing says the PC lacks a camera: no phone step yet.
    await expect(stepsBar(pc).getByText('第二机位')).toHaveCount(0);

    // 设备检测: the camera alone is missing; the microphone is checked; the report says so.
    await pc.getByRole('button', { name: '开始检测' }).click();
    const notice = pc.getByRole('alert').filter({ hasText: '未检测到摄像头' });
    await expect(notice).toContainText('未检测到摄像头：本场考试可用手机作为主摄像头');
    await expect(notice).toContainText('麦克风正常，您可以继续。');
    await expect(notice).not.toContainText('摄像头或麦克风');
    await expect(pc.getByRole('region', { name: '摄像头' })).toHaveCount(0);
    const microphone = pc.getByRole('region', { name: '麦克风' });
    const meter = microphone.getByRole('progressbar', { name: '麦克风音量' });
    await expect
      .poll(async () => Number(await meter.getAttribute('aria-valuenow')), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await microphone.getByRole('button', { name: '可以看到' }).click();
    const speaker = pc.getByRole('region', { name: '扬声器' });
    await speaker.getByRole('button', { name: /播放测试声音/ }).click();
    await speaker.getByRole('button', { name: '可以听到' }).click();
    await expect(pc.getByText(/上行带宽 [\d.]+ (k|M)bit\/s/)).toBeVisible({ timeout: 20_000 });
    await expectNoAxeViolations(pc, 'device check without a camera');
    await pc.getByRole('button', { name: '查看检测报告' }).click();
    const report = pc.getByRole('region', { name: '检测报告' });
    await expect(report.getByText('未检测到摄像头，本场考试由手机作为主摄像头')).toBeVisible();
    await expect(report.getByText(/^最大音量 [1-9]\d*%$/)).toBeVisible();
    await report.getByRole('button', { name: '完成检测' }).click();

    // The step passed; the phone is now a step of its own (the rule), after the pledge.
    await expect(stepHeading(pc, '诚信承诺')).toBeVisible();
    await expect(stepsBar(pc).getByText('已通过')).toBeVisible();
    await expect(stepsBar(pc).getByText('第二机位', { exact: true })).toBeVisible();
    await pc.getByRole('checkbox', { name: '我已仔细阅读并同意' }).check();
    await pc.getByRole('button', { name: '同意', exact: true }).click();

    // 第二机位: the phone (mobile emulation, its fake camera) scans the QR code.
    await expect(stepHeading(pc, '第二机位')).toBeVisible();
    await expect(pc.getByRole('button', { name: '进入考试' })).toBeDisabled();
    const pairingUrl = (await pc.getByTestId('phone-qr').getAttribute('data-pairing-url')) ?? '';
    await pairPhone(browser, pairingUrl, candidate);
    await expect(pc.getByTestId('phone-status')).toHaveAttribute('data-state', 'live');

    // 进入考试 → 候考区: the call opens the microphone alone and says only the camera is off.
    await pc.getByRole('button', { name: '进入考试' }).click();
    await expect(pc.getByRole('heading', { name: '候考中' })).toBeVisible();
    await expect(pc.getByText('摄像头未打开：对方能听到您，但看不到您的电脑画面。')).toBeVisible();
    const ownTile = pc.getByTestId('local-preview-tile');
    await expect(connectionStatus(ownTile)).toHaveText('仅声音：摄像头未打开');
    expect(await trackKinds(pc, video('local-preview'))).toEqual({ audio: 1, video: 0 });

    // The 候考官 calls.
    const staffContext = await browser.newContext();
    await recordPeerConnections(staffContext);
    const examiner = await staffContext.newPage();
    await openStaffSession(examiner, world, world.waitingExaminer, '候考官', '候考区');
    await examiner.getByRole('button', { name: `呼叫 ${candidate.name}` }).click();
    const call = examiner.getByRole('region', { name: `正在与 ${candidate.name} 通话` });
    await expect(call).toBeVisible();
    await expect(pc.getByRole('heading', { name: /正在与您通话/ })).toBeVisible();

    // The examiner hears the PC: its tile is sound only, not a black 未在线 (nor 已连接) picture.
    const cameraTile = call.getByTestId('candidate-camera-tile');
    const cameraVideo = video('candidate-camera');
    await expect(examiner.locator(cameraVideo)).toHaveAttribute('data-state', 'live', {
      timeout: 20_000,
    });
    await expect(connectionStatus(cameraTile)).toHaveText('仅声音：考生电脑未开启摄像头');
    await expect(cameraTile).toContainText('电脑声音');
    await expect(examiner.getByLabel('吴敏的声音（无画面）')).toBeVisible();
    expect(await trackKinds(examiner, cameraVideo)).toEqual({ audio: 1, video: 0 });
    await expect
      .poll(async () => (await receivedMedia(examiner, cameraVideo)).audioEnergy, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    const heard = await receivedMedia(examiner, cameraVideo);
    const heardLater = await receivedAfter(examiner, cameraVideo, 2_000);
    expect(heardLater.audioEnergy).toBeGreaterThan(heard.audioEnergy);
    expect(heardLater.framesDecoded).toBe(0);

    // The phone is the candidate's main picture: first, larger, with frames.
    const phoneTile = call.getByTestId('candidate-phone-tile');
    await expect(phoneTile).toContainText('手机画面（主画面）');
    await expect
      .poll(async () => (await receivedMedia(examiner, video('candidate-phone'))).framesDecoded, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    const order = await call
      .getByTestId(/^candidate-(camera|phone)-tile$/)
      .evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-testid')));
    expect(order).toEqual(['candidate-phone-tile', 'candidate-camera-tile']);
    expect(await width(phoneTile)).toBeGreaterThan(await width(cameraTile));
    await expectNoAxeViolations(examiner, '候考官 call with a sound-only PC');

    // The candidate sees and hears the examiner.
    const examinerOnPc = examinerVideo(world.waitingExaminer.name);
    await expect(pc.locator(examinerOnPc)).toHaveAttribute('data-state', 'live', {
      timeout: 20_000,
    });
    await expect
      .poll(async () => (await receivedMedia(pc, examinerOnPc)).framesDecoded, { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(async () => (await receivedMedia(pc, examinerOnPc)).audioEnergy, { timeout: 20_000 })
      .toBeGreaterThan(0);

    // 静音 on the PC: the examiner's tile says 已静音; the sound keeps arriving, silent.
    await pc
      .getByRole('toolbar', { name: '通话控制' })
      .getByRole('button', { name: '静音' })
      .click();
    await expect(pc.getByRole('button', { name: '取消静音' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(connectionStatus(cameraTile)).toHaveText('仅声音：考生电脑未开启摄像头已静音');
    // What was in flight when the click came has been played out after a second.
    const muted = await receivedAfter(examiner, cameraVideo, 1_000);
    const mutedLater = await receivedAfter(examiner, cameraVideo, 2_000);
    expect(mutedLater.audioSamples).toBeGreaterThan(muted.audioSamples);
    expect(mutedLater.audioEnergy).toBe(muted.audioEnergy);
  } finally {
    await browser.close();
  }
});
