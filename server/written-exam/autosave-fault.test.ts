import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView, MyAttempt } from '../../shared/api/written-exam.js';
import type { Answer } from '../../shared/questions/answer-schema.js';
import { deviceReport } from '../check-in/check-in-test-helpers.js';
import { openDatabase } from '../db/client.js';
import { CandidateHttp, admissionNumberOf, writeFaultWorld } from './fault-world.js';

// Issue 14 §5: no acknowledged answer is ever lost. The real server (the bundle `npm start`
// runs) serves CANDIDATES candidates saving answers as fast as they can; it is killed with
// SIGKILL mid-save KILLS times and started again on the same data. Every answer the server
// acknowledged must be there afterwards with its latest value, and the deadline must not move.
// On PGlite (a data folder), or on PostgreSQL when DATABASE_URL is set (CI's second run).

const CANDIDATES = 12;
const KILLS = 4;
const bundleDir = 'dist/fault-server';
const dataDir = mkdtempSync(join(tmpdir(), 'invigil-fault-'));
const port = 4480 + Math.floor(Math.random() * 100);
const base = `http://127.0.0.1:${port}`;
const adminUrl = process.env.DATABASE_URL;
const databaseName = `invigil_fault_${String(process.pid)}`;
const databaseUrl = adminUrl ? withDatabase(adminUrl, databaseName) : undefined;

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function startServer(): ChildProcess {
  return spawn(process.execPath, [`${bundleDir}/main.js`], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl ?? '',
      REDIS_URL: '',
      DEMO: 'false',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function untilReady(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not come back');
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one candidate sent and what the server acknowledged, per question. */
interface Ledger {
  sent: Map<string, Map<number, Answer>>;
  acknowledged: Map<string, { seq: number; answer: Answer }>;
}

function answerFor(question: AttemptView['sections'][number]['questions'][number], n: number) {
  const { question: shown } = question;
  switch (shown.type) {
    case 'single_choice':
      return {
        type: 'single_choice',
        optionId: shown.options[n % shown.options.length]?.id ?? null,
      };
    case 'multiple_choice':
      return {
        type: 'multiple_choice',
        optionIds: shown.options.slice(0, 1 + (n % 2)).map((o) => o.id),
      };
    case 'fill_blank':
      return { type: 'fill_blank', blanks: [`answer ${String(n)}`] };
    case 'true_false':
      return { type: 'true_false', value: n % 2 === 0 };
    case 'essay':
      return { type: 'essay', text: `第 ${String(n)} 次修改：我的家乡很美。` };
    case 'file':
      // No photo uploaded in the fault run: the empty photo answer is still an answer saved.
      return { type: 'file', fileIds: [] };
  }
}

describe('autosave across SIGKILL', () => {
  let server: ChildProcess;
  const inFlightAtKills: number[] = [];

  beforeAll(async () => {
    const built = spawnSync(process.execPath, ['scripts/build-server.mjs', bundleDir], {
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
    if (adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${databaseName}`);
      await admin.query(`create database ${databaseName}`);
      await admin.end();
    }
    const database = await openDatabase({ databaseUrl, dataDir });
    await database.migrate();
    await writeFaultWorld(database.db, CANDIDATES, new Date());
    await database.close();
    server = startServer();
    await untilReady();
  }, 120_000);

  afterAll(async () => {
    if (server.exitCode === null) await killed(server);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(bundleDir, { recursive: true, force: true });
    if (adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
    }
  });

  it('keeps every acknowledged answer with its latest value, and the deadline', async () => {
    // Logged in one after the other: concurrent logins from one address count as an attack.
    const https: CandidateHttp[] = [];
    for (let index = 0; index < CANDIDATES; index += 1) {
      const http = new CandidateHttp(base);
      await http.logIn(admissionNumberOf(index));
      https.push(http);
    }
    const candidates = await Promise.all(
      https.map(async (http) => {
        const { items } = await http.ok<{ items: { registrationId: string }[] }>(
          'GET',
          '/api/me/registrations',
        );
        const path = `/api/me/registrations/${items[0]?.registrationId ?? ''}`;
        await http.ok('PUT', `${path}/attendance`, { attendance: 'confirmed' });
        await http.ok('POST', `${path}/identity/confirm`);
        await http.ok('PUT', `${path}/check-in/device`, deviceReport());
        await http.ok('POST', `${path}/check-in/pledge`, { agree: true });
        const attempt = await http.ok<AttemptView>('POST', `${path}/attempt/start`);
        const ledger: Ledger = { sent: new Map(), acknowledged: new Map() };
        return { http, path, attempt, ledger };
      }),
    );

    let running = true;
    let inFlight = 0;
    let acknowledgedSaves = 0;
    const savers = candidates.map(async ({ http, path, attempt, ledger }) => {
      const questions = attempt.sections.flatMap((section) => section.questions);
      let seq = 0;
      while (running) {
        seq += 1;
        const question = questions[seq % questions.length];
        if (!question) break;
        const answer = answerFor(question, seq) as Answer;
        const sent = ledger.sent.get(question.paperQuestionId) ?? new Map<number, Answer>();
        sent.set(seq, answer);
        ledger.sent.set(question.paperQuestionId, sent);
        inFlight += 1;
        try {
          const response = await http.request(
            'PUT',
            `${path}/attempt/answers/${question.paperQuestionId}`,
            { answer, seq },
          );
          if (response.ok) {
            ledger.acknowledged.set(question.paperQuestionId, { seq, answer });
            acknowledgedSaves += 1;
          } else {
            await sleep(20);
          }
        } catch {
          // The server is down: the page keeps the answer and tries again (here: with the next).
          await sleep(50);
        } finally {
          inFlight -= 1;
        }
      }
    });

    const deadline = candidates[0]?.attempt.deadline;
    for (let kill = 0; kill < KILLS; kill += 1) {
      await sleep(1_000 + Math.random() * 1_500);
      inFlightAtKills.push(inFlight);
      await killed(server);
      server = startServer();
      await untilReady();
    }
    await sleep(1_000);
    running = false;
    await Promise.all(savers);

    expect(inFlightAtKills.every((count) => count > 0)).toBe(true);
    expect(acknowledgedSaves).toBeGreaterThan(KILLS * 50);
    let checked = 0;
    for (const { http, path, ledger } of candidates) {
      const mine = await http.ok<MyAttempt>('GET', `${path}/attempt`);
      const stored = new Map(mine.attempt?.answers.map((a) => [a.paperQuestionId, a]) ?? []);
      expect(mine.attempt?.deadline).toBe(deadline);
      for (const [questionId, acknowledged] of ledger.acknowledged) {
        const kept = stored.get(questionId);
        // A save the server committed but could not acknowledge before it died may be newer.
        expect(kept?.seq).toBeGreaterThanOrEqual(acknowledged.seq);
        expect(kept?.answer).toEqual(ledger.sent.get(questionId)?.get(kept?.seq ?? -1));
        checked += 1;
      }
    }
    expect(checked).toBe(CANDIDATES * 4);
    process.stdout.write(
      `autosave fault (${adminUrl ? 'PostgreSQL' : 'PGlite'}): ${String(acknowledgedSaves)} saves acknowledged across ${String(KILLS)} SIGKILLs (${inFlightAtKills.join('/')} in flight), ${String(checked)} latest answers checked, none lost\n`,
    );
  }, 180_000);
});
