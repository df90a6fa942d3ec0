import type { DeviceReport } from '../../../shared/api/check-in.js';
import { callApi } from '../../fixtures/api.js';
import { confirmedRegistration, openStaffSession } from '../../fixtures/candidate.js';
import { PHOTOS, expect, test } from '../../fixtures/world.js';

function report(microphoneOk: boolean): DeviceReport {
  return {
    camera: { ok: true, label: 'fake', width: 1280, height: 720, frameRate: 30, error: null },
    microphone: {
      ok: microphoneOk,
      label: 'fake',
      peakLevel: microphoneOk ? 0.5 : null,
      error: microphoneOk ? null : 'in_use',
    },
    speaker: { heard: false },
    network: { ok: true, latencyMs: 12, uplinkKbps: 8000 },
    browser: {
      ok: true,
      userAgent: 'e2e',
      name: 'Chrome',
      version: '140',
      screenWidth: 1920,
      screenHeight: 1080,
      webrtc: true,
      missing: [],
    },
  };
}

test('the waiting-room examiner follows the check-ins live and reads a candidate’s report', async ({
  page,
  createWorld,
}) => {
  const world = await createWorld({
    candidates: [{ name: '李四', photo: PHOTOS.cameraman }],
    waitingExaminer: '陈老师',
    panel: ['林老师'],
  });
  const li = world.candidate('李四');
  // 李四 by API, as his own browser would: login, 确认参加, 确认信息, a device report.
  const api = await world.newApi();
  const { base } = await confirmedRegistration(api, world, li);
  await callApi(api, 'PUT', `${base}/check-in/device`, report(true));

  await openStaffSession(page, world, world.waitingExaminer, '候考官', '考生检测');
  await expect(
    page.getByRole('heading', { level: 1, name: `${world.session.name} · 考生检测情况` }),
  ).toBeVisible();
  const liRow = page.getByRole('row').filter({ hasText: li.admissionNumber });
  await expect(liRow.getByRole('cell').nth(2)).toHaveText('通过');
  await expect(liRow.getByText('未连接')).toBeVisible();

  // The page refreshes by itself: a new report with a broken microphone shows within seconds.
  await callApi(api, 'PUT', `${base}/check-in/device`, report(false));
  await expect(liRow.getByRole('cell').nth(2)).toHaveText('待完成', { timeout: 8_000 });

  await liRow.getByRole('button', { name: `查看 ${li.name} 的检测详情` }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('1280×720，30 帧/秒')).toBeVisible();
  await expect(drawer.getByText('听不到')).toBeVisible();
  await expect(drawer.getByText('设备被占用')).toBeVisible();
  const reference = drawer.getByRole('img', { name: `${li.name} 的参考照片` });
  await expect(reference).toBeVisible();
  // The photo arrives through the staff member's own cookie: the roster photo, 512 px wide.
  await expect
    .poll(() => reference.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBe(512);
});
