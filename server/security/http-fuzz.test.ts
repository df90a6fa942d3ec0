import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Caller } from './caller.js';
import { GENERATE_NUL_AND_SURROGATES } from './fuzz-values.js';
import { fuzzCasesFor, judgeFuzzAnswer, prototypePolluted, type FuzzCase } from './http-fuzz.js';
import { fuzzSeed, Prng } from './prng.js';
import { loadRouteTable } from './route-table.js';
import { buildSecurityWorld, type SecurityWorld } from './security-world.js';
import { DEMO_STAFF_PASSWORD } from '../test/demo-fixture.js';

const routes = await loadRouteTable();
/** How many requests, and the time they may take (a slow machine sends fewer). */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 4_000);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 75_000);
const seed = fuzzSeed();

describe('schema-driven fuzzing of every HTTP route', () => {
  let world: SecurityWorld;
  let spare: Caller;

  beforeAll(async () => {
    world = await buildSecurityWorld();
    spare = new Caller(world.test.app, 'spare');
    await spare.ok({
      method: 'POST',
      url: '/api/auth/login/staff',
      json: { schoolSlug: 'demo', login: 'waiting1', password: DEMO_STAFF_PASSWORD },
    });
  }, 120_000);
  afterAll(() => world.test.close());

  it('never answers 5xx, answers every error with its code, and pollutes no prototype', async () => {
    console.info(
      `HTTP fuzz seed ${String(seed)} (replay: FUZZ_SEED=${String(seed)}); NUL and lone surrogates ${GENERATE_NUL_AND_SURROGATES ? 'on' : 'OFF'}`,
    );
    const prng = new Prng(seed);
    const cases: { route: (typeof routes)[number]; fuzz: FuzzCase }[] = routes.flatMap((route) =>
      fuzzCasesFor(world, route, prng, spare).map((fuzz) => ({ route, fuzz })),
    );
    // Shuffled, so a run cut short by the time budget still covers every route.
    for (let index = cases.length - 1; index > 0; index--) {
      const other = prng.int(index + 1);
      const here = cases[index];
      const there = cases[other];
      if (here && there) [cases[index], cases[other]] = [there, here];
    }
    const failures: string[] = [];
    const started = Date.now();
    let sent = 0;
    for (const { route, fuzz } of cases.slice(0, REQUESTS)) {
      if (Date.now() - started > BUDGET_MS) break;
      const response = await fuzz.caller.send(fuzz.request);
      sent++;
      const problem = judgeFuzzAnswer(response);
      if (problem) {
        failures.push(
          `#${String(sent)} ${fuzz.caller.label} ${route.key} (${fuzz.label}) ${fuzz.request.url.slice(0, 100)}: ${problem}`,
        );
      }
      if (prototypePolluted())
        failures.push(`#${String(sent)} ${route.key} (${fuzz.label}) polluted Object.prototype`);
    }
    for (const line of failures) console.info(line);
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `HTTP fuzz: ${String(sent)} of ${String(cases.length)} requests in ${seconds.toFixed(1)} s, ${String(failures.length)} failures`,
    );
    // The shared callers are still who they were: nothing fuzzed ended their sessions.
    for (const caller of ['school_admin', 'candidate', 'examiner'] as const) {
      expect((await world.callers[caller].get('/api/auth/me')).statusCode, caller).toBe(200);
    }
    expect(failures).toEqual([]);
    expect(sent, 'too few requests in the time budget to mean anything').toBeGreaterThan(500);
  }, 200_000);
});
