/** Minutes left at which a screen reader is told the time; never more often. */
export const ANNOUNCE_AT_MINUTES = [15, 5, 1] as const;

/** The announcement minute crossed between two readings of the time left, or null. */
export function crossedMinute(previousMs: number, leftMs: number): number | null {
  const crossed = ANNOUNCE_AT_MINUTES.filter(
    (minutes) => previousMs > minutes * 60_000 && leftMs <= minutes * 60_000,
  );
  // Several at once (a throttled tab woke up): say the latest only.
  return crossed.at(-1) ?? null;
}
