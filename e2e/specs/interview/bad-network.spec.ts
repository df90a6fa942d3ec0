import { writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { createRgbImage } from '../../../server/vision/raster.js';
import { encodeY4m } from '../../../scripts/face-fixtures/y4m.js';
import { callApi } from '../../fixtures/api.js';
import { checkedIn, openStaffSession } from '../../fixtures/candidate.js';
import { receivedMedia, recordPeerConnections } from '../../fixtures/media-stats.js';
import { uplinkCopies, type UplinkCopy } from '../../fixtures/media-uplink.js';
import {
  HOST_ADDRESS,
  chromiumInNamespace,
  createNamespace,
  cutLink,
  removeNamespace,
  shapeLink,
  startForwarder,
  type LinkShape,
} from '../../fixtures/netns.js';
import { baseURL, chromiumArgs } from '../../playwright.config.js';
import { expect, test } from '../../fixtures/world.js';

// Issue 19 §2: the candidate's PC on a bad home connection (its own network namespace, the
// link shaped: 600 kbit/s up through a 150 ms queue, 3 % of its packets lost; fixtures/netns.ts
// says why there is no fixed delay), then a 10 s outage. The
// call stays up: the examiner keeps hearing the candidate, the video gets smaller or slower,
// 网络连接中断 shows on the candidate's page during the outage, the examiner's tile says
// 网络较差 / 网络中断, and both recover. The numbers go to docs/performance.md "Bad network".

const HOME_LINK: LinkShape = { lossPercent: 3, uplinkKbps: 600, queueMs: 150 };
const OUTAGE_MS = 10_000;
const WINDOW_MS = 2_000;
const SHAPED_WINDOWS = 6;
/** WebRTC hides local addresses behind mDNS names unless told not to (no multicast here). */
const REAL_ADDRESSES = '--disable-features=WebRtcHideLocalIpsWithMdns';
const CAMERA = '[data-testid="candidate-camera"]';

function describeCopy(copy: UplinkCopy | undefined): string {
  if (!copy) return 'nothing sent';
  const video = copy.video
    .map((sent) => `${String(sent.height)}p ${String(sent.fps)} fps ${String(sent.kbps)} kbit/s`)
    .join(', ');
  return `${String(copy.kbps)} kbit/s (audio ${String(copy.audioKbps)}; video ${video})`;
}

/**
 * A camera whose picture is part calm, part busy: 640×480 at 15 fps, a still gradient around a
 * 256×192 block of fresh noise. On an open link it is sent at full size; squeezed, the encoder
 * has to give up lines (the all-noise camera of media-uplink.ts is downscaled on any link).
 */
function writeTexturedCamera(path: string): string {
  let seed = 20261204;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const frames = Array.from({ length: 30 }, () => {
    const frame = createRgbImage(640, 480);
    for (let y = 0; y < 480; y++) {
      for (let x = 0; x < 640; x++) {
        const busy = x >= 192 && x < 448 && y >= 144 && y < 336;
        const value = busy ? Math.floor(random() * 256) : Math.floor((x + y) / 5);
        frame.data.fill(value, (y * 640 + x) * 3, (y * 640 + x) * 3 + 3);
      }
    }
    return frame;
  });
  writeFileSync(path, encodeY4m(frames, 15));
  return path;
}

interface MediaWindow {
  frames: number;
  /** Audio RTP packets that arrived, and the samples played that were really received. */
  audioPackets: number;
  heardSamples: number;
  energy: number;
}

/** The inbound audio of the candidate's camera tile (packets, samples not concealed). */
function inboundAudio(page: Page) {
  return page.evaluate(async (selector) => {
    const video = document.querySelector<HTMLVideoElement>(selector);
    const stream = video?.srcObject instanceof MediaStream ? video.srcObject : null;
    const ids = new Set(stream?.getTracks().map((track) => track.id) ?? []);
    const audio = { packets: 0, heard: 0 };
    for (const connection of window.peerConnections ?? []) {
      if (connection.connectionState === 'closed') continue;
      (await connection.getStats()).forEach((report: Record<string, unknown>) => {
        if (report.type !== 'inbound-rtp' || report.kind !== 'audio') return;
        if (!ids.has(String(report.trackIdentifier))) return;
        audio.packets += Number(report.packetsReceived ?? 0);
        audio.heard +=
          Number(report.totalSamplesReceived ?? 0) - Number(report.concealedSamples ?? 0);
      });
    }
    return audio;
  }, CAMERA);
}

/** What the examiner received of the candidate's camera tile during the next `ms`. */
async function receivedDuring(page: Page, ms: number): Promise<MediaWindow> {
  const [before, audioBefore] = [await receivedMedia(page, CAMERA), await inboundAudio(page)];
  await page.waitForTimeout(ms);
  const [after, audioAfter] = [await receivedMedia(page, CAMERA), await inboundAudio(page)];
  return {
    frames: after.framesDecoded - before.framesDecoded,
    audioPackets: audioAfter.packets - audioBefore.packets,
    heardSamples: audioAfter.heard - audioBefore.heard,
    energy: after.audioEnergy - before.audioEnergy,
  };
}

function describeWindow(window: MediaWindow): string {
  return `${String(window.audioPackets)} audio packets, ${String(window.heardSamples)} samples heard, ${String(window.frames)} frames`;
}

test('a bad home connection and a 10 s outage: the call stays up, sound continues, the video adapts, both sides say so and recover', async ({
  createWorld,
}, testInfo) => {
  test.setTimeout(150_000);
  const note = (description: string) => {
    console.info(description);
    testInfo.annotations.push({ type: 'bad-network', description });
  };
  const port = Number(new URL(baseURL).port);
  const candidateOrigin = `http://${HOST_ADDRESS}:${String(port)}`;
  const closers: (() => Promise<void>)[] = [];
  try {
    createNamespace();
    closers.push(await startForwarder(HOST_ADDRESS, port));
    const world = await createWorld({
      // Interview quality (up to 720p, 900 kbit/s): more than the 600 kbit/s link carries.
      rules: { faceCheckRequired: false, mediaQuality: 'interview' },
      candidates: ['孙悦'],
      waitingExaminer: '陈老师',
      panel: ['林老师'],
    });
    const sun = world.candidate('孙悦');
    const camera = writeTexturedCamera(testInfo.outputPath('textured-camera.y4m'));
    const candidateBrowser = await chromium.launch({
      executablePath: chromiumInNamespace(testInfo.outputPath('chromium-in-namespace.sh')),
      args: [
        ...chromiumArgs,
        '--autoplay-policy=no-user-gesture-required',
        `--use-file-for-fake-video-capture=${camera}`,
        // The page comes from 10.231.0.1 over plain HTTP: a secure context all the same.
        `--unsafely-treat-insecure-origin-as-secure=${candidateOrigin}`,
        REAL_ADDRESSES,
      ],
    });
    closers.push(() => candidateBrowser.close());
    const staffBrowser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required', REAL_ADDRESSES],
    });
    closers.push(() => staffBrowser.close());

    // The candidate, checked in through the API, waits in the 候考区 (through the forwarder).
    const pcContext = await candidateBrowser.newContext({ baseURL: candidateOrigin });
    await recordPeerConnections(pcContext);
    const { registrationId, base } = await checkedIn(pcContext.request, world, sun);
    await callApi(pcContext.request, 'POST', `${base}/waiting-room/enter`);
    const pc = await pcContext.newPage();
    await pc.goto(`/candidate/registrations/${registrationId}/waiting-room`);
    await expect(pc.getByRole('heading', { name: '候考中' })).toBeVisible();
    await expect(pc.getByTestId('local-preview')).toHaveAttribute('data-state', 'live');
    const banner = pc.getByTestId('reconnecting-banner');

    // The 候考官 calls: picture and sound both ways, 网络良好 on the unshaped link.
    const examinerContext = await staffBrowser.newContext();
    await recordPeerConnections(examinerContext);
    const examiner = await examinerContext.newPage();
    await openStaffSession(examiner, world, world.waitingExaminer, '候考官', '候考区');
    await examiner.getByRole('button', { name: `呼叫 ${sun.name}` }).click();
    await expect(examiner.locator(CAMERA)).toHaveAttribute('data-state', 'live', {
      timeout: 30_000,
    });
    await expect(pc.getByTestId('examiner-video')).toHaveAttribute('data-state', 'live', {
      timeout: 20_000,
    });
    const quality = examiner.getByTestId('candidate-camera-quality');
    await expect(quality).toHaveText('网络良好', { timeout: 15_000 });
    await expect(banner).toHaveCount(0);
    const [unshaped] = await uplinkCopies(pc, 4);
    note(`unshaped: the PC sends ${describeCopy(unshaped)}`);
    const unshapedVideo = unshaped?.video[0];
    expect(unshapedVideo?.kbps).toBeGreaterThan(600);

    await test.step('the home link: sound in every 2 s window, smaller or slower video', async () => {
      shapeLink(HOME_LINK);
      // The congestion control needs a few seconds to find the link's rate.
      await pc.waitForTimeout(8_000);
      const verdicts = new Set<string>();
      const windows: MediaWindow[] = [];
      const [copies] = await Promise.all([
        uplinkCopies(pc, (SHAPED_WINDOWS * WINDOW_MS) / 1000),
        (async () => {
          for (let i = 0; i < SHAPED_WINDOWS; i++) {
            windows.push(await receivedDuring(examiner, WINDOW_MS));
            verdicts.add((await quality.textContent()) ?? '');
          }
        })(),
      ]);
      const [shaped] = copies;
      note(`shaped: the PC sends ${describeCopy(shaped)}`);
      note(
        `shaped: per 2 s at the examiner: ${windows.map(describeWindow).join(' | ')}; ` +
          `the tile said ${[...verdicts].join(', ')}`,
      );
      for (const window of windows) {
        // Opus sends 50 packets a second: at 3 % loss well over 80 of 100 arrive.
        expect(window.audioPackets).toBeGreaterThan(80);
        expect(window.heardSamples).toBeGreaterThan(0);
        expect(window.energy).toBeGreaterThan(0);
        expect(window.frames).toBeGreaterThan(0);
      }
      const video = shaped?.video[0];
      // What the PC's counters say it sent: the link's rate, plus the 3 % the link then drops and
      // the shaper's burst (CI once measured 635 kbit/s on the 600 kbit/s link, at 240p 14 fps
      // from 360p 15 fps at 925): within 10 % of the link, never the open link's rate.
      expect(shaped?.kbps).toBeLessThanOrEqual(HOME_LINK.uplinkKbps * 1.1);
      // Fewer pixels a second than on the open link: lines, frame rate or both went down.
      expect((video?.height ?? 0) * (video?.fps ?? 0)).toBeLessThan(
        (unshapedVideo?.height ?? 0) * (unshapedVideo?.fps ?? 0),
      );
      // 3 % of the packets lost is over the classifier's 2 %: 网络较差, never 网络中断.
      expect(verdicts.has('网络较差')).toBe(true);
      expect(verdicts.has('网络中断')).toBe(false);
      await expect(banner).toHaveCount(0);
    });

    await test.step('a 10 s outage: 网络连接中断 on the PC, 网络中断 for the examiner', async () => {
      const cutAt = Date.now();
      cutLink();
      // Sampled every 250 ms through the outage: when each side says so, what still arrives.
      let bannerMs: number | null = null;
      let lostMs: number | null = null;
      let packetsAtCut: number | null = null;
      let packetsLater = 0;
      while (Date.now() - cutAt < OUTAGE_MS - 500) {
        const elapsed = Date.now() - cutAt;
        if (bannerMs === null && (await banner.isVisible())) bannerMs = elapsed;
        if (lostMs === null && (await quality.getAttribute('data-quality')) === 'lost') {
          lostMs = elapsed;
        }
        const { packets } = await inboundAudio(examiner);
        if (elapsed >= 1_000) {
          packetsAtCut ??= packets;
          packetsLater = packets;
        }
        await pc.waitForTimeout(250);
      }
      note(
        `outage: the banner after ${String(bannerMs)} ms, 网络中断 after ${String(lostMs)} ms; ` +
          `audio packets arriving after the first second: ${String(packetsLater - (packetsAtCut ?? 0))}`,
      );
      await expect(banner).toBeVisible();
      await expect(banner).toContainText('网络连接中断，正在重新连接…');
      await expect(quality).toHaveText('网络中断');
      expect(packetsLater - (packetsAtCut ?? 0)).toBe(0);
      await pc.waitForTimeout(Math.max(0, OUTAGE_MS - (Date.now() - cutAt)));
    });

    await test.step('back to the home link: frames flow, the banner goes, the tile recovers', async () => {
      const restoredAt = Date.now();
      shapeLink(HOME_LINK);
      let lastFrames = (await receivedMedia(examiner, CAMERA)).framesDecoded;
      await expect
        .poll(
          async () => {
            const frames = (await receivedMedia(examiner, CAMERA)).framesDecoded;
            const grew = frames > lastFrames;
            lastFrames = frames;
            return grew;
          },
          { timeout: 40_000, intervals: [250] },
        )
        .toBe(true);
      const framesMs = Date.now() - restoredAt;
      await expect(banner).toBeHidden({ timeout: 30_000 });
      const bannerMs = Date.now() - restoredAt;
      await expect(quality).not.toHaveText('网络中断', { timeout: 20_000 });
      const qualityMs = Date.now() - restoredAt;
      const after = await receivedDuring(examiner, WINDOW_MS);
      note(
        `recovery: frames again after ${String(framesMs)} ms, banner gone after ${String(bannerMs)} ms, ` +
          `the tile says ${(await quality.textContent()) ?? ''} after ${String(qualityMs)} ms; ` +
          `then in 2 s ${describeWindow(after)}`,
      );
      expect(after.audioPackets).toBeGreaterThan(80);
      expect(after.heardSamples).toBeGreaterThan(0);
      expect(after.energy).toBeGreaterThan(0);
      expect(after.frames).toBeGreaterThan(0);
      await expect(examiner.locator(CAMERA)).toHaveAttribute('data-state', 'live');
    });
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    removeNamespace();
  }
});
