import type { Locale } from '../../shared/enums.js';
import {
  instantFromZoned,
  zoneOffsetMinutes,
  zonedParts,
  type ZonedParts,
} from '../../shared/time-zone.js';

/** The zone times are shown in (the school's) and the language its name is said in. */
export interface DisplayZone {
  timeZone: string;
  locale: Locale;
}

export interface ZoneOptions {
  /** Name the zone after the time (default); off where a column title names it once. */
  withZone?: boolean;
}

const pad = (value: number) => String(value).padStart(2, '0');

// IANA names that mean China Standard Time, which people call 北京时间.
const BEIJING_TIME_ZONES = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'PRC']);

/** "UTC+8", "UTC-4:30", "UTC": the zone's offset at that instant. */
function utcOffsetName(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '-';
  const hours = Math.floor(Math.abs(offsetMinutes) / 60);
  const minutes = Math.abs(offsetMinutes) % 60;
  return `UTC${sign}${String(hours)}${minutes ? `:${pad(minutes)}` : ''}`;
}

/**
 * How the zone is named: 北京时间 / Beijing time; else its UTC offset at that instant; with no
 * instant (a column title, a date field), the offset if the zone keeps one all year and the
 * IANA name (Europe/Berlin) if daylight saving moves it.
 */
export function zoneName(zone: DisplayZone, at?: Date): string {
  if (BEIJING_TIME_ZONES.has(zone.timeZone)) {
    return zone.locale === 'en' ? 'Beijing time' : '北京时间';
  }
  if (at) return utcOffsetName(zoneOffsetMinutes(at, zone.timeZone));
  const now = new Date();
  const year = now.getUTCFullYear();
  const january = zoneOffsetMinutes(new Date(Date.UTC(year, 0, 15)), zone.timeZone);
  const july = zoneOffsetMinutes(new Date(Date.UTC(year, 6, 15)), zone.timeZone);
  return january === july ? utcOffsetName(january) : zone.timeZone;
}

/** "09:00 (北京时间)": a time followed by the zone it is in. */
function withZoneName(text: string, zone: DisplayZone, at: Date, options: ZoneOptions): string {
  return options.withZone === false ? text : `${text} (${zoneName(zone, at)})`;
}

function datePart(wall: ZonedParts): string {
  return `${String(wall.year)}-${pad(wall.month)}-${pad(wall.day)}`;
}

function timePart(wall: ZonedParts): string {
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/**
 * "2025-03-08 09:00-11:30 (北京时间)" in the school's zone; the end date is repeated only when it
 * differs.
 */
export function formatTimeRange(
  startsAt: string,
  endsAt: string,
  zone: DisplayZone,
  options: ZoneOptions = {},
): string {
  const startInstant = new Date(startsAt);
  const start = zonedParts(startInstant, zone.timeZone);
  const end = zonedParts(new Date(endsAt), zone.timeZone);
  const endText =
    datePart(end) === datePart(start) ? timePart(end) : `${datePart(end)} ${timePart(end)}`;
  return withZoneName(
    `${datePart(start)} ${timePart(start)}-${endText}`,
    zone,
    startInstant,
    options,
  );
}

/** "2025-03-08 09:00:05 (北京时间)" in the school's zone. */
export function formatDateTime(
  value: string,
  zone: DisplayZone,
  options: ZoneOptions = {},
): string {
  const instant = new Date(value);
  const wall = zonedParts(instant, zone.timeZone);
  return withZoneName(
    `${datePart(wall)} ${timePart(wall)}:${pad(wall.second)}`,
    zone,
    instant,
    options,
  );
}

/** "YYYY-MM-DDTHH:mm" of an instant in the zone, as a datetime-local input shows it. */
export function toZonedInput(value: string, timeZone: string): string {
  const wall = zonedParts(new Date(value), timeZone);
  return `${datePart(wall)}T${timePart(wall)}`;
}

/**
 * The instant a datetime-local input's "YYYY-MM-DDTHH:mm" names in the zone (not the browser's);
 * null when the text is not such a value.
 */
export function fromZonedInput(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  // An absent seconds group reads as 0.
  const [year, month, day, hour, minute, second] = Array.from({ length: 6 }, (_unused, index) =>
    Number(match[index + 1] ?? '0'),
  );
  return instantFromZoned(
    {
      year: year ?? 0,
      month: month ?? 1,
      day: day ?? 1,
      hour: hour ?? 0,
      minute: minute ?? 0,
      second: second ?? 0,
    },
    timeZone,
  );
}

const KB = 1024;
const MB = 1024 * 1024;

/** "12.3 MB", "512 KB", "80 B". */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${trimNumber(bytes / MB)} MB`;
  if (bytes >= KB) return `${trimNumber(bytes / KB)} KB`;
  return `${String(bytes)} B`;
}

function trimNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}
