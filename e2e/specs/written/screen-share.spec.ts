import { chromium, expect, type BrowserContext, type Page, type Request } from '@playwright/test';
import type { AttemptEventInput } from '../../../shared/api/attempt-events.js';
import { checkedIn } from '../../fixtures/candidate.js';
import { journeyPaper } from '../../fixtures/paper.js';
import { test, type World } from '../../fixtures/world.js';
import { baseURL, chromiumArgs } from '../../playwright.config.js';

// The written exam's screen-share rule (issue 14 §3, seed 004: the whole screen is shared during
// the exam). 王五 reads 考生须知 and is asked to share his whole screen before the paper shows;
// he shares it, answers, the share stops (the browser's 停止共享 bar): the page says so and
// blocks the paper until he shares again, and the proctors' 考试进度 shows 共享中 only while he
// shares. The second journey picks a tab in the browser's picker: it is refused.

const SHARE_RULES = {
  screenShareRequired: true,
  faceCheckRequired: false,
  durationMinutes: 30,
  minMinutesBeforeSubmit: 0,
  inactivitySubmitMinutes: null,
} as const;

/**
 * The tab of 王五's notes that the second journey's picker shares (ASCII: the flag matches no
 * Chinese title).
 */
const NOTES_TITLE = 'My notes';

/** Logged in and checked in through the API, 王五 opens the exam and confirms 考生须知. */
async function readNotice(page: Page, world: World): Promise<string> {
  const { registrationId } = await checkedIn(page.request, world, world.candidate('王五'));
  await page.goto(`/candidate/registrations/${registrationId}/exam`);
  await expect(page.getByRole('heading', { name: '考生须知' })).toBeVisible();
  await page.getByRole('checkbox', { name: '已阅读并了解考生须知' }).check();
  await page.getByRole('button', { name: '我已仔细阅读，下一步' }).click();
  // The session is open: the attempt starts at once, and the screen is asked for first.
  await expect(page.getByRole('heading', { name: '共享屏幕', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^第1题/ })).toHaveCount(0);
  return registrationId;
}

/**
 * Keeps each screen getDisplayMedia gives the context's pages, untouched, so the journey can end
 * one as the browser's 停止共享 bar does (headless Chromium has no such bar).
 */
async function keepSharedScreens(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const devices = navigator.mediaDevices;
    const getDisplayMedia = devices.getDisplayMedia.bind(devices);
    const kept: MediaStream[] = [];
    (window as Window & { sharedScreens?: MediaStream[] }).sharedScreens = kept;
    devices.getDisplayMedia = async (options?: DisplayMediaStreamOptions) => {
      const stream = await getDisplayMedia(options);
      kept.push(stream);
      return stream;
    };
  });
}

/** The browser's 停止共享: the screen's track stops and says it ended (`stop()` alone says nothing). */
async function stopSharingFromBrowser(page: Page): Promise<void> {
  await page.evaluate(() => {
    const kept = (window as Window & { sharedScreens?: MediaStream[] }).sharedScreens ?? [];
    const track = kept.at(-1)?.getVideoTracks()[0];
    if (!track || track.readyState !== 'live') throw new Error('no screen shared');
    track.stop();
    track.dispatchEvent(new Event('ended'));
  });
}

/** The attempt events the page sends, in order (the server's own log is asserted through 进度). */
function sentEvents(page: Page): AttemptEventInput[] {
  const sent: AttemptEventInput[] = [];
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/attempt/events')) return;
    const body = request.postDataJSON() as { events: AttemptEventInput[] };
    // A send tried again carries the same events: each counts once.
    sent.push(...body.events.filter((event) => !sent.some((seen) => seen.id === event.id)));
  });
  return sent;
}

