import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import type { DeviceReport } from '../../../shared/api/check-in.js';
import { LOGIN_BUTTON, readCodeFromOutbox } from '../../fixtures/outbox.js';
import { writeLivenessVideo } from '../../fixtures/faces/liveness-video.js';
import { baseURL, chromiumArgs } from '../../playwright.config.js';

// The face check with a real face as the camera. A still photo cannot turn its head or blink, so
// the camera plays a generated loop (e2e/fixtures/faces/liveness-video.ts): the photo turned left
// and right by a cylinder warp and with its eyes painted shut. Liveness, the snapshot, the server's
// comparison with the reference photo, retries and the flagged 继续进入 all run for real.

const ROOM = '外国语学院面试第一考场';
const videos = mkdtempSync(join(tmpdir(), 'invigil-liveness-'));

test.describe.configure({ mode: 'serial' });
// Up to four attempts of a few seconds each, on a 2-core machine running WASM inference.
test.setTimeout(240_000);

/** Frames the face worker measured, recorded from its messages (the product is not changed). */
declare global {
  interface Window {
    faceFrames?: { at: number; engineMs: number }[];
    faceEngineLoad?: { backend: string; loadMs: number };
  }
}

async function openBrowserWithCamera(video: string): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...chromiumArgs, `--use-file-for-fake-video-capture=${video}`],
  });
}

async function newCandidatePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript(() => {
    const Original = window.Worker;
    window.faceFrames = [];
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent<unknown>) => {
          const data = event.data as { type?: string; engineMs?: number; info?: never };
          if (data.type === 'measured') {
            window.faceFrames?.push({ at: performance.now(), engineMs: data.engineMs ?? 0 });
          }
          if (data.type === 'loaded') window.faceEngineLoad = data.info;
        });
      }
    };
  });
  return context.newPage();
}

async function logInBySms(page: Page, phone: string) {
  await page.goto('/s/demo');
  await page.getByLabel('学院').click();
  await page.getByTitle('外国语学院').click();
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByLabel('短信验证码').fill(await readCodeFromOutbox(page.context(), phone));
  await page.getByRole('button', LOGIN_BUTTON).click();
  await expect(page.getByText('欢迎来到演示大学云考场')).toBeVisible();
}

/** 我确认参加 and 确认信息 on the 准考证, as the check-in requires. */
async function confirmAttendanceAndIdentity(page: Page) {
  const room = page.getByRole('row').filter({ hasText: ROOM });
  await room.getByRole('button', { name: '准考证' }).click();
  const ticket = page.getByRole('dialog', { name: '准考证' });
  await expect(ticket.getByText(ROOM).first()).toBeVisible();
  const attend = ticket.getByRole('button', { name: '我确认参加' });
  if (await attend.isVisible()) {
    await attend.click();
    await expect(attend).toBeHidden();
  }
  const confirm = ticket.getByRole('button', { name: '确认信息' });
  if (await confirm.isVisible()) {
    await confirm.click();
    await expect(ticket.getByText(/已确认/).first()).toBeVisible();
  }
  await ticket.getByRole('button', { name: '关闭' }).first().click();
  await expect(ticket).toBeHidden();
}

const WORKING_DEVICES: DeviceReport = {
  camera: { ok: true, label: 'fake', width: 640, height: 480, frameRate: 10, error: null },
  microphone: { ok: true, label: 'fake', peakLevel: 0.4, error: null },
  speaker: { heard: true },
  network: { ok: true, latencyMs: 5, uplinkKbps: 50_000 },
  browser: {
    ok: true,
    userAgent: 'e2e',
    name: 'Chromium',
    version: '1',
    screenWidth: 1280,
    screenHeight: 720,
    webrtc: true,
    missing: [],
  },
};

/**
 * Opens the check-in and gets past the device check through the API (its own journey,
 * check-in-device.spec.ts, tests the page), so this journey starts at 人脸识别.
 */
async function openFaceStep(page: Page) {
  const room = page.getByRole('row').filter({ hasText: ROOM });
  await room.getByRole('link', { name: '人脸识别' }).click();
  await expect(page).toHaveURL(/\/candidate\/registrations\/[^/]+\/check-in$/);
  const registrationId = /registrations\/([^/]+)\/check-in/.exec(page.url())?.[1] ?? '';
  const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const saved = await page.request.put(`/api/me/registrations/${registrationId}/check-in/device`, {
    data: WORKING_DEVICES,
    headers: { 'x-csrf-token': csrf.token },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 2, name: '人脸识别', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: '人脸识别须知' })).toBeVisible();
}

