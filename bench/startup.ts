// Start-up time of the bundled server until /api/ready answers: on an empty data folder (initdb,
// migrations, demo seed) and on the existing one; beside it, a bare Fastify server started the
// same way, measured in the same run. Run `npm run build` first.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function timeUntilReady(
  args: string[],
  env: NodeJS.ProcessEnv,
  url: string,
): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const response = await fetch(url);
        if (response.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 60_000) throw new Error(`${url} not ready after 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const runs = Number(process.env.RUNS ?? 3);
const port = 4390;
const ready = `http://127.0.0.1:${port}/api/ready`;
const serverEnv = (dataDir: string) => ({
  PORT: String(port),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
});

const dir = mkdtempSync(join(tmpdir(), 'invigil-bench-'));
const bare = join(dir, 'bare.mjs');
writeFileSync(
  bare,
  `import Fastify from '${join(process.cwd(), 'node_modules/fastify/fastify.js')}';
const app = Fastify(); app.get('/api/ready', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: ${port} });`,
);

const results: Record<string, number[]> = {
  'bare Fastify (baseline)': [],
  'empty data folder': [],
  'existing data folder': [],
};
for (let i = 0; i < runs; i++) {
  results['bare Fastify (baseline)']?.push(await timeUntilReady([bare], {}, ready));
  const dataDir = join(dir, `data-${i}`);
  results['empty data folder']?.push(
    await timeUntilReady(['dist/server/main.js'], serverEnv(dataDir), ready),
  );
  results['existing data folder']?.push(
    await timeUntilReady(['dist/server/main.js'], serverEnv(dataDir), ready),
  );
}
rmSync(dir, { recursive: true, force: true });

console.log(`Start-up until /api/ready, ${runs} runs each (ms):`);
for (const [name, times] of Object.entries(results)) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(
    `  ${name.padEnd(26)} median ${median.toFixed(0).padStart(6)}   runs ${times.map((t) => t.toFixed(0)).join(', ')}`,
  );
}