test('王五 shares his whole screen to open the paper, and shares it again after it stops', async ({
  createWorld,
  page,
  context,
  browser,
}) => {
  const world = await createWorld({
    kind: 'written',
    session: { startsInSeconds: -10 },
    rules: SHARE_RULES,
    candidates: ['王五'],
  });
  await journeyPaper(world);
  await keepSharedScreens(context);
  const sent = sentEvents(page);
  await readNotice(page, world);

  // 共享整个屏幕: Chromium's picker (faked, the whole screen) shares, and the paper opens.
  await expect(
    page.getByText('请选择“整个屏幕”（不要选择某个窗口或标签页）', { exact: false }),
  ).toBeVisible();
  await page.getByRole('button', { name: '共享整个屏幕' }).click();
  await expect(page.getByRole('heading', { name: /^第1题/ })).toBeVisible();
  await page.getByRole('radio', { name: 'put off' }).check();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

  // The proctors' 考试进度 (an admin's here) says he shares.
  const staff = await browser.newContext({ storageState: await world.admin.storageState() });
  const progress = await staff.newPage();
  await progress.goto(`/admin/sessions/${world.session.id}/attempts`);
  const row = progress.getByRole('row').filter({ hasText: '王五' });
  const screenCell = async (text: string) => {
    // The page refreshes every 10 s; a reload asks at once.
    await expect(async () => {
      await progress.reload();
      await expect(row.getByText(text, { exact: true })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
  };
  await screenCell('共享中');

  // The browser's 停止共享: a notice he cannot dismiss blocks the paper, which keeps his answer.
  await stopSharingFromBrowser(page);
  const lost = page.getByRole('alertdialog', { name: '屏幕共享已停止' });
  await expect(lost).toBeVisible();
  await expect(lost).toContainText('停止共享已被记录');
  await expect(lost).toContainText('您已作答的内容已保存');
  await expect(lost.getByRole('button', { name: '重新共享' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(lost).toBeVisible();
  await screenCell('未共享');

  // 重新共享: the whole screen again, and he goes on answering.
  await lost.getByRole('button', { name: '重新共享' }).click();
  await expect(lost).toHaveCount(0);
  await page
    .getByRole('navigation', { name: '答题卡' })
    .getByRole('button', { name: '第3题' })
    .click();
  await page.getByRole('radio', { name: '正确' }).check();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await screenCell('共享中');
  await staff.close();

  // What the page logged: asked, shared the whole screen, stopped by the browser, shared again.
  expect(
    sent
      .filter((event) => event.type.startsWith('screen_share'))
      .map((event) => [event.type, event.detail ?? {}]),
  ).toEqual([
    ['screen_share_requested', {}],
    ['screen_share_started', { surface: 'monitor' }],
    ['screen_share_stopped', { reason: 'ended' }],
    ['screen_share_requested', {}],
    ['screen_share_started', { surface: 'monitor' }],
  ]);
});

test("a tab picked in the browser's picker is refused, and the paper stays closed", async ({
  createWorld,
}) => {
  // Without the faked picker (which always gives the whole screen), Chromium shares the tab
  // with this title without asking.
  const tabPicker = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      ...chromiumArgs.filter((arg) => arg !== '--use-fake-ui-for-media-stream'),
      `--auto-select-tab-capture-source-by-title=${NOTES_TITLE}`,
    ],
  });
  try {
    const world = await createWorld({
      kind: 'written',
      session: { startsInSeconds: -10 },
      rules: SHARE_RULES,
      candidates: ['王五'],
    });
    await journeyPaper(world);
    const context = await tabPicker.newContext({
      baseURL,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const notes = await context.newPage();
    await notes.setContent(`<title>${NOTES_TITLE}</title><p>My notes.</p>`);
    const page = await context.newPage();
    await readNotice(page, world);

    await page.getByRole('button', { name: '共享整个屏幕' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      '您共享的是一个窗口或标签页，不符合要求，已自动停止。请重新点击，并在弹出的窗口中选择“整个屏幕”。',
    );
    await expect(page.getByRole('heading', { name: '共享屏幕', level: 2 })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^第1题/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '共享整个屏幕' })).toBeEnabled();
  } finally {
    await tabPicker.close();
  }
});