/** Frames per second the worker managed, from the recorded messages. */
async function measuredFps(page: Page): Promise<{ fps: number; engineMs: number; frames: number }> {
  const frames = await page.evaluate(() => window.faceFrames ?? []);
  const first = frames.at(0);
  const last = frames.at(-1);
  if (!first || !last || frames.length < 2) return { fps: 0, engineMs: 0, frames: frames.length };
  const engineMs = frames.reduce((sum, frame) => sum + frame.engineMs, 0) / frames.length;
  return {
    fps: ((frames.length - 1) * 1000) / (last.at - first.at),
    engineMs: Math.round(engineMs),
    frames: frames.length,
  };
}

const instruction = (page: Page) => page.getByRole('status').filter({ hasText: /^请/ });
const failed = (page: Page) => page.getByRole('status').filter({ hasText: /^认证失败$/ });

test('without WASM a plain photo is sent; then a matching face passes liveness and the comparison (张三)', async () => {
  const browser = await openBrowserWithCamera(writeLivenessVideo('same', videos));
  try {
    const page = await newCandidatePage(browser);
    await logInBySms(page, '13800000001');
    await confirmAttendanceAndIdentity(page);
    await openFaceStep(page);

    // Without the WASM binaries the engine cannot load: the candidate may send a plain photo,
    // recorded as liveness not passed (staff review), instead of being blocked.
    await page.route('**/vendor/tfjs-wasm/**', (route) => route.abort());
    await page.getByRole('button', { name: '开始认证' }).click();
    await expect(page.getByText('第1次，共4次')).toBeVisible();
    await expect(page.getByText('人脸检测组件无法在此浏览器中运行')).toBeVisible({
      timeout: 60_000,
    });
    await page.getByRole('button', { name: '拍照提交' }).click();
    await expect(failed(page)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('活体检测未通过')).toBeVisible();
    await expect(page.getByText('还可重试 3 次')).toBeVisible();

    await page.unroute('**/vendor/tfjs-wasm/**');
    await page.getByRole('button', { name: '重试' }).click();
    await expect(instruction(page)).toHaveText(/请向左转头|请向右转头|请眨眼/, { timeout: 60_000 });
    await expect(page.getByText('认证成功')).toBeVisible({ timeout: 90_000 });
    const fps = await measuredFps(page);
    test.info().annotations.push({ type: 'face-worker', description: JSON.stringify(fps) });
    console.log(
      'face worker',
      JSON.stringify(fps),
      await page.evaluate(() => window.faceEngineLoad),
    );

    await page.getByRole('button', { name: '下一步' }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: '诚信承诺', exact: true }),
    ).toBeVisible();
  } finally {
    await browser.close();
  }
});

test('a different face fails every allowed attempt, then continues flagged (李四)', async () => {
  const browser = await openBrowserWithCamera(writeLivenessVideo('different', videos));
  try {
    const page = await newCandidatePage(browser);
    await logInBySms(page, '13800000002');
    await confirmAttendanceAndIdentity(page);
    await openFaceStep(page);

    await page.getByRole('button', { name: '开始认证' }).click();
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(page.getByText(`第${attempt}次，共4次`).first()).toBeVisible({
        timeout: 60_000,
      });
      await expect(failed(page)).toBeVisible({ timeout: 90_000 });
      await expect(page.getByText('与报名照片不一致')).toBeVisible();
      if (attempt < 4) {
        await expect(page.getByText(`还可重试 ${4 - attempt} 次`)).toBeVisible();
        await page.getByRole('button', { name: '重试' }).click();
      }
    }
    await expect(page.getByRole('button', { name: '重试' })).toHaveCount(0);
    await expect(page.getByText(/在考官界面会提示“人脸识别认证未通过”/)).toBeVisible();
    await expect(page.getByText(/向考官出示身份证原件进行人证对比/)).toBeVisible();
    await page.getByRole('button', { name: '继续进入' }).click();

    await expect(
      page.getByRole('heading', { level: 2, name: '诚信承诺', exact: true }),
    ).toBeVisible();
    await expect(page.getByText(/人脸识别认证未通过，已记录/)).toBeVisible();
  } finally {
    await browser.close();
  }
});
