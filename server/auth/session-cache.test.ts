import { describe, expect, it } from 'vitest';
import { SessionCache, type LiveSession } from './session-cache.js';

const at = (ms: number) => new Date(Date.UTC(2026, 11, 4) + ms);
const session = (userId: string): LiveSession => ({
  userId,
  lastSeenAt: at(0),
  mustChangePassword: false,
  user: {
    id: userId,
    role: 'candidate',
    name: '李四',
    schoolId: 's',
    schoolSlug: 'demo',
    schoolName: '示范大学',
    schoolTimeZone: 'Asia/Shanghai',
    collegeId: null,
    collegeName: null,
    locale: 'zh-CN',
  },
});

describe('SessionCache', () => {
  it('trusts a session for the ttl only, and not when the clock went back', () => {
    const cache = new SessionCache(2_000);
    cache.set('t1', session('u1'), at(0));
    expect(cache.get('t1', at(1_999))?.userId).toBe('u1');
    expect(cache.get('t1', at(2_000))).toBeUndefined();
    cache.set('t1', session('u1'), at(10_000));
    expect(cache.get('t1', at(9_000))).toBeUndefined();
  });

  it('forgets one token, or every token of a user', () => {
    const cache = new SessionCache(2_000);
    cache.set('a1', session('a'), at(0));
    cache.set('a2', session('a'), at(0));
    cache.set('b1', session('b'), at(0));
    cache.forgetToken('a1');
    expect(cache.get('a1', at(1))).toBeUndefined();
    expect(cache.get('a2', at(1))).toBeDefined();
    cache.forgetUsers(['a']);
    expect(cache.get('a2', at(1))).toBeUndefined();
    expect(cache.get('b1', at(1))?.userId).toBe('b');
  });

  it('drops the oldest entry when full, and keeps nothing with a ttl of 0', () => {
    const cache = new SessionCache(2_000, 2);
    cache.set('1', session('u1'), at(0));
    cache.set('2', session('u2'), at(0));
    cache.set('3', session('u3'), at(0));
    expect(cache.get('1', at(1))).toBeUndefined();
    expect(cache.get('3', at(1))?.userId).toBe('u3');
    const off = new SessionCache(0);
    off.set('1', session('u1'), at(0));
    expect(off.get('1', at(0))).toBeUndefined();
  });
});
