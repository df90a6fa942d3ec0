// Autosave of written exams on PostgreSQL (issue 14 §8): CANDIDATES candidates, each logged in
// and in an attempt, save answers through HTTP against one server process (the bundle `npm start`
// runs), as fast as each one's previous save is acknowledged, for SECONDS. Printed: sustained
// acknowledged saves per second and the acknowledge latency (p50, p99). Baseline in the same run,
// on the same database: raw single-row upserts of the same shape with `pg` at the same
// concurrency (no HTTP, no checks). Then both again at a fixed offered rate (OPEN_RATE saves/s
// spread over the candidates, open loop): what a realistic load sees. Run: `npx tsx bench/autosave.ts` (after `npm run build`),
// with PostgreSQL at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { AttemptView } from '../shared/api/written-exam.js';
import { openDatabase } from '../server/db/client.js';
import {
  CandidateHttp,
  admissionNumberOf,
  writeFaultWorld,
} from '../server/written-exam/fault-world.js';

const CANDIDATES = Number(process.env.CANDIDATES ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 15);
/** The open-loop phase's offered rate (the goal: 2,000 saves/s, p99 < 50 ms). */
const OPEN_RATE = Number(process.env.OPEN_RATE ?? 2000);
const WARM_UP_MS = 3_000;
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = `invigil_bench_autosave_${String(process.pid)}`;
const url = new URL(adminUrl);
url.pathname = `/${databaseName}`;
const databaseUrl = url.toString();
const port = 4580 + Math.floor(Math.random() * 100);
const base = `http://127.0.0.1:${String(port)}`;
const dataDir = mkdtempSync(join(tmpdir(), 'invigil-bench-autosave-'));

let firstFailure: string | undefined;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;

/** Runs `send` from `concurrency` loops for SECONDS after a warm-up; latencies of the window. */
async function closedLoop(concurrency: number, send: (worker: number, n: number) => Promise<void>) {
  const latencies: number[] = [];
  const startAt = performance.now();
  const measureFrom = startAt + WARM_UP_MS;
  const stopAt = measureFrom + SECONDS * 1000;
  let failures = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let n = 1; performance.now() < stopAt; n += 1) {
        const sentAt = performance.now();
        try {
          await send(worker, n);
          if (sentAt >= measureFrom) latencies.push(performance.now() - sentAt);
        } catch {
          failures += 1;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / SECONDS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
  };
}

/**
 * Offers `rate` sends a second for SECONDS, spread evenly over the `concurrency` senders whatever
 * the answers' speed (a realistic load: candidates change answers on their own clock); a sender
 * whose previous send is still unanswered skips its turn, counted as missed. Latency runs from the
 * planned moment, so queueing on the client counts too.
 */
