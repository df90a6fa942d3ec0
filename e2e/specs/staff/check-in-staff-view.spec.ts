import { readFileSync } from 'node:fs';
import type {
  DeviceReport,
  FaceCheckResult,
  StaffCheckInRow,
} from '../../../shared/api/check-in.js';
import { expectNoAxeViolations } from '../../fixtures/axe.js';
import { callApi } from '../../fixtures/api.js';
import {
  WORKING_DEVICES,
  confirmedRegistration,
  openStaffSession,
} from '../../fixtures/candidate.js';
import { PHOTOS, expect, test } from '../../fixtures/world.js';
import { beijingDateTime } from '../../fixtures/world-data.js';
import { baseURL } from '../../playwright.config.js';

/** The frame the fake camera of a different person plays (Grace Hopper, not the cameraman). */
const DIFFERENT_PERSON = new URL('../../fixtures/faces/different-person.png', import.meta.url);

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

test('人工核验: the 候考官 compares a flagged candidate’s snapshot with the reference photo and confirms; the step passes for staff and candidate', async ({
  page,
  browser,
  createWorld,
}) => {
  // One attempt (no retries): the failed comparison uses it up, and 继续进入 is offered at once.
  const world = await createWorld({
    rules: { faceCheckRequired: true, faceCheckRetries: 0 },
    candidates: [{ name: '王五', photo: PHOTOS.cameraman }],
    waitingExaminer: '陈老师',
    panel: ['林老师'],
  });
  const wang = world.candidate('王五');

  // 王五's browser, his face step through the API as the page sends it (check-in-face.spec.ts
  // runs the page): the snapshot shows someone else than his reference photo, the server's
  // comparison says so, and he goes on with 继续进入, flagged.
  const candidateContext = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  try {
    const candidate = await candidateContext.newPage();
    const { registrationId, base } = await confirmedRegistration(candidate.request, world, wang);
    await callApi(candidate.request, 'PUT', `${base}/check-in/device`, WORKING_DEVICES);
    const { result: check } = await callApi<{ result: FaceCheckResult }>(
      candidate.request,
      'POST',
      `${base}/check-in/face`,
      {
        image: readFileSync(DIFFERENT_PERSON).toString('base64'),
        liveness: { challenges: ['turn_left', 'blink'], passed: true, framesJudged: 40 },
      },
    );
    expect(check.verdict).toBe('mismatch');
    const score = check.score ?? Number.NaN;
    expect(score).toBeLessThan(check.threshold);
    await callApi(candidate.request, 'POST', `${base}/check-in/face/continue`);

    // His check-in page says the face check failed and staff will review it.
    const flagNotice = candidate.getByText(
      '人脸识别认证未通过，已记录并由考务人员审核，您可以继续完成其余检测。',
    );
    const stepsBar = candidate.getByRole('navigation', { name: '考前检测步骤' });
    await candidate.goto(`/candidate/registrations/${registrationId}/check-in`);
    await expect(
      candidate.getByRole('heading', { level: 2, name: '诚信承诺', exact: true }),
    ).toBeVisible();
    await expect(flagNotice).toBeVisible();
    await expect(stepsBar.getByText('人脸识别认证未通过')).toBeVisible();

    // The 候考官 sees the flag in the table and the summary.
    await openStaffSession(page, world, world.waitingExaminer, '候考官', '考生检测');
    const summary = page.getByText(/^共 \d+ 人，可进入/);
    await expect(summary).toHaveText('共 1 人，可进入 0 人，人脸识别未通过 1 人，手机掉线 0 人');
    const row = page.getByRole('row').filter({ hasText: wang.admissionNumber });
    const faceCell = row.getByRole('cell').nth(3);
    await expect(faceCell).toHaveText('人脸识别认证未通过');
    await expect(row.getByRole('cell').nth(6)).toHaveText(
      `相似度 ${score.toFixed(2)}比对不一致第 1/1 次`,
    );

    // The drawer: the snapshot beside the reference photo, the step flagged, 人工核验通过 on the card.
    await row.getByRole('button', { name: `查看 ${wang.name} 的检测详情` }).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByRole('img', { name: `${wang.name} 的参考照片` })).toBeVisible();
    const snapshot = drawer.getByRole('img', {
      name: `${wang.name} 的人脸抓拍（${beijingDateTime(check.createdAt)}，比对不一致）`,
    });
    await expect(snapshot).toBeVisible();
    await expect(drawer.getByText(`${score.toFixed(2)}（阈值 0.65）`)).toBeVisible();
    const faceFact = drawer
      .getByRole('row')
      .filter({ hasText: /^人脸识别/ })
      .getByRole('cell');
    await expect(faceFact).toHaveText('人脸识别认证未通过 第 1/1 次');
    const confirmIdentity = drawer.getByRole('button', { name: '人工核验通过' });
    await expect(confirmIdentity).toHaveCount(1);

    // 人工核验通过 asks first; the question names the candidate.
    await confirmIdentity.click();
    const question = page.getByText(`确认抓拍照片中的人是 ${wang.name} 本人？`);
    await expect(question).toBeVisible();
    await expect(
      page.getByText(/请对照参考照片（或面试中出示的身份证原件）后再确认/),
    ).toBeVisible();
    await expectNoAxeViolations(page, '检测详情 with the 人工核验 question open');

    const answer = page.waitForResponse((response) =>
      response.url().endsWith(`/registrations/${registrationId}/face/confirm`),
    );
    await page.getByRole('button', { name: '确认是本人' }).click();
    const confirmed = (await (await answer).json()) as StaffCheckInRow;
    await expect(page.getByText(`已人工核验 ${wang.name} 的身份`)).toBeVisible();
    await expect(question).toBeHidden();
    await expect(
      drawer.getByText(
        `已人工核验通过（${beijingDateTime(confirmed.steps.face.confirmedAt ?? '')}）`,
      ),
    ).toBeVisible();
    await expect(faceFact).toHaveText('通过 第 1/1 次');
    await expect(confirmIdentity).toHaveCount(0);
    // The snapshot keeps the machine's verdict: the record says what the comparison found.
    await expect(snapshot).toBeVisible();

    // The table and the summary: the step passed, nobody flagged.
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(faceCell).toHaveText('通过');
    await expect(summary).toHaveText('共 1 人，可进入 0 人，人脸识别未通过 0 人，手机掉线 0 人');

    // 王五's page, left open, refreshes within its 15 s poll: the face step passed, no notice.
    await expect(stepsBar.getByText('已通过')).toHaveCount(2, { timeout: 20_000 });
    await expect(stepsBar.getByText('人脸识别认证未通过')).toHaveCount(0);
    await expect(flagNotice).toHaveCount(0);
  } finally {
    await candidateContext.close();
  }
});
