// What the browser really downloads for the first pages: the built server (demo data, fresh
// embedded database) and Debian's Chromium through Playwright; every JavaScript response's
// encoded body (as sent on the wire, after Content-Encoding) summed per page. Run `npm run build`
// first. Chromium asks for brotli from secure origins (HTTPS, and 127.0.0.1 as here) and for gzip
// only from a plain-HTTP host, so the pages are loaded both ways.
import { chromium, type Browser, type Page, type Response } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.PORT ?? 4391);
const baseURL = `http://127.0.0.1:${port}`;
/** What Chromium sends to a plain-HTTP host that is not the loopback. */
const PLAIN_HTTP_ACCEPT_ENCODING = 'gzip, deflate';

interface Transfer {
  requests: number;
  encodedBytes: number;
  decodedBytes: number;
  encodings: Set<string>;
  acceptEncoding: string;
  /** Answered from the browser's cache (Chromium reports no body size for them). */
  fromCache: number;
}

async function waitUntilReady(): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 90_000) throw new Error('the server is not ready after 90 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Records the JavaScript responses of the page from now on. */
function recordScripts(page: Page): () => Promise<Transfer> {
  const responses: Response[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') responses.push(response);
  });
  return async () => {
    const transfer: Transfer = {
      requests: 0,
      encodedBytes: 0,
      decodedBytes: 0,
      encodings: new Set(),
      acceptEncoding: '',
      fromCache: 0,
    };
    for (const response of responses) {
      await response.finished();
      const sizes = await response.request().sizes();
      transfer.requests += 1;
      if (sizes.responseBodySize <= 0) transfer.fromCache += 1;
      transfer.encodedBytes += Math.max(0, sizes.responseBodySize);
      transfer.decodedBytes += (await response.body()).length;
      transfer.encodings.add((await response.headerValue('content-encoding')) ?? 'identity');
      transfer.acceptEncoding = (await response.request().headerValue('accept-encoding')) ?? '';
    }
    return transfer;
  };
}

async function logInAsCandidate(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '考试ID登录' }).click();
  await page.getByLabel('考试ID').fill('INT2026');
  await page.getByLabel('准考证号').fill('INT2026001');
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.getByText('欢迎来到演示大学云考场').waitFor();
  await page.getByRole('row').first().waitFor();
}

async function measure(browser: Browser, acceptEncoding: string | null) {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    extraHTTPHeaders: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
  });
  const page = await context.newPage();
  const login = recordScripts(page);
  await page.goto('/s/demo', { waitUntil: 'networkidle' });
  const loginTransfer = await login();
  // Hashed assets are immutable: loading the page again takes them from the browser's cache.
  const again = recordScripts(page);
  await page.reload({ waitUntil: 'networkidle' });
  const againTransfer = await again();

  const afterLogin = recordScripts(page);
  await logInAsCandidate(page);
  await page.waitForLoadState('networkidle');
  const afterLoginTransfer = await afterLogin();

  // A candidate who opens /candidate directly (logged in, nothing cached).
  const fresh = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    storageState: await context.storageState(),
    extraHTTPHeaders: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
  });
  const homePage = await fresh.newPage();
  const home = recordScripts(homePage);
  await homePage.goto('/candidate', { waitUntil: 'networkidle' });
  await homePage.getByText('欢迎来到演示大学云考场').waitFor();
  const homeTransfer = await home();
  await context.close();
  await fresh.close();
  return {
    'login page /s/demo (nothing cached)': loginTransfer,
    'login page again (reload)': againTransfer,
    'candidate home after logging in there': afterLoginTransfer,
    'candidate home /candidate (nothing cached)': homeTransfer,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'invigil-bench-web-'));
const server = spawn(process.execPath, ['dist/server/main.js'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO: 'true',
    LOG_LEVEL: 'silent',
  },
  stdio: 'ignore',
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic'],
});
try {
  await waitUntilReady();
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`.padStart(10);
  for (const [label, acceptEncoding] of [
    ['as Chromium asks a secure origin', null],
    ['as Chromium asks a plain-HTTP host', PLAIN_HTTP_ACCEPT_ENCODING],
  ] as const) {
    const pages = Object.entries(await measure(browser, acceptEncoding));
    const asked = pages[0]?.[1].acceptEncoding ?? '';
    console.log(`\nJavaScript transferred, ${label} (Accept-Encoding: ${asked}):`);
    for (const [page, transfer] of pages) {
      console.log(
        `  ${page.padEnd(44)} ${String(transfer.requests).padStart(3)} requests` +
          ` ${kB(transfer.encodedBytes)} on the wire ${kB(transfer.decodedBytes)} decoded` +
          `  (${[...transfer.encodings].join(', ')}` +
          `${transfer.fromCache > 0 ? `; ${transfer.fromCache} from the browser's cache` : ''})`,
      );
    }
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
