import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iceConfigFromEnv, iceServersFor, turnCredentials } from './ice-servers.js';

describe('TURN REST credentials', () => {
  it('matches a vector computed by hand with node:crypto', () => {
    // 2026-11-22T01:00:00Z is 1795309200 s; HMAC-SHA1("coturn-static-secret", "1795309200:u1").
    const credentials = turnCredentials(
      'coturn-static-secret',
      'u1',
      new Date('2026-11-22T01:00:00Z'),
    );
    expect(credentials).toEqual({
      username: '1795309200:u1',
      credential: '2hnC8estBpBgiqKIq3G6iXGnTss=',
    });
    expect(credentials.credential).toBe(
      createHmac('sha1', 'coturn-static-secret').update('1795309200:u1').digest('base64'),
    );
  });

  it('floors the expiry to whole seconds and changes with the secret', () => {
    const at = new Date('2026-11-22T01:00:00.999Z');
    expect(turnCredentials('secret-a-secret-a', 'u1', at).username).toBe('1795309200:u1');
    expect(turnCredentials('secret-a-secret-a', 'u1', at).credential).not.toBe(
      turnCredentials('secret-b-secret-b', 'u1', at).credential,
    );
  });
});

describe('iceServersFor', () => {
  const now = new Date('2026-11-22T00:00:00Z');

  it('gives nothing by default (loopback, LAN)', () => {
    expect(iceServersFor(iceConfigFromEnv({}), 'u1', now)).toEqual({
      iceServers: [],
      ttlSeconds: null,
    });
  });

  it('gives STUN only without TURN_SECRET', () => {
    const config = iceConfigFromEnv({
      STUN_URLS: 'stun:stun.example.edu:3478, stun:b.example:3478',
    });
    expect(iceServersFor(config, 'u1', now)).toEqual({
      iceServers: [{ urls: ['stun:stun.example.edu:3478', 'stun:b.example:3478'] }],
      ttlSeconds: null,
    });
  });

  it('adds TURN with credentials expiring TURN_TTL_SECONDS from now', () => {
    const config = iceConfigFromEnv({
      TURN_URLS: 'turn:turn.example.edu:3478?transport=udp,turns:turn.example.edu:5349',
      TURN_SECRET: 'coturn-static-secret',
      TURN_TTL_SECONDS: '3600',
    });
    expect(iceServersFor(config, 'u1', now)).toEqual({
      iceServers: [
        {
          urls: ['turn:turn.example.edu:3478?transport=udp', 'turns:turn.example.edu:5349'],
          username: '1795309200:u1',
          credential: '2hnC8estBpBgiqKIq3G6iXGnTss=',
        },
      ],
      ttlSeconds: 3600,
    });
  });

  it('refuses TURN_URLS without a secret and URLs of the wrong scheme', () => {
    expect(() => iceConfigFromEnv({ TURN_URLS: 'turn:t.example:3478' })).toThrow(/TURN_SECRET/);
    expect(() => iceConfigFromEnv({ STUN_URLS: 'turn:t.example:3478' })).toThrow(/stun/);
  });
});
