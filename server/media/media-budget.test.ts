import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MEDIA_BUDGET, type MediaBudget } from '../../shared/api/media.js';
import { claimedPhone, newPairingToken, readyCandidate } from '../phone/phone-test-helpers.js';
import { loadEnv } from '../env.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';
import { mediaBudgetFromEnv } from './media-budget.js';

const ROUTE = '/api/media/budget';

/** A school on a campus network: twice the default camera bitrate at proctoring quality. */
const CAMPUS: MediaBudget = {
  ...DEFAULT_MEDIA_BUDGET,
  proctoring: {
    ...DEFAULT_MEDIA_BUDGET.proctoring,
    camera: {
      ...DEFAULT_MEDIA_BUDGET.proctoring.camera,
      full: { maxKbps: 560, maxHeight: 480, maxFps: 15 },
    },
  },
};

describe('MEDIA_BUDGET', () => {
  it('keeps the defaults when unset: camera + microphone + screen under 0.5 Mbit/s', () => {
    const budget = mediaBudgetFromEnv(loadEnv({}));
    expect(budget).toEqual(DEFAULT_MEDIA_BUDGET);
    const { camera, screen, audioKbps } = budget.proctoring;
    expect(camera.full.maxKbps + screen.full.maxKbps + audioKbps).toBeLessThanOrEqual(450);
  });

  it('takes a whole budget as JSON', () => {
    expect(mediaBudgetFromEnv(loadEnv({ MEDIA_BUDGET: JSON.stringify(CAMPUS) }))).toEqual(CAMPUS);
  });

  it('stops the server on text that is not JSON or caps out of range', () => {
    expect(() => loadEnv({ MEDIA_BUDGET: '{camera: 300' })).toThrow(/MEDIA_BUDGET.*JSON/s);
    const tooFast = structuredClone(CAMPUS);
    tooFast.interview.screen.full.maxFps = 120;
    expect(() => loadEnv({ MEDIA_BUDGET: JSON.stringify(tooFast) })).toThrow(/MEDIA_BUDGET/);
  });
});

describe('GET /api/media/budget', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ mediaBudget: CAMPUS });
    await seedDemoInto(test);
  });
  afterAll(() => test.close());

  it('answers the candidate and the paired phone with the configured budget', async () => {
    const { client, registrationId } = await readyCandidate(test);
    const fromPc = await client.get(ROUTE);
    expect(fromPc.statusCode).toBe(200);
    expect(fromPc.json<MediaBudget>().proctoring.camera.full.maxKbps).toBe(560);
    const phone = await claimedPhone(test, await newPairingToken(client, registrationId));
    expect((await phone.get(ROUTE)).json()).toEqual(CAMPUS);
  });

  it('refuses a caller with neither a login nor a phone cookie', async () => {
    const response = await new TestClient(test.app).get(ROUTE);
    expect(response.statusCode).toBe(401);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('UNAUTHENTICATED');
  });
});
