import type { AttemptWarning } from '../../shared/api/written-exam.js';
import type { WarningRow } from './warning-repo.js';

/** What the candidate sees of a reminder: never who sent it. */
export function presentWarning(row: WarningRow): AttemptWarning {
  return { id: row.id, text: row.text, sentAt: row.sentAt.toISOString() };
}
