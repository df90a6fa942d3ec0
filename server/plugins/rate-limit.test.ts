import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Readiness } from '../../shared/api/system.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

const LIMIT = 4;

describe('Rate limits with Redis down (REDIS_URL at a closed port)', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await createTestApp({ redisUrl: 'redis://127.0.0.1:1', authRateLimitPerMinute: LIMIT });
    await seedDemoInto(test);
  });
  afterAll(() => test.close());

  it('answers logins without waiting for Redis, and still limits them in-process', async () => {
    const client = new TestClient(test.app);
    await client.get('/api/auth/csrf');
    const login = () =>
      client.post('/api/auth/login/admission', {
        schoolSlug: 'demo',
        examCode: 'INT2026',
        admissionNumber: 'NO-SUCH-NUMBER',
      });
    const durations: number[] = [];
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= LIMIT; attempt++) {
      const startedAt = performance.now();
      statuses.push((await login()).statusCode);
      durations.push(performance.now() - startedAt);
    }
    // 401 (no such number) or whatever the login rules answer; never 429 before the limit.
    expect(statuses.slice(0, LIMIT)).not.toContain(429);
    expect(statuses[LIMIT]).toBe(429);
    // One database read each (30–100 ms here); waiting for Redis added 0.25–1.5 s, growing with
    // each request. The median keeps one slow answer on a loaded machine from failing the test.
    const sorted = [...durations].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(300);
    expect(sorted.at(-1)).toBeLessThan(1000);
  });

  it('reports the fallback in /api/ready (degraded, still ready) and /metrics', async () => {
    const ready = await test.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json<Readiness>()).toMatchObject({
      status: 'degraded',
      rateLimits: 'in-process-fallback',
    });
    const metrics = (await test.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('invigil_rate_limit_fallback 1');
    expect(metrics).toMatch(/invigil_rate_limit_fallbacks_total [1-9]/);
  });
});

describe('Rate limits without Redis', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await createTestApp({ redisUrl: null });
  });
  afterAll(() => test.close());

  it('are counted in-process, and readiness says so without calling it degraded', async () => {
    const ready = await test.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.json<Readiness>()).toMatchObject({ status: 'ready', rateLimits: 'in-process' });
  });
});

describe.skipIf(!process.env.REDIS_URL)('Rate limits in a running Redis (REDIS_URL)', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await createTestApp({ authRateLimitPerMinute: 2 });
  });
  afterAll(() => test.close());

  it('are counted in Redis, and readiness says so', async () => {
    const readiness = async () =>
      (await test.app.inject({ method: 'GET', url: '/api/ready' })).json<Readiness>();
    for (let wait = 0; wait < 50 && (await readiness()).rateLimits !== 'redis'; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await readiness()).toMatchObject({ status: 'ready', rateLimits: 'redis' });
    const client = new TestClient(test.app);
    const login = () =>
      client.post('/api/auth/login/admission', {
        schoolSlug: 'demo',
        examCode: 'INT2026',
        admissionNumber: 'NO-SUCH-NUMBER',
      });
    const statuses = [(await login()).statusCode, (await login()).statusCode];
    expect(statuses).not.toContain(429);
    expect((await login()).statusCode).toBe(429);
    expect((await readiness()).rateLimits).toBe('redis');
  });
});
