import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatTimeRange,
  fromZonedInput,
  toZonedInput,
  zoneName,
} from './format.js';

const beijing = { timeZone: 'Asia/Shanghai', locale: 'zh-CN' } as const;

describe('times in the school’s zone, with the zone named', () => {
  it('shows a Chinese school’s times in 北京时间, whatever the computer’s zone', () => {
    expect(formatDateTime('2026-06-01T01:00:05Z', beijing)).toBe('2026-06-01 09:00:05 (北京时间)');
    expect(formatDateTime('2026-06-01T01:00:05Z', { ...beijing, locale: 'en' })).toBe(
      '2026-06-01 09:00:05 (Beijing time)',
    );
    expect(formatTimeRange('2026-06-01T01:00:00Z', '2026-06-01T03:30:00Z', beijing)).toBe(
      '2026-06-01 09:00-11:30 (北京时间)',
    );
  });

  it('names other zones by their UTC offset at that time', () => {
    const berlin = { timeZone: 'Europe/Berlin', locale: 'zh-CN' } as const;
    expect(formatDateTime('2026-07-01T07:00:00Z', berlin)).toBe('2026-07-01 09:00:00 (UTC+2)');
    expect(formatDateTime('2026-01-05T08:00:00Z', berlin)).toBe('2026-01-05 09:00:00 (UTC+1)');
    expect(zoneName({ timeZone: 'Asia/Kolkata', locale: 'en' })).toBe('UTC+5:30');
    expect(zoneName({ timeZone: 'UTC', locale: 'en' })).toBe('UTC');
    // Without an instant (a column title) a zone with daylight saving is named, not an offset.
    expect(zoneName({ timeZone: 'Europe/Berlin', locale: 'en' })).toBe('Europe/Berlin');
    expect(zoneName({ timeZone: 'America/New_York', locale: 'en' }, new Date('2026-01-05'))).toBe(
      'UTC-5',
    );
  });

  it('repeats the end date only when the zone’s calendar day changes', () => {
    // 23:00-01:00 in Beijing crosses midnight there (not in UTC).
    expect(formatTimeRange('2026-06-01T15:00:00Z', '2026-06-01T17:00:00Z', beijing)).toBe(
      '2026-06-01 23:00-2026-06-02 01:00 (北京时间)',
    );
  });

  it('leaves the zone out where a column title names it', () => {
    expect(formatDateTime('2026-06-01T01:00:05Z', beijing, { withZone: false })).toBe(
      '2026-06-01 09:00:05',
    );
  });

  it('reads and fills date fields in the school’s zone, not the browser’s', () => {
    expect(toZonedInput('2026-06-01T01:00:00Z', 'Asia/Shanghai')).toBe('2026-06-01T09:00');
    expect(fromZonedInput('2026-06-01T09:00', 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-06-01T01:00:00.000Z',
    );
    expect(fromZonedInput('2026-06-01T09:00', 'Europe/London')?.toISOString()).toBe(
      '2026-06-01T08:00:00.000Z',
    );
    expect(fromZonedInput('tomorrow', 'Asia/Shanghai')).toBeNull();
  });
});
