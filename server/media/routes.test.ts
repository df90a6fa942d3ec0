import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IceServers } from '../../shared/api/media.js';
import { PHONE_COOKIE } from '../../shared/api/phone.js';
import { claimedPhone, newPairingToken, readyCandidate } from '../phone/phone-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';
import { iceConfigFromEnv } from './ice-servers.js';

const ROUTE = '/api/media/ice-servers';

describe('GET /api/media/ice-servers', () => {
  describe('without TURN_SECRET', () => {
    let test: TestApp;
    beforeAll(async () => {
      test = await createTestApp({
        ice: iceConfigFromEnv({ STUN_URLS: 'stun:stun.example.edu:3478' }),
      });
      await seedDemoInto(test);
    });
    afterAll(() => test.close());

    it('answers STUN only to a logged-in user', async () => {
      const proctor = await loginStaff(test, 'proctor1');
      const response = await proctor.get(ROUTE);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        iceServers: [{ urls: ['stun:stun.example.edu:3478'] }],
        ttlSeconds: null,
      });
    });

    it('refuses a caller with neither a login nor a phone cookie', async () => {
      const response = await new TestClient(test.app).get(ROUTE);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('with TURN_SECRET', () => {
    let test: TestApp;
    beforeAll(async () => {
      test = await createTestApp({
        ice: iceConfigFromEnv({
          TURN_URLS: 'turn:turn.example.edu:3478',
          TURN_SECRET: 'coturn-static-secret',
          TURN_TTL_SECONDS: '600',
        }),
      });
      await seedDemoInto(test);
    });
    afterAll(() => test.close());

    it('issues TURN credentials for the user that expire after TURN_TTL_SECONDS, not cached', async () => {
      const { client } = await readyCandidate(test);
      const me = (await client.get('/api/auth/me')).json<{ user: { id: string } }>().user;
      const response = await client.get(ROUTE);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const body = response.json<IceServers>();
      expect(body.ttlSeconds).toBe(600);
      const expiry = Math.floor(test.clock.now().getTime() / 1000) + 600;
      const [turn] = body.iceServers;
      expect(turn?.urls).toEqual(['turn:turn.example.edu:3478']);
      expect(turn?.username).toBe(`${String(expiry)}:${me.id}`);
      expect(turn?.credential).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    });

    it('answers the paired phone (device cookie, no login) with its own TURN username', async () => {
      const { client, registrationId } = await readyCandidate(test);
      const phone = await claimedPhone(test, await newPairingToken(client, registrationId));
      const response = await phone.get(ROUTE);
      expect(response.statusCode).toBe(200);
      const [turn] = response.json<IceServers>().iceServers;
      expect(turn?.username).toMatch(/^\d+:phone-[0-9a-f-]{36}$/);
    });

    it('refuses a phone cookie that pairs nothing', async () => {
      const response = await test.app.inject({
        method: 'GET',
        url: ROUTE,
        cookies: { [PHONE_COOKIE]: 'not-a-device-secret' },
      });
      expect(response.statusCode).toBe(401);
    });
  });
});
