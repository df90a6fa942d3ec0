import type { Answer } from '../../shared/questions/answer-schema.js';
import { scoreObjective } from '../../shared/questions/objective-scoring.js';
import { OBJECTIVE_TYPES, type QuestionContent } from '../../shared/questions/question-schema.js';
import type { ExamAttempt, PaperQuestionInfo } from './repo.js';

// The pure rules of marking and results: which answers need a marker, when an attempt and the
// exam are fully marked, each attempt's points per question, and the questions' statistics.

export function isSubjective(content: QuestionContent): boolean {
  return !OBJECTIVE_TYPES.has(content.type);
}

/** 答卷编号: A001, A002 … by the attempt's place among the exam's attempts (in start order). */
export function attemptCode(index: number): string {
  return `A${String(index + 1).padStart(3, '0')}`;
}

/** 第 n 题 of each question in its paper's order (sections, then positions). */
export function paperNumbers(questions: readonly PaperQuestionInfo[]): Map<string, number> {
  const numbers = new Map<string, number>();
  const counters = new Map<string, number>();
  const sorted = [...questions].sort(
    (a, b) => a.sectionPosition - b.sectionPosition || a.position - b.position,
  );
  for (const question of sorted) {
    const next = (counters.get(question.paperId) ?? 0) + 1;
    counters.set(question.paperId, next);
    numbers.set(question.id, next);
  }
  return numbers;
}

/** The subjective questions an attempt holds (its drawn layout), which each need a mark. */
export function subjectiveIdsOf(
  attempt: Pick<ExamAttempt, 'layout'>,
  questions: ReadonlyMap<string, PaperQuestionInfo>,
): string[] {
  return attempt.layout.questions
    .map((entry) => entry.paperQuestionId)
    .filter((id) => {
      const question = questions.get(id);
      return question !== undefined && isSubjective(question.content);
    });
}

export function isAttemptFullyMarked(
  attempt: Pick<ExamAttempt, 'layout'>,
  questions: ReadonlyMap<string, PaperQuestionInfo>,
  markedIds: ReadonlySet<string>,
): boolean {
  return subjectiveIdsOf(attempt, questions).every((id) => markedIds.has(id));
}

/** Submitted attempts whose subjective answers still wait for a mark. */
export function unmarkedAttempts(
  attempts: readonly ExamAttempt[],
  questions: ReadonlyMap<string, PaperQuestionInfo>,
  marked: ReadonlyMap<string, ReadonlySet<string>>,
): ExamAttempt[] {
  return attempts.filter(
    (attempt) =>
      attempt.state !== 'in_progress' &&
      !isAttemptFullyMarked(attempt, questions, marked.get(attempt.id) ?? new Set()),
  );
}

/** One question of an attempt as scored: null points for a subjective answer not yet marked. */
export interface ScoredQuestion {
  paperQuestionId: string;
  number: number;
  type: QuestionContent['type'];
  sectionPosition: number;
  sectionTitle: string;
  points: number | null;
  maxPoints: number;
}

/** An attempt's points per question, in the attempt's own order. */
export function scoreAttempt(
  attempt: Pick<ExamAttempt, 'layout'>,
  questions: ReadonlyMap<string, PaperQuestionInfo>,
  answers: ReadonlyMap<string, Answer>,
  marks: ReadonlyMap<string, number>,
): ScoredQuestion[] {
  return attempt.layout.questions.flatMap((entry, index) => {
    const question = questions.get(entry.paperQuestionId);
    if (!question) return [];
    const objective = scoreObjective(
      question.content,
      answers.get(question.id) ?? null,
      question.points,
    );
    return [
      {
        paperQuestionId: question.id,
        number: index + 1,
        type: question.content.type,
        sectionPosition: question.sectionPosition,
        sectionTitle: question.sectionTitle,
        points: objective ? objective.points : (marks.get(question.id) ?? null),
        maxPoints: question.points,
      },
    ];
  });
}

/** Points per section of a scored attempt, in section order (unmarked answers count 0). */
export function sectionTotals(scored: readonly ScoredQuestion[]) {
  const sections = new Map<number, { title: string; points: number; maxPoints: number }>();
  for (const question of scored) {
    const section = sections.get(question.sectionPosition) ?? {
      title: question.sectionTitle,
      points: 0,
      maxPoints: 0,
    };
    section.points = round(section.points + (question.points ?? 0));
    section.maxPoints = round(section.maxPoints + question.maxPoints);
    sections.set(question.sectionPosition, section);
  }
  return [...sections.entries()].sort(([a], [b]) => a - b).map(([, section]) => section);
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The share of attempts in each of the upper and lower groups (Kelley's 27 %). */
export const EXTREME_GROUP_SHARE = 0.27;

/**
 * 平均分, 难度 P = mean / points and 区分度 D = P(upper 27 %) − P(lower 27 %), the groups taken by
 * the attempts' totals among those scored on the question (at least one attempt each). D is null
 * with fewer than two attempts.
 */
export function questionStatistics(
  points: number,
  scores: readonly { points: number; total: number }[],
): {
  count: number;
  mean: number | null;
  difficulty: number | null;
  discrimination: number | null;
} {
  const count = scores.length;
  if (count === 0 || points <= 0)
    return { count, mean: null, difficulty: null, discrimination: null };
  const mean = scores.reduce((sum, score) => sum + score.points, 0) / count;
  if (count < 2)
    return { count, mean: round(mean), difficulty: round(mean / points), discrimination: null };
  const byTotal = [...scores].sort((a, b) => b.total - a.total);
  const size = Math.max(1, Math.round(count * EXTREME_GROUP_SHARE));
  const ratio = (group: readonly { points: number }[]) =>
    group.reduce((sum, score) => sum + score.points, 0) / group.length / points;
  return {
    count,
    mean: round(mean),
    difficulty: round(mean / points),
    discrimination: round(ratio(byTotal.slice(0, size)) - ratio(byTotal.slice(-size))),
  };
}
