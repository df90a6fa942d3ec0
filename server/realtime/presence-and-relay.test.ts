import { describe, expect, it } from 'vitest';
import { PHONE_LOST_AFTER_MS } from '../../shared/enums.js';
import { ManualClock } from '../clock.js';
import { MediaRelay } from './media-relay.js';
import { PhonePresence, phoneStateOf } from './presence.js';

describe('PhonePresence', () => {
  const row = (lastSeenAt: Date | null) => ({
    registrationId: 'r1',
    sessionId: 's1',
    pairingId: 'p1',
    startedAt: null,
    pairedAt: lastSeenAt,
    lastSeenAt,
  });

  it('is live up to PHONE_LOST_AFTER_MS after the last heartbeat, lost after, unpaired without a pairing', () => {
    const now = new Date('2026-11-22T08:00:00Z');
    const seen = new Date(now.getTime() - PHONE_LOST_AFTER_MS);
    expect(phoneStateOf({ isPaired: true, lastSeenAt: seen }, now)).toBe('live');
    expect(phoneStateOf({ isPaired: true, lastSeenAt: new Date(seen.getTime() - 1) }, now)).toBe(
      'lost',
    );
    expect(phoneStateOf({ isPaired: true, lastSeenAt: null }, now)).toBe('lost');
    expect(phoneStateOf({ isPaired: false, lastSeenAt: now }, now)).toBe('unpaired');
  });

  it('reports a silent phone lost once, and a heartbeat after that as a return', () => {
    const clock = new ManualClock();
    const lost: string[] = [];
    const presence = new PhonePresence(clock, (registrationId) => lost.push(registrationId));
    expect(presence.heartbeat('r1', 's1')).toBe(true);
    expect(presence.heartbeat('r1', 's1')).toBe(false);
    clock.advance(PHONE_LOST_AFTER_MS);
    presence.sweep();
    expect(lost).toEqual([]);
    clock.advance(1);
    presence.sweep();
    presence.sweep();
    expect(lost).toEqual(['r1']);
    expect(presence.heartbeat('r1', 's1')).toBe(true);
  });

  it('watches a phone the database shows live (just paired) even before its first heartbeat', () => {
    const clock = new ManualClock();
    const lost: string[] = [];
    const presence = new PhonePresence(clock, (registrationId) => lost.push(registrationId));
    presence.observe(row(clock.now()));
    clock.advance(PHONE_LOST_AFTER_MS + 1);
    presence.sweep();
    expect(lost).toEqual(['r1']);
  });
});

describe('MediaRelay', () => {
  const phone = { registrationId: 'r1', source: 'phone' } as const;
  const camera = { registrationId: 'r1', source: 'camera' } as const;
  const staff = (socketId: string, userId: string | null = null) => ({ socketId, userId });

  it('links a subscriber to the current publisher and routes only between the two ends', () => {
    const relay = new MediaRelay();
    expect(relay.link(staff('staff'), 'a', phone)).toBeNull();
    relay.setPublisher(phone, 'phone');
    const linked = relay.link(staff('staff'), 'a', phone);
    expect(linked?.link).toMatchObject({ subscriber: 'staff', publisher: 'phone' });
    expect(relay.find('staff', 'a', 'phone')).not.toBeNull();
    expect(relay.find('phone', 'a', 'staff')).not.toBeNull();
    expect(relay.find('intruder', 'a', 'phone')).toBeNull();
    expect(relay.find('phone', 'a', 'intruder')).toBeNull();
    expect(relay.link(staff('phone'), 'b', phone)).toBeNull();
  });

  it('closes the links of a publisher that is replaced or goes away', () => {
    const relay = new MediaRelay();
    relay.setPublisher(camera, 'pc1');
    relay.link(staff('staff'), 'a', camera);
    relay.link(staff('staff'), 'b', camera);
    expect(relay.setPublisher(camera, 'pc2').map((link) => link.peerId)).toEqual(['a', 'b']);
    relay.link(staff('staff'), 'c', camera);
    expect(relay.dropSocket('pc2').map((link) => link.peerId)).toEqual(['c']);
    expect(relay.publisherOf(camera)).toBeNull();
  });

  it("keeps examiners' streams apart by session and drops a candidate's view of them", () => {
    const relay = new MediaRelay();
    const examinerInS1 = { sessionId: 's1', staffId: 'e1', source: 'staff' } as const;
    const examinerInS2 = { sessionId: 's2', staffId: 'e1', source: 'staff' } as const;
    relay.setPublisher(examinerInS1, 'examiner-pc');
    expect(relay.link(staff('cand-pc', 'cand'), 'a', examinerInS2)).toBeNull();
    relay.link(staff('cand-pc', 'cand'), 'a', examinerInS1);
    relay.link(staff('other-pc', 'other'), 'b', examinerInS1);
    expect(relay.dropStaffViews('cand', 's2')).toEqual([]);
    expect(relay.dropStaffViews('cand', 's1').map((link) => link.peerId)).toEqual(['a']);
    expect(relay.find('other-pc', 'b', 'examiner-pc')).not.toBeNull();
  });
});
