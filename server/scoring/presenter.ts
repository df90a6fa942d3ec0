import type { ScoreView, ScoringForm } from '../../shared/api/scoring.js';
import { totalOf } from './aggregate.js';
import type { ConfirmationRow, ScoreWithName, ScoringFormRow } from './repo.js';

export function presentForm(row: ScoringFormRow): ScoringForm {
  return {
    examId: row.examId,
    criteria: row.criteria.map((criterion) => ({
      name: criterion.name,
      maxPoints: criterion.maxPoints,
      description: criterion.description,
    })),
    commentRequired: row.commentRequired,
    aggregation: row.aggregation,
    maxTotal: totalOf(row.criteria.map((criterion) => criterion.maxPoints)),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentScore(row: ScoreWithName): ScoreView {
  return {
    examinerId: row.examinerId,
    examinerName: row.examinerName,
    points: row.points,
    total: row.total,
    comment: row.comment,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentConfirmation(row: (ConfirmationRow & { byName: string }) | undefined) {
  if (!row) return null;
  return {
    aggregate: row.aggregate,
    scoreCount: row.scoreCount,
    confirmedAt: row.confirmedAt.toISOString(),
    confirmedByName: row.byName,
  };
}
