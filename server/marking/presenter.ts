import type { MarkView } from '../../shared/api/marking.js';
import type { MarkRow } from './repo.js';

/** A mark as markers see it: slot, points, comment, who and when (an allow-list of fields). */
export function presentMark(mark: MarkRow): MarkView {
  return {
    slot: mark.slot,
    points: mark.points,
    comment: mark.comment,
    markerName: mark.markerName,
    markedAt: mark.markedAt.toISOString(),
  };
}
