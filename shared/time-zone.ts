import { z } from 'zod';

/** Where a school's times are shown and its admins' date fields are read, unless it says otherwise. */
export const DEFAULT_SCHOOL_TIME_ZONE = 'Asia/Shanghai';

/** Whether the runtime knows this IANA zone name (Asia/Shanghai, Europe/Berlin, UTC …). */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().trim().refine(isTimeZone, 'INVALID_TIME_ZONE');

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of an instant in a zone. */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of partFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Minutes the zone is ahead of UTC at this instant (+480 for Beijing). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const wall = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time names in a zone. A time repeated by a daylight-saving change is
 * its first occurrence; a time skipped by one is read with the offset before the change.
 */
export function instantFromZoned(wall: ZonedParts, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const DAY = 86_400_000;
  const before = zoneOffsetMinutes(new Date(asUtc - DAY), timeZone);
  const after = zoneOffsetMinutes(new Date(asUtc + DAY), timeZone);
  const matches = [before, after]
    .map((offset) => asUtc - offset * 60_000)
    .filter((candidate) => sameWall(zonedParts(new Date(candidate), timeZone), wall))
    .sort((a, b) => a - b);
  return new Date(matches[0] ?? asUtc - before * 60_000);
}

function sameWall(a: ZonedParts, b: ZonedParts): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second === b.second
  );
}
