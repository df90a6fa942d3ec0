import { expect, request, test, type Browser, type Page } from '@playwright/test';
import type { AdminExam } from '../../../shared/api/exam-admin.js';
import {
  INTERVIEW_ROOM as ROOM,
  WORKING_DEVICES,
  callApi as call,
} from '../../fixtures/candidate.js';
import { baseURL } from '../../playwright.config.js';

/** The exam's rules for this journey: no face check, the second camera required. */
async function useSecondCameraRules(): Promise<() => Promise<void>> {
  const admin = await request.newContext({ baseURL });
  await call(admin, 'POST', '/api/auth/login/staff', {
    schoolSlug: 'demo',
    login: 'admin',
    password: 'Invigil2026',
  });
  const { items } = await call<{ items: AdminExam[] }>(admin, 'GET', '/api/admin/exams');
  const exam = items.find((item) => item.code === 'INT2026');
  if (!exam) throw new Error('demo exam INT2026 missing');
  const put = (rules: AdminExam['rules']) =>
    call(admin, 'PUT', `/api/admin/exams/${exam.id}`, {
      code: exam.code,
      name: exam.name,
      kind: exam.kind,
      collegeId: exam.collegeId,
      rules,
      pledgeText: exam.pledgeText,
      noticeText: exam.noticeText,
    });
  await put({ ...exam.rules, faceCheckRequired: false, secondCameraRequired: true });
  // Later journeys expect the demo exam as seeded.
  return async () => {
    await put(exam.rules);
    await admin.dispose();
  };
}

/**
 * 张三's PC, logged in, with the steps before 第二机位 done through the API (their own journeys
 * test those pages), on the check-in page.
 */
async function openPhoneStep(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const api = context.request;
  await call(api, 'POST', '/api/auth/login/admission', {
    schoolSlug: 'demo',
    examCode: 'INT2026',
    admissionNumber: 'INT2026001',
  });
  const mine = await call<{ items: { registrationId: string; sessionName: string }[] }>(
    api,
    'GET',
    '/api/me/registrations',
  );
  const registrationId = mine.items.find((item) => item.sessionName === ROOM)?.registrationId;
  if (!registrationId) throw new Error('张三 has no registration in the interview room');
  const base = `/api/me/registrations/${registrationId}`;
  await call(api, 'PUT', `${base}/attendance`, { attendance: 'confirmed' });
  await call(api, 'POST', `${base}/identity/confirm`, {});
  await call(api, 'PUT', `${base}/check-in/device`, WORKING_DEVICES);
  const state = await call<{ steps: { pledge: { state: string } } }>(
    api,
    'GET',
    `${base}/check-in`,
  );
  if (state.steps.pledge.state === 'pending') {
    await call(api, 'POST', `${base}/check-in/pledge`, { agree: true });
  }
  const page = await context.newPage();
  await page.goto(`/candidate/registrations/${registrationId}/check-in`);
  return page;
}

/** A phone scans the QR code, confirms, and starts monitoring (no face check in this exam). */
async function pairPhone(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
  });
  const phone = await context.newPage();
  await phone.goto(url);
  await expect(phone.getByRole('heading', { name: '信息确认' })).toBeVisible();
  // The token left the address as soon as it was read.
  expect(new URL(phone.url()).hash).toBe('');
  await expect(phone.getByText('张三')).toBeVisible();
  await expect(phone.getByText('INT2026001')).toBeVisible();
  await phone.getByRole('button', { name: '确认是本人' }).click();
  await expect(phone.getByText(/45度角/)).toBeVisible();
  await phone.getByRole('button', { name: '进入考试监控' }).click();
  await expect(phone.getByTestId('phone-monitoring')).toHaveText('监控已开启');
  return phone;
}

/** Frames the PC's <video> of the phone has shown so far. */
async function framesShown(pc: Page): Promise<number> {
  return pc
    .getByTestId('phone-view')
    .evaluate((video: HTMLVideoElement) => video.getVideoPlaybackQuality().totalVideoFrames);
}

test('the phone pairs by QR and publishes to the PC; closed it turns red; a new scan restores it', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const restoreRules = await useSecondCameraRules();
  try {
    const pc = await openPhoneStep(browser);
    const status = pc.getByTestId('phone-status');
    await expect(status).toHaveAttribute('data-state', /unpaired|lost/);
    const qr = pc.getByTestId('phone-qr');
    const firstUrl = (await qr.getAttribute('data-pairing-url')) ?? '';
    expect(firstUrl).toMatch(/\/phone#[A-Za-z0-9_-]{32,}$/);

    const phone = await pairPhone(browser, firstUrl);
    await expect(status).toHaveAttribute('data-state', 'live');
    await expect(status).toContainText('手机监控已开启');
    await expect.poll(() => framesShown(pc), { timeout: 20_000 }).toBeGreaterThan(0);

    // The used code, scanned again, gets the clear page.
    const again = await (await browser.newContext()).newPage();
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
    const secondPhone = await pairPhone(browser, freshUrl);
    await expect(status).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
    await expect.poll(() => framesShown(pc), { timeout: 20_000 }).toBeGreaterThan(0);
    await secondPhone.context().close();
    await pc.context().close();
  } finally {
    await restoreRules();
  }
});

test('a QR code that is not valid gets a clear page, not a blank one', async ({ page }) => {
  await page.goto(`/phone#${'x'.repeat(43)}`);
  await expect(page.getByTestId('phone-error')).toContainText('二维码无效');
  await expect(page.getByTestId('phone-error')).toContainText('刷新二维码后重新扫描');
  // Reloaded without a token and without a pairing: told to scan.
  await page.reload();
  await expect(page.getByTestId('phone-error')).toContainText('重新扫描电脑上的二维码');
});

test('a QR code replaced by a newer one reads as expired on the phone', async ({ browser }) => {
  const candidate = await browser.newContext();
  const api = candidate.request;
  await call(api, 'POST', '/api/auth/login/admission', {
    schoolSlug: 'demo',
    examCode: 'INT2026',
    admissionNumber: 'INT2026002',
  });
  const mine = await call<{ items: { registrationId: string; sessionName: string }[] }>(
    api,
    'GET',
    '/api/me/registrations',
  );
  const registrationId = mine.items.find((item) => item.sessionName === ROOM)?.registrationId;
  const base = `/api/me/registrations/${registrationId ?? ''}`;
  await call(api, 'PUT', `${base}/attendance`, { attendance: 'confirmed' });
  await call(api, 'POST', `${base}/identity/confirm`, {});
  const older = await call<{ token: string }>(api, 'POST', `${base}/check-in/phone/pairing`);
  // The PC refreshed its QR code: the older code can no longer be used.
  await call(api, 'POST', `${base}/check-in/phone/pairing`);

  const phone = await (await browser.newContext()).newPage();
  await phone.goto(`/phone#${older.token}`);
  await expect(phone.getByTestId('phone-error')).toContainText('二维码已过期');
  await expect(phone.getByTestId('phone-error')).toContainText('刷新二维码后重新扫描');
  await phone.context().close();
  await candidate.close();
});
