import { sql } from 'drizzle-orm';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { unstorableTextPaths } from '../../shared/api/storable-text.js';
import type { Ack } from '../../shared/events.js';
import { errorBodySchema } from '../../shared/errors.js';
import { listen, cookieHeaderOf, RecordingSocket } from '../realtime/socket-test-helpers.js';
import { DEMO_CANDIDATES, seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate, loginStaff, registrationIdOf } from '../test/demo-logins.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

/** A pino logger writing into an array, to read what the app logged. */
function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino(sink), lines };
}

const NUL = 'ab\u0000cd';
const LONE_SURROGATE = 'ab\ud800cd';

function expectRefused(response: { statusCode: number; json(): unknown }, path: string) {
  expect(response.statusCode).toBe(400);
  const body = errorBodySchema.parse(response.json());
  expect(body.error.code).toBe('TEXT_NOT_STORABLE');
  expect(body.error.issues).toContainEqual({ path, message: 'TEXT_NOT_STORABLE' });
}

describe('Text the database cannot store (U+0000, lone surrogates)', () => {
  let test: TestApp;
  const { logger, lines } = capturingLogger();
  let admin: TestClient;

  beforeAll(async () => {
    test = await createTestApp({ loggerInstance: logger });
    await seedDemoInto(test);
    admin = await loginStaff(test, 'admin');
  });
  afterAll(() => test.close());

  it('is refused with TEXT_NOT_STORABLE on the public logins, never a 500', async () => {
    const anonymous = new TestClient(test.app, { 'accept-language': 'en' });
    for (const text of [NUL, LONE_SURROGATE]) {
      const staff = await anonymous.post('/api/auth/login/staff', {
        schoolSlug: 'demo',
        login: text,
        password: 'whatever1',
      });
      expectRefused(staff, 'login');
      expect(staff.json<{ error: { message: string } }>().error.message).toContain('U+0000');
      expectRefused(
        await anonymous.post('/api/auth/login/admission', {
          schoolSlug: 'demo',
          examCode: 'INT2026',
          admissionNumber: text,
        }),
        'admissionNumber',
      );
      expectRefused(
        await anonymous.post('/api/auth/login/id-number', {
          schoolSlug: 'demo',
          idNumber: DEMO_CANDIDATES[0].idNumber,
          password: text,
        }),
        'password',
      );
    }
  });

  it('is refused in query strings and path parameters', async () => {
    expectRefused(await admin.get('/api/admin/staff?q=ab%00cd'), 'q');
    expectRefused(await admin.get('/api/admin/audit-log?q=%00'), 'q');
    expectRefused(await admin.get('/api/admin/audit-log?actor=x%00'), 'actor');
    // A field that fails its own rule too is answered with the real problem.
    expectRefused(await admin.get('/api/schools/de%00mo'), 'slug');
  });

  it('is refused in the admin forms, before anything is hashed or written', async () => {
    expectRefused(await admin.post('/api/admin/colleges', { name: NUL }), 'name');
    expectRefused(
      await admin.post('/api/admin/colleges', { name: '新学院', nameEn: LONE_SURROGATE }),
      'nameEn',
    );
    expectRefused(
      await admin.post('/api/admin/staff', { name: NUL, username: 'nul-user', role: 'examiner' }),
      'name',
    );
    expectRefused(
      await admin.post('/api/admin/announcements', { title: 'T', bodyHtml: `<p>${NUL}</p>` }),
      'bodyHtml',
    );
    const staffList = await admin.get('/api/admin/staff?q=nul-user');
    expect(staffList.json<{ total: number }>().total).toBe(0);
  });

  it("is refused in a candidate's report, and an emoji is not", async () => {
    const zhang = await loginCandidate(test, 'INT2026', 'INT2026001');
    const registrationId = await registrationIdOf(zhang, 'INT2026001');
    const reports = `/api/me/registrations/${registrationId}/identity/reports`;
    expectRefused(await zhang.post(reports, { message: `姓名有误${NUL}` }), 'message');
    // A well-formed emoji (a surrogate pair) is ordinary text.
    expect((await zhang.post(reports, { message: '名字里有 😀 字' })).statusCode).toBe(200);
  });

  it('never logs a failed query with its parameters', async () => {
    // The logins read app_user: without it the query fails inside the database driver.
    await test.database.db.execute(sql`alter table app_user rename to app_user_gone`);
    try {
      const canary = 'canary-login-7f3e';
      const response = await new TestClient(test.app).post('/api/auth/login/staff', {
        schoolSlug: 'demo',
        login: canary,
        password: 'Secret-Password-42',
      });
      expect(response.statusCode).toBe(500);
      const logged = lines.filter((line) => line.includes('unhandled error')).join('\n');
      expect(logged).toContain('Failed query: select');
      expect(logged).toContain('42P01');
      expect(logged).not.toContain(canary);
      expect(logged).not.toContain('params');
      expect(lines.join('\n')).not.toContain(canary);
    } finally {
      await test.database.db.execute(sql`alter table app_user_gone rename to app_user`);
    }
  });
});

describe('Socket commands with text the database cannot store', () => {
  let test: TestApp;
  let url: string;
  const opened: RecordingSocket[] = [];

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    url = await listen(test);
  });
  afterEach(() => {
    for (const socket of opened.splice(0)) socket.close();
  });
  afterAll(() => test.close());

  it('answers TEXT_NOT_STORABLE and keeps the socket working', async () => {
    const proctor = await loginStaff(test, 'proctor1');
    const socket = new RecordingSocket(url, { cookie: cookieHeaderOf(proctor) });
    opened.push(socket);
    await socket.connect();
    const watch = (payload: unknown) =>
      new Promise<Ack>((resolve) => {
        socket.socket.emit('session:watch', payload as { sessionId: string }, resolve);
      });
    expect(await watch({ sessionId: '\u0000' })).toEqual({ ok: false, code: 'TEXT_NOT_STORABLE' });
    const media = await new Promise<Ack>((resolve) => {
      socket.socket.emit(
        'media:watch',
        { sessionId: '\ud800', staffId: 'x', source: 'staff', peerId: 'p' } as never,
        resolve,
      );
    });
    expect(media).toEqual({ ok: false, code: 'TEXT_NOT_STORABLE' });
    expect(await watch({ sessionId: 'not-a-uuid' })).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('unstorableTextPaths', () => {
  it('finds NUL and lone surrogates, in strings and keys, and nothing in ordinary text', () => {
    expect(unstorableTextPaths({ a: ['ok', 'x\u0000'], 'k\udc00': 1, b: '😀' })).toEqual(
      expect.arrayContaining([['a', 1], ['k\udc00']]),
    );
    expect(unstorableTextPaths({ name: '张三', note: '😀\t\n', n: 1, d: null })).toEqual([]);
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableTextPaths(deep)).toHaveLength(1);
  });
});
