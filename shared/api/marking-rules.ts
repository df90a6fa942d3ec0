import { z } from 'zod';

// The rules of single and double marking (双评, issue 14 §6), shared by the server's decisions and
// the marking view's texts: which slot an answer waits for, and its final mark.

/** A mark's place: 一评, 二评, 仲裁 (single marking only uses the first). */
export const MARK_SLOTS = ['first', 'second', 'third'] as const;
export const markSlotSchema = z.enum(MARK_SLOTS);
export type MarkSlot = z.infer<typeof markSlotSchema>;

/** What an answer waits for: a mark in that slot, or nothing (`done`: its final mark is there). */
export const ANSWER_STAGES = [...MARK_SLOTS, 'done'] as const;
export const answerStageSchema = z.enum(ANSWER_STAGES);
export type AnswerStage = z.infer<typeof answerStageSchema>;

/** The exam's marking rule, read from its stored rules (older exams lack the keys: single). */
export interface MarkingRule {
  doubleMarking: boolean;
  /** 双评: a third mark is needed when the two differ by more than this many points. */
  threshold: number;
}

export const DEFAULT_MARKING_THRESHOLD = 2;

export function markingRuleOf(rules: {
  doubleMarking?: boolean;
  markingDifferenceThreshold?: number;
}): MarkingRule {
  return {
    doubleMarking: rules.doubleMarking === true,
    threshold: rules.markingDifferenceThreshold ?? DEFAULT_MARKING_THRESHOLD,
  };
}

/** The mean of the two marks rounded half up to 0.5 (7.25 → 7.5, 7.75 → 8). */
export function meanOfTwo(a: number, b: number): number {
  return Math.round(a + b) / 2;
}

export interface SlotMark {
  slot: MarkSlot;
  points: number;
  markedAt: Date | string;
}

/**
 * Where one answer's marking stands, and its final points once `done`.
 * - Single marking: the latest mark is final (a re-mark replaces it).
 * - 双评: a first and a second; within the threshold the final is their mean (meanOfTwo), beyond
 *   it the answer waits for the third (仲裁), whose mark is final.
 */
export function answerOutcome(
  marks: readonly SlotMark[],
  rule: MarkingRule,
): { stage: AnswerStage; finalPoints: number | null } {
  if (!rule.doubleMarking) {
    const latest = [...marks].sort((a, b) => time(b.markedAt) - time(a.markedAt))[0];
    return latest ? { stage: 'done', finalPoints: latest.points } : waiting('first');
  }
  const bySlot = new Map(marks.map((mark) => [mark.slot, mark.points]));
  const first = bySlot.get('first');
  const second = bySlot.get('second');
  if (first === undefined) return waiting('first');
  if (second === undefined) return waiting('second');
  if (Math.abs(first - second) <= rule.threshold) {
    return { stage: 'done', finalPoints: meanOfTwo(first, second) };
  }
  const third = bySlot.get('third');
  return third === undefined ? waiting('third') : { stage: 'done', finalPoints: third };
}

function waiting(slot: MarkSlot) {
  return { stage: slot, finalPoints: null };
}

function time(value: Date | string): number {
  return typeof value === 'string' ? Date.parse(value) : value.getTime();
}