async function openLoop(
  rate: number,
  concurrency: number,
  send: (worker: number, n: number) => Promise<void>,
) {
  const latencies: number[] = [];
  const busy = new Set<number>();
  const sent = new Array<number>(concurrency).fill(0);
  let missed = 0;
  let failures = 0;
  const interval = 1000 / rate;
  const startAt = performance.now();
  const total = Math.floor(rate * SECONDS);
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < total; index += 1) {
    const plannedAt = startAt + index * interval;
    const wait = plannedAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const worker = index % concurrency;
    if (busy.has(worker)) {
      missed += 1;
      continue;
    }
    busy.add(worker);
    sent[worker] = (sent[worker] ?? 0) + 1;
    inFlight.push(
      send(worker, sent[worker] ?? 0).then(
        () => {
          latencies.push(performance.now() - plannedAt);
          busy.delete(worker);
        },
        () => {
          failures += 1;
          busy.delete(worker);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / SECONDS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures: failures + missed,
  };
}

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`drop database if exists ${databaseName}`);
await admin.query(`create database ${databaseName}`);
if (process.env.LOG_STATEMENTS)
  await admin.query(`alter database ${databaseName} set log_statement = 'all'`);
const database = await openDatabase({ databaseUrl, dataDir });
await database.migrate();
await writeFaultWorld(database.db, CANDIDATES, new Date());
await database.close();

// SERVER_NODE_ARGS, e.g. `--cpu-prof`, profiles the server (written when it stops).
const nodeArgs = process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const server = spawn(process.execPath, [...nodeArgs, 'dist/server/main.js'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    REDIS_URL: '',
    DEMO: 'false',
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (let ready = false; !ready;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    ready = await fetch(`${base}/api/ready`).then(
      (response) => response.ok,
      () => false,
    );
  }
  const candidates: { http: CandidateHttp; path: string; questionIds: string[] }[] = [];
  for (let index = 0; index < CANDIDATES; index += 1) {
    const http = new CandidateHttp(base);
    await http.logIn(admissionNumberOf(index));
    const { items } = await http.ok<{ items: { registrationId: string }[] }>(
      'GET',
      '/api/me/registrations',
    );
    const path = `/api/me/registrations/${items[0]?.registrationId ?? ''}`;
    await http.ok('PUT', `${path}/attendance`, { attendance: 'confirmed' });
    await http.ok('POST', `${path}/identity/confirm`);
    await http.ok('PUT', `${path}/check-in/device`, {
      camera: { ok: true, label: 'bench', width: 640, height: 480, frameRate: 30, error: null },
      microphone: { ok: true, label: 'bench', peakLevel: 0.5, error: null },
      speaker: { heard: true },
      network: { ok: true, latencyMs: 10, uplinkKbps: 8000 },
      browser: {
        ok: true,
        userAgent: 'bench',
        name: 'Chromium',
        version: '1',
        screenWidth: 1280,
        screenHeight: 720,
        webrtc: true,
        missing: [],
      },
    });
    await http.ok('POST', `${path}/check-in/pledge`, { agree: true });
    const attempt = await http.ok<AttemptView>('POST', `${path}/attempt/start`);
    const questionIds = attempt.sections
      .flatMap((section) => section.questions)
      .filter((question) => question.question.type === 'essay')
      .map((question) => question.paperQuestionId);
    candidates.push({ http, path, questionIds });
  }

  // An essay answer of about 160 characters (the sample essay allows 200).
  const text = (n: number) => `第 ${String(n)} 稿：${'我的家乡在江南，山清水秀。'.repeat(12)}`;
  // node:http with keep-alive: a lighter client than fetch, so the load generator (on the same
  // two cores) takes less from the server it measures.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CANDIDATES });
  const put = (path: string, headers: Record<string, string>, body: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port, path, method: 'PUT', agent, headers },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const saveThroughInvigil = async (worker: number, seq: number) => {
    const candidate = candidates[worker];
    if (!candidate) return;
    const questionId = candidate.questionIds[0] ?? '';
    const body = JSON.stringify({ answer: { type: 'essay', text: text(seq) }, seq });
    const response = await put(
      `${candidate.path}/attempt/answers/${questionId}`,
      { ...candidate.http.headers('PUT'), 'content-type': 'application/json' },
      body,
    );
    if (response.status !== 200) {
      firstFailure ??= `${String(response.status)} ${response.text}`;
      throw new Error(String(response.status));
    }
  };
  // Each phase counts its seq above the last one's, so no save is stale.
  const invigil = await closedLoop(CANDIDATES, saveThroughInvigil);
  const invigilOpen = await openLoop(OPEN_RATE, CANDIDATES, (worker, n) =>
    saveThroughInvigil(worker, 1_000_000 + n),
  );
  agent.destroy();

  // Baseline: the same rows written straight into attempt_answer, newest seq wins.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const targets = await pool.query<{ attempt_id: string; paper_question_id: string }>(
    `select a.id as attempt_id, q.id as paper_question_id from attempt a
       join paper_question q on q.paper_id = a.paper_id
      where q.content->>'type' = 'essay'`,
  );
  const rawUpsert = async (worker: number, seq: number) => {
    const target = targets.rows[worker % targets.rows.length];
    if (!target) return;
    await pool.query(
      `insert into attempt_answer (attempt_id, paper_question_id, answer, seq, saved_at)
       values ($1, $2, $3, $4, now())
       on conflict (attempt_id, paper_question_id) do update
         set answer = excluded.answer, seq = excluded.seq, saved_at = excluded.saved_at
         where attempt_answer.seq < excluded.seq`,
      [target.attempt_id, target.paper_question_id, { type: 'essay', text: text(seq) }, seq],
    );
  };
  const raw = await closedLoop(CANDIDATES, (worker, n) => rawUpsert(worker, 10_000_000 + n));
  const rawOpen = await openLoop(OPEN_RATE, CANDIDATES, (worker, n) =>
    rawUpsert(worker, 20_000_000 + n),
  );
  await pool.end();

  const line = (name: string, result: Awaited<ReturnType<typeof closedLoop>>) =>
    `${name.padEnd(38)} ${result.perSecond.toFixed(0).padStart(6)} /s   p50 ${result.p50.toFixed(1).padStart(6)} ms   p99 ${result.p99.toFixed(1).padStart(6)} ms   failed ${String(result.failures)}`;
  console.log(
    `autosave, ${String(CANDIDATES)} candidates saving back to back, ${String(SECONDS)} s`,
  );
  console.log(line('invigil (HTTP, checks, group commit)', invigil));
  console.log(line('baseline (raw pg upsert)', raw));
  console.log(`ratio invigil / baseline: ${(invigil.perSecond / raw.perSecond).toFixed(2)}`);
  console.log(
    `autosave offered at ${String(OPEN_RATE)} saves/s over the same candidates, ${String(SECONDS)} s (failed: refused or skipped while the last was unanswered)`,
  );
  console.log(line('invigil (HTTP, checks, group commit)', invigilOpen));
  console.log(line('baseline (raw pg upsert)', rawOpen));
  if (firstFailure) console.log(`first refused save: ${firstFailure}`);
} finally {
  server.kill('SIGINT');
  await new Promise((resolve) => server.once('exit', resolve));
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
  rmSync(dataDir, { recursive: true, force: true });
}
