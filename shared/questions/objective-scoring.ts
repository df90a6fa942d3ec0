import type { Answer } from './answer-schema.js';
import type { BlankMatching, QuestionContent } from './question-schema.js';

/** How an objective answer came out. */
export type Verdict = 'correct' | 'partial' | 'wrong' | 'unanswered';

export interface ObjectiveScore {
  points: number;
  verdict: Verdict;
}

/** Points are kept to two decimals (a partial share of 3 points is 1.5 or 1, never 1.4999…). */
function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}

/** A blank's text as compared: the exam's choices of case, width and spaces. */
export function normaliseBlank(text: string, matching: BlankMatching): string {
  let normal = matching.ignoreWidth ? text.normalize('NFKC') : text;
  if (matching.ignoreSpaces) normal = normal.trim().replace(/\s+/g, ' ');
  if (matching.ignoreCase) normal = normal.toLocaleLowerCase('en');
  return normal;
}

/**
 * The score of an objective answer worth `points` (issue 14 §6: scored at submit), or null for
 * a question a marker scores (essay, file). The answer fits the question (checkAnswer); a
 * missing answer is `unanswered`.
 */
export function scoreObjective(
  question: QuestionContent,
  answer: Answer | null,
  points: number,
): ObjectiveScore | null {
  if (question.type === 'essay' || question.type === 'file') return null;
  if (!answer || answer.type !== question.type) return { points: 0, verdict: 'unanswered' };
  const all = (isCorrect: boolean): ObjectiveScore =>
    isCorrect ? { points, verdict: 'correct' } : { points: 0, verdict: 'wrong' };

  switch (question.type) {
    case 'single_choice': {
      const { optionId } = answer as Extract<Answer, { type: 'single_choice' }>;
      return optionId === null
        ? { points: 0, verdict: 'unanswered' }
        : all(optionId === question.correct);
    }
    case 'true_false': {
      const { value } = answer as Extract<Answer, { type: 'true_false' }>;
      return value === null
        ? { points: 0, verdict: 'unanswered' }
        : all(value === question.correct);
    }
    case 'multiple_choice': {
      const chosen = new Set((answer as Extract<Answer, { type: 'multiple_choice' }>).optionIds);
      if (chosen.size === 0) return { points: 0, verdict: 'unanswered' };
      const correct = new Set(question.correct);
      const right = [...chosen].filter((id) => correct.has(id)).length;
      const hasWrong = right < chosen.size;
      if (!hasWrong && right === correct.size) return { points, verdict: 'correct' };
      if (hasWrong || question.scoring === 'all_or_nothing' || right === 0) {
        return { points: 0, verdict: 'wrong' };
      }
      return { points: roundPoints((points * right) / correct.size), verdict: 'partial' };
    }
    case 'fill_blank': {
      const { blanks } = answer as Extract<Answer, { type: 'fill_blank' }>;
      if (blanks.every((text) => text.trim() === '')) return { points: 0, verdict: 'unanswered' };
      const { matching } = question;
      const right = question.blanks.filter((blank, index) => {
        const given = normaliseBlank(blanks[index] ?? '', matching);
        return (
          given !== '' &&
          blank.accepted.some((accepted) => normaliseBlank(accepted, matching) === given)
        );
      }).length;
      if (right === question.blanks.length) return { points, verdict: 'correct' };
      if (right === 0) return { points: 0, verdict: 'wrong' };
      // Each blank is worth an equal share.
      return { points: roundPoints((points * right) / question.blanks.length), verdict: 'partial' };
    }
  }
}
