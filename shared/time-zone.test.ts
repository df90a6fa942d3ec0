import { describe, expect, it } from 'vitest';
import { instantFromZoned, isTimeZone, zoneOffsetMinutes, zonedParts } from './time-zone.js';

const wall = (text: string) => {
  const [date = '', time = ''] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second: 0,
  };
};

describe('time zones', () => {
  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('reads an instant on the wall clock of a zone, whatever the machine’s zone', () => {
    const instant = new Date('2026-06-01T01:00:00Z');
    expect(zonedParts(instant, 'Asia/Shanghai')).toMatchObject(wall('2026-06-01 09:00'));
    expect(zonedParts(instant, 'America/New_York')).toMatchObject(wall('2026-05-31 21:00'));
    expect(zoneOffsetMinutes(instant, 'Asia/Shanghai')).toBe(480);
    expect(zoneOffsetMinutes(instant, 'Asia/Kolkata')).toBe(330);
  });

  it('turns a wall-clock time of a zone into the instant it names', () => {
    expect(instantFromZoned(wall('2026-06-01 09:00'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-06-01T01:00:00.000Z',
    );
    expect(instantFromZoned(wall('2026-01-15 09:00'), 'Europe/Berlin').toISOString()).toBe(
      '2026-01-15T08:00:00.000Z',
    );
    expect(instantFromZoned(wall('2026-07-15 09:00'), 'Europe/Berlin').toISOString()).toBe(
      '2026-07-15T07:00:00.000Z',
    );
  });

  it('reads a time skipped or repeated by daylight saving in a stated way', () => {
    // 2026-03-29 02:30 does not exist in Berlin: read with the winter offset (03:30 summer time).
    expect(instantFromZoned(wall('2026-03-29 02:30'), 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 2026-10-25 02:30 happens twice: the first one (summer time).
    expect(instantFromZoned(wall('2026-10-25 02:30'), 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });
});
