// The Invigil side of bench/realtime.ts: the whole app (buildApp, as server/main.ts builds it) on
// a fresh PGlite in a temp folder, or on DATABASE_URL (an empty database), listening on a free
// loopback port, with the demo school seeded. Synthetic candidates are written straight into the
// interview session (user, registration, check-in passed, a claimed and started phone pairing, a
// waiting-room ticket already called once), so the bench measures the realtime path, not setup.
// Staff log in through the real login route; the state change is the real readiness route.
import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { PHONE_COOKIE } from '../shared/api/phone.js';
import { buildApp } from '../server/app.js';
import { ConsoleSmsSender } from '../server/auth/sms/console-sender.js';
import { randomToken, sha256Hex } from '../server/auth/tokens.js';
import { systemClock } from '../server/clock.js';
import { openDatabase, type Database } from '../server/db/client.js';
import {
  appUser,
  checkIn,
  examSession,
  phonePairing,
  registration,
  waitingTicket,
} from '../server/db/schema/index.js';
import { DEMO_STAFF_PASSWORD } from '../server/demo/demo-data.js';
import { seedDemo } from '../server/demo/seed.js';
import { LocalFolderStorage } from '../server/files/storage.js';
import { realtimeOf } from '../server/realtime/socket-server.js';
import type { BenchTarget, CandidateSpec } from './realtime-protocol.js';

const INTERVIEW_SESSION = '外国语学院面试第一考场';
/** The session's waiting-room examiner marks readiness; the others watch as well. */
const WATCHING_STAFF = ['waiting1', 'panel1', 'panel2', 'proctor1'];
const INSERT_BATCH = 500;

/** Builds, seeds and starts Invigil; `close()` stops it and removes its temp folder. */
export async function startInvigilTarget(staffSockets: number): Promise<BenchTarget> {
  const folder = mkdtempSync(join(tmpdir(), 'invigil-bench-rt-'));
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: join(folder, 'db'),
  });
  const storage = new LocalFolderStorage(join(folder, 'files'));
  try {
    await database.migrate();
    if (!(await seedDemo(database.db, storage, systemClock))) {
      throw new Error('bench/realtime needs an empty database (DATABASE_URL was already seeded)');
    }
  } catch (error) {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const app = await buildApp({
    config: {
      isDemo: false,
      appSecret: randomToken(32),
      cookieSecure: false,
      sessionTtlHours: 12,
      trustProxy: false,
      authRateLimitPerMinute: 10_000,
      webDistDir: null,
      redisUrl: null,
      redisKeyPrefix: 'invigil-bench:',
    },
    database,
    storage,
    smsSender: new ConsoleSmsSender({ info: () => undefined }),
    // Errors only: a failing route or socket command shows up on stderr during the run.
    loggerInstance: pino({ level: process.env.LOG_LEVEL ?? 'error' }),
  });
  const close = async () => {
    // Work started by the last disconnects would otherwise meet a closed database.
    await realtimeOf(app).settled();
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${String((app.server.address() as AddressInfo).port)}`;
    const [session] = await database.db
      .select({ id: examSession.id, examId: examSession.examId, schoolId: examSession.schoolId })
      .from(examSession)
      .where(eq(examSession.name, INTERVIEW_SESSION));
    if (!session) throw new Error('demo interview session missing');

    const csrf = randomToken(24);
    const loginCookie = async (login: string): Promise<string> => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login/staff',
        headers: { cookie: `invigil_csrf=${csrf}`, 'x-csrf-token': csrf },
        payload: { schoolSlug: 'demo', login, password: DEMO_STAFF_PASSWORD },
      });
      const token = response.cookies.find((cookie) => cookie.name === 'invigil_sid')?.value;
      if (response.statusCode !== 200 || !token) throw new Error(`staff login ${login} failed`);
      return `invigil_sid=${token}`;
    };
    const staffCookies = new Map<string, string>();
    for (const login of WATCHING_STAFF) staffCookies.set(login, await loginCookie(login));
    const examinerCookie = staffCookies.get('waiting1') ?? '';

    const candidates: CandidateSpec[] = [];
    return {
      name: `Invigil (${database.engine === 'pglite' ? 'PGlite' : 'PostgreSQL'})`,
      url,
      changeHeaders: {
        cookie: `${examinerCookie}; invigil_csrf=${csrf}`,
        'x-csrf-token': csrf,
      },
      staff: Array.from({ length: staffSockets }, (_, index) => ({
        cookie: staffCookies.get(WATCHING_STAFF[index % WATCHING_STAFF.length] ?? '') ?? '',
        sessionId: session.id,
      })),
      async candidates(count) {
        while (candidates.length < count) {
          const batch = Math.min(INSERT_BATCH, count - candidates.length);
          candidates.push(
            ...(await insertCandidates(database.db, session, candidates.length, batch, url)),
          );
        }
        return candidates.slice(0, count);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Writes `count` candidates ready in the waiting room; answers how each connects and changes. */
async function insertCandidates(
  db: Database,
  session: { id: string; examId: string; schoolId: string },
  offset: number,
  count: number,
  url: string,
): Promise<CandidateSpec[]> {
  const now = new Date();
  const numbers = Array.from({ length: count }, (_, index) => offset + index + 1);
  return db.transaction(async (tx) => {
    const users = await tx
      .insert(appUser)
      .values(
        numbers.map((number) => ({
          schoolId: session.schoolId,
          role: 'candidate' as const,
          name: `压测考生 ${String(number)}`,
        })),
      )
      .returning({ id: appUser.id });
    const registrations = await tx
      .insert(registration)
      .values(
        users.map((user, index) => ({
          schoolId: session.schoolId,
          examId: session.examId,
          sessionId: session.id,
          userId: user.id,
          admissionNumber: `RT${String(numbers[index]).padStart(6, '0')}`,
          attendance: 'confirmed' as const,
          identityConfirmedAt: now,
        })),
      )
      .returning({ id: registration.id });
    const ids = registrations.map((row) => row.id);
    const base = { schoolId: session.schoolId };
    await tx.insert(checkIn).values(
      ids.map((registrationId) => ({
        ...base,
        registrationId,
        deviceState: 'passed' as const,
        faceState: 'passed' as const,
        pledgeState: 'passed' as const,
        phoneState: 'passed' as const,
        phonePairedAt: now,
        phoneLastSeenAt: now,
      })),
    );
    const secrets = ids.map(() => randomToken());
    await tx.insert(phonePairing).values(
      ids.map((registrationId, index) => ({
        ...base,
        registrationId,
        tokenHash: sha256Hex(randomToken()),
        expiresAt: now,
        claimedAt: now,
        deviceSecretHash: sha256Hex(secrets[index] ?? ''),
        startedAt: now,
        createdAt: now,
      })),
    );
    await tx.insert(waitingTicket).values(
      ids.map((registrationId) => ({
        ...base,
        registrationId,
        sessionId: session.id,
        arrivedAt: now,
        firstCalledAt: now,
        returnReason: 'call_ended' as const,
        returnedAt: now,
        updatedAt: now,
      })),
    );
    return ids.map((registrationId, index) => ({
      cookie: `${PHONE_COOKIE}=${secrets[index] ?? ''}`,
      changeUrl: `${url}/api/sessions/${session.id}/waiting-room/${registrationId}/readiness`,
    }));
  });
}
