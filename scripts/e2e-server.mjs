// The server the end-to-end journeys share: built app, fresh embedded database, demo data,
// loopback only. Playwright starts it and stops it.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'invigil-e2e-'));
// The server's log goes to test-results/e2e-server.log, to read after a failed journey.
mkdirSync(join(root, 'test-results'), { recursive: true });
const log = createWriteStream(join(root, 'test-results', 'e2e-server.log'));
const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO: 'true',
    LOG_LEVEL: 'info',
    // Every journey logs its own admin, staff and candidates in, all from 127.0.0.1: the
    // per-address limit of logins a minute (60 by default) is for the internet, not for this.
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    // Answers held up by the network are taken 5 s after the deadline (30 s by default), so the
    // deadline journey waits less for the server's own 交卷.
    ANSWER_GRACE_SECONDS: '5',
  },
});
child.stdout.pipe(log);
child.stderr.pipe(log);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
