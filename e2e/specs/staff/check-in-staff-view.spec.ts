import { expect, request, test, type APIRequestContext } from '@playwright/test';
import type { DeviceReport } from '../../../shared/api/check-in.js';
import { INTERVIEW_ROOM as ROOM, logInStaff } from '../../fixtures/candidate.js';
import { baseURL } from '../../playwright.config.js';

/** 李四 by API, as his own browser would: login, 确认参加, 确认信息; answers his registration. */
async function candidateLi(): Promise<{ api: APIRequestContext; registrationId: string }> {
  const api = await request.newContext({ baseURL });
  const { token } = (await (await api.get('/api/auth/csrf')).json()) as { token: string };
  const headers = { 'x-csrf-token': token };
  const login = await api.post('/api/auth/login/admission', {
    headers,
    data: { schoolSlug: 'demo', examCode: 'INT2026', admissionNumber: 'INT2026002' },
  });
  expect(login.ok()).toBe(true);
  // The login rotates the CSRF token with the session.
  const fresh = (await (await api.get('/api/auth/csrf')).json()) as { token: string };
  const mutation = { 'x-csrf-token': fresh.token };
  const mine = (await (await api.get('/api/me/registrations')).json()) as {
    items: { registrationId: string; admissionNumber: string }[];
  };
  const registrationId =
    mine.items.find((item) => item.admissionNumber === 'INT2026002')?.registrationId ?? '';
  const base = `/api/me/registrations/${registrationId}`;
  await api.put(`${base}/attendance`, { headers: mutation, data: { attendance: 'confirmed' } });
  await api.post(`${base}/identity/confirm`, { headers: mutation, data: {} });
  return { api, registrationId };
}

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
}) => {
  const li = await candidateLi();
  const csrf = async () =>
    ((await (await li.api.get('/api/auth/csrf')).json()) as { token: string }).token;
  const saveReport = async (microphoneOk: boolean) => {
    const saved = await li.api.put(`/api/me/registrations/${li.registrationId}/check-in/device`, {
      headers: { 'x-csrf-token': await csrf() },
      data: report(microphoneOk),
    });
    expect(saved.ok()).toBe(true);
  };
  await saveReport(true);

  await logInStaff(page, 'waiting1');
  await page
    .getByRole('row')
    .filter({ hasText: ROOM })
    .getByRole('link', { name: '考生检测' })
    .click();

  await expect(
    page.getByRole('heading', { level: 1, name: `${ROOM} · 考生检测情况` }),
  ).toBeVisible();
  const liRow = page.getByRole('row').filter({ hasText: 'INT2026002' });
  await expect(liRow.getByRole('cell').nth(2)).toHaveText('通过');
  await expect(liRow.getByText('未连接')).toBeVisible();

  // The page refreshes by itself: a new report with a broken microphone shows within seconds.
  await saveReport(false);
  await expect(liRow.getByRole('cell').nth(2)).toHaveText('待完成', { timeout: 8_000 });

  await liRow.getByRole('button', { name: '查看 李四 的检测详情' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('1280×720，30 帧/秒')).toBeVisible();
  await expect(drawer.getByText('听不到')).toBeVisible();
  await expect(drawer.getByText('设备被占用')).toBeVisible();
  const reference = drawer.getByRole('img', { name: '李四 的参考照片' });
  await expect(reference).toBeVisible();
  // The photo arrives through the staff member's own cookie.
  await expect
    .poll(() => reference.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0);
  await li.api.dispose();
});
