// The order and the filters of 监考画面 (issue 15 §2): the candidates who need a look first.
import type { AttemptProgress } from '../../../../shared/api/attempt-progress.js';

export const CONSOLE_FILTERS = ['all', 'in_progress', 'flagged', 'away', 'submitted'] as const;
export type ConsoleFilter = (typeof CONSOLE_FILTERS)[number];
export const CONSOLE_ORDERS = ['severity', 'admission'] as const;
export type ConsoleOrder = (typeof CONSOLE_ORDERS)[number];

type Row = Pick<
  AttemptProgress,
  'state' | 'connection' | 'signalCounts' | 'warningsUnconfirmed' | 'admissionNumber'
>;

export const signalsOf = (row: Pick<AttemptProgress, 'signalCounts'>) =>
  Object.values(row.signalCounts).reduce((sum, count) => sum + count, 0);

/**
 * How much a candidate needs a look now: gone from the exam first (their PC away), then a
 * reminder they have not confirmed, then each signal; a finished attempt needs none.
 */
export function severityOf(row: Row): number {
  if (row.state !== 'in_progress') return 0;
  const away = row.connection === 'away' ? 1_000 : 0;
  return away + row.warningsUnconfirmed * 100 + signalsOf(row);
}

export function matchesFilter(row: Row, filter: ConsoleFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'in_progress':
      return row.state === 'in_progress';
    case 'flagged':
      return row.state === 'in_progress' && (signalsOf(row) > 0 || row.connection === 'away');
    case 'away':
      return row.state === 'in_progress' && row.connection === 'away';
    case 'submitted':
      return row.state === 'submitted' || row.state === 'marked';
  }
}

/** The rows the grid shows, in the chosen order (admission number breaks ties). */
export function consoleRows<T extends Row>(
  rows: readonly T[],
  filter: ConsoleFilter,
  order: ConsoleOrder,
): T[] {
  const byNumber = (a: T, b: T) => a.admissionNumber.localeCompare(b.admissionNumber);
  return rows
    .filter((row) => matchesFilter(row, filter))
    .sort((a, b) => (order === 'severity' ? severityOf(b) - severityOf(a) : 0) || byNumber(a, b));
}
