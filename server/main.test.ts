import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The real process, as `npm start` runs it (the esbuild bundle): boot, serve, Ctrl-C, boot again.
// Its own folder, so a test run never replaces the dist/server that `npm start` uses.
const bundleDir = 'dist/test-server';
const dataDir = mkdtempSync(join(tmpdir(), 'invigil-main-'));
const port = 4380 + Math.floor(Math.random() * 100);
const base = `http://127.0.0.1:${port}`;

function startServer(): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--enable-source-maps', `${bundleDir}/main.js`], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      DEMO: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.once('exit', (code) => (output += `\n[exited with ${String(code)}]`));
  return { child, output: () => output };
}

async function waitUntilReady(output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !output().includes('[exited')) {
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not ready:\n${output()}`);
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe('The server process', () => {
  // Bundling takes about a second; starting from source with tsx took seconds per start.
  beforeAll(() => {
    const built = spawnSync(process.execPath, ['scripts/build-server.mjs', bundleDir], {
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(bundleDir, { recursive: true, force: true });
  });

  it('starts with the demo, prints the logins, and stops cleanly on Ctrl-C', async () => {
    const server = startServer();
    await waitUntilReady(server.output);
    expect(server.output()).toContain(`/s/demo`);
    expect(server.output()).toContain('13800000001');
    expect(await stop(server.child)).toBe(0);
  }, 90_000);

  it('starts again on the same data without duplicating the demo', async () => {
    const server = startServer();
    await waitUntilReady(server.output);
    const schools = (await (await fetch(`${base}/api/schools`)).json()) as { items: unknown[] };
    expect(schools.items).toHaveLength(1);
    expect(await stop(server.child)).toBe(0);
  }, 90_000);
});
