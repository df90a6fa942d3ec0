import type { MockResult } from '../../shared/api/mock-attempt.js';
import { correctAnswerOf } from '../../shared/questions/correct-answer.js';
import type { Answer } from '../../shared/questions/answer-schema.js';
import { scoreObjective } from '../../shared/questions/objective-scoring.js';
import type { AttemptLayout } from '../db/schema/written-exams.js';
import type { PaperContent } from './attempt-repo.js';

function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}

/**
 * A mock attempt's result, scored now (objective-scoring.ts, as the formal submit scores): each
 * question of its layout in order with its points and verdict, essays and file answers not
 * scored; the answer keys only when `answersShown`.
 */
export function mockResultOf(
  content: PaperContent,
  layout: AttemptLayout,
  answers: ReadonlyMap<string, Answer>,
  answersShown: boolean,
): MockResult {
  const questions = new Map(
    content.sections.flatMap((section) => section.questions).map((q) => [q.id, q]),
  );
  let points = 0;
  let maxPoints = 0;
  let scoredMaxPoints = 0;
  const results = layout.questions.flatMap(({ paperQuestionId }, index) => {
    const question = questions.get(paperQuestionId);
    if (!question) return [];
    const score = scoreObjective(
      question.content,
      answers.get(paperQuestionId) ?? null,
      question.points,
    );
    maxPoints += question.points;
    if (score) {
      points += score.points;
      scoredMaxPoints += question.points;
    }
    return [
      {
        paperQuestionId,
        number: index + 1,
        maxPoints: question.points,
        points: score?.points ?? null,
        verdict: score?.verdict ?? null,
        correct: answersShown ? correctAnswerOf(question.content) : null,
      },
    ];
  });
  return {
    points: roundPoints(points),
    maxPoints: roundPoints(maxPoints),
    scoredMaxPoints: roundPoints(scoredMaxPoints),
    answersShown,
    questions: results,
  };
}

/** What a paper's questions in `layout` are worth in all (the list's 满分). */
export function layoutMaxPoints(content: PaperContent, layout: AttemptLayout): number {
  const placed = new Set(layout.questions.map((q) => q.paperQuestionId));
  const total = content.sections
    .flatMap((section) => section.questions)
    .filter((question) => placed.has(question.id))
    .reduce((sum, question) => sum + question.points, 0);
  return roundPoints(total);
}
