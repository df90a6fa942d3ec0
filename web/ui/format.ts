const pad = (value: number) => String(value).padStart(2, '0');

function datePart(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function timePart(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "2025-03-08 09:00-11:30" in local time; the end date is repeated only when it differs. */
export function formatTimeRange(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const endText =
    datePart(end) === datePart(start) ? timePart(end) : `${datePart(end)} ${timePart(end)}`;
  return `${datePart(start)} ${timePart(start)}-${endText}`;
}

/** "2025-03-08 09:00:05" in local time. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  return `${datePart(date)} ${timePart(date)}:${pad(date.getSeconds())}`;
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
