import { chromium, type Page } from '@playwright/test';
import {
  confirmAttendanceAndIdentity,
  logInByAdmission,
  openCheckIn,
} from '../../fixtures/candidate.js';
import { expect, test } from '../../fixtures/world.js';
import { baseURL, chromiumArgs } from '../../playwright.config.js';

const stepsBar = (page: Page) => page.getByRole('navigation', { name: '考前检测步骤' });
const stepHeading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 2, name, exact: true });

test('the device check measures the fake devices, passes, and a reload resumes at the face check', async ({
  page,
  createWorld,
}) => {
  const world = await createWorld({
    rules: { faceCheckRequired: true, secondCameraRequired: false },
    candidates: ['张三'],
  });
  await logInByAdmission(page, world, world.candidate('张三'));
  await confirmAttendanceAndIdentity(page, world);
  await openCheckIn(page, world);

  await expect(page.getByText(world.session.name).first()).toBeVisible();
  await expect(stepHeading(page, '设备检测')).toBeVisible();
  // 进入考试 is always there; disabled (with its reason) until every step is done.
  await expect(page.getByRole('button', { name: /进入考试/ })).toBeDisabled();
  await expect(page.getByText('请先完成以上检测').filter({ visible: true })).toBeVisible();

  await page.getByRole('button', { name: '开始检测' }).click();

  const camera = page.getByRole('region', { name: '摄像头' });
  await expect(camera.getByText(/分辨率 \d+×\d+，帧率 \d+ 帧\/秒/)).toBeVisible();
  await expect(camera.getByLabel('摄像头画面预览')).toBeVisible();
  await camera.getByRole('button', { name: '可以看到' }).click();

  const microphone = page.getByRole('region', { name: '麦克风' });
  const meter = microphone.getByRole('progressbar', { name: '麦克风音量' });
  // Chromium's fake microphone beeps about once a second: the meter must move.
  await expect
    .poll(async () => Number(await meter.getAttribute('aria-valuenow')), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await expect(microphone.getByText(/最大音量 [1-9]\d*%/)).toBeVisible();
  await microphone.getByRole('button', { name: '可以看到' }).click();

  const speaker = page.getByRole('region', { name: '扬声器' });
  await speaker.getByRole('button', { name: /播放测试声音/ }).click();
  await expect(speaker.getByRole('button', { name: '可以听到' })).toBeEnabled();
  await speaker.getByRole('button', { name: '可以听到' }).click();

  await expect(page.getByText(/延迟 \d+ 毫秒/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/上行带宽 [\d.]+ (k|M)bit\/s/)).toBeVisible();

  await page.getByRole('button', { name: '查看检测报告' }).click();
  const report = page.getByRole('region', { name: '检测报告' });
  await expect(report.getByText(/\d+×\d+，\d+ 帧\/秒/)).toBeVisible();
  await expect(report.getByText(/延迟 \d+ 毫秒，上行/)).toBeVisible();
  await report.getByRole('button', { name: '完成检测' }).click();

  await expect(stepsBar(page).getByText('已通过')).toBeVisible();
  await expect(stepHeading(page, '人脸识别')).toBeVisible();

  await page.reload();
  await expect(stepHeading(page, '人脸识别')).toBeVisible();
  await expect(stepsBar(page).getByText('已通过')).toBeVisible();

  // The device check can be run again at any time, without losing the place.
  await page.getByRole('button', { name: '重新进行设备检测' }).click();
  await expect(page.getByRole('button', { name: '开始检测' })).toBeVisible();
  await page.getByRole('button', { name: '返回当前步骤' }).click();
  await expect(stepHeading(page, '人脸识别')).toBeVisible();
});

test('a denied camera permission shows the instruction, not a blank page', async ({
  createWorld,
}) => {
  const world = await createWorld({ candidates: ['李四'] });
  // Without --use-fake-ui-for-media-stream and with no permission granted, headless Chromium
  // refuses getUserMedia with NotAllowedError, as a candidate clicking 禁止 would.
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs.filter((flag) => flag !== '--use-fake-ui-for-media-stream'),
  });
  try {
    const context = await browser.newContext({
      baseURL,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      permissions: [],
    });
    const page = await context.newPage();
    await logInByAdmission(page, world, world.candidate('李四'));
    await confirmAttendanceAndIdentity(page, world);
    await openCheckIn(page, world);

    await page.getByRole('button', { name: '开始检测' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '摄像头或麦克风无法使用' });
    await expect(alert).toContainText('浏览器未获得摄像头/麦克风权限');
    await expect(alert).toContainText('考务人员会看到检测结果');
    await expect(alert.getByRole('button', { name: '重试' })).toBeVisible();
    // The failure is reported to staff at once.
    await expect(page.getByText('检测报告已提交')).toBeVisible();
    // The rest of the check still works.
    await expect(page.getByRole('region', { name: '扬声器' })).toBeVisible();
    await expect(page.getByText(/延迟 \d+ 毫秒/)).toBeVisible({ timeout: 20_000 });
  } finally {
    await browser.close();
  }
});
