import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4310);
export const baseURL = `http://127.0.0.1:${port}`;

/** Flags for Debian's Chromium on a loopback-only machine (docs/design.md "Media"). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

export default defineConfig({
  testDir: './specs',
  outputDir: '../test-results/e2e',
  // Every journey builds its own world (fixtures/world.ts), so any test may run alone, in any
  // order or shard (`--shard`, `--grep`). One worker still: on this 2-core machine two workers
  // saved 19 % (11.1 instead of 13.7 min) but starved the media journeys (WebRTC, the face
  // worker) into failing; `--workers=2` where there are more cores.
  fullyParallel: true,
  workers: 1,
  // A failure is reported as it happened: no journey is run again to turn it green.
  retries: 0,
  // A bound against a journey that hangs; the expectations' own 10 s find what went wrong. Up to
  // eight engineers share the 2-core machine, where one click can take 6 s.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
  },
  webServer: {
    // One server with a fresh embedded database and the demo, shared by every journey.
    command: 'node ../scripts/e2e-server.mjs',
    url: `${baseURL}/api/ready`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
