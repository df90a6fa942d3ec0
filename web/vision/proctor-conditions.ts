// What the AI monitor makes of the face worker's measurements during an attempt (issue 15 §1):
// no face, more than one face, looking away. A condition seen in one frame is only a hint; it
// becomes a flag when it holds for the exam's `holdSeconds`, and ends when it has been gone for
// CLEAR_MS. Pure: the page feeds it frames with their time and logs what it answers.
import type { FaceMeasurement, FrameMeasurement } from './face-engine.js';

export const AI_CONDITIONS = ['no_face', 'multiple_faces', 'looking_away'] as const;
export type AiCondition = (typeof AI_CONDITIONS)[number];

/** Faces the detector is less sure of than this are ignored (a poster, a pattern on a shirt). */
export const MIN_FACE_SCORE = 0.6;
/**
 * A second face smaller than this share of the frame's width is ignored: someone far behind in
 * a doorway shows, a face in a photo on the wall at the back of a room does not.
 */
export const MIN_SECOND_FACE_WIDTH = 0.08;
/**
 * Head turned further than this to a side is looking away. Looking down is not: in a written
 * exam candidates read the screen and write on scrap paper.
 */
export const LOOKING_AWAY_YAW_DEGREES = 40;
/** A flag ends when its condition has been absent this long (one good frame is not enough). */
export const CLEAR_MS = 2_000;

export type ConditionChange =
  | { kind: 'started'; condition: AiCondition; heldMs: number }
  | { kind: 'ended'; condition: AiCondition; lastedMs: number };

/** Which conditions one frame shows. */
export function conditionsOf(frame: Pick<FrameMeasurement, 'faces' | 'width'>): Set<AiCondition> {
  const faces = frame.faces.filter((face) => face.score >= MIN_FACE_SCORE);
  const found = new Set<AiCondition>();
  if (faces.length === 0) {
    found.add('no_face');
    return found;
  }
  const [largest, ...others] = [...faces].sort((a, b) => b.box.width - a.box.width);
  const minWidth = MIN_SECOND_FACE_WIDTH * frame.width;
  if (others.some((face) => face.box.width >= minWidth)) found.add('multiple_faces');
  if (largest && isLookingAway(largest)) found.add('looking_away');
  return found;
}

const isLookingAway = (face: FaceMeasurement) =>
  Math.abs(face.yawDegrees) > LOOKING_AWAY_YAW_DEGREES;

interface ConditionState {
  /** When the condition was first seen in the current run of frames that show it. */
  seenSince: number | null;
  /** When it became a flag; null while it is not one. */
  flaggedAt: number | null;
  /** When a flagged condition was last seen. */
  lastSeenAt: number;
}

/** Follows the conditions over frames; `observe` answers what started or ended with a frame. */
export class ConditionTracker {
  private readonly states = new Map<AiCondition, ConditionState>();

  constructor(private readonly holdMs: number) {}

  /** The conditions that are flags now. */
  get active(): AiCondition[] {
    return AI_CONDITIONS.filter((condition) => this.states.get(condition)?.flaggedAt != null);
  }

  observe(frame: Pick<FrameMeasurement, 'faces' | 'width'>, at: number): ConditionChange[] {
    const seen = conditionsOf(frame);
    const changes: ConditionChange[] = [];
    for (const condition of AI_CONDITIONS) {
      const state = this.states.get(condition) ?? {
        seenSince: null,
        flaggedAt: null,
        lastSeenAt: 0,
      };
      this.states.set(condition, state);
      if (seen.has(condition)) {
        state.seenSince ??= at;
        state.lastSeenAt = at;
        if (state.flaggedAt === null && at - state.seenSince >= this.holdMs) {
          state.flaggedAt = at;
          changes.push({ kind: 'started', condition, heldMs: at - state.seenSince });
        }
      } else {
        state.seenSince = null;
        if (state.flaggedAt !== null && at - state.lastSeenAt >= CLEAR_MS) {
          changes.push({ kind: 'ended', condition, lastedMs: state.lastSeenAt - state.flaggedAt });
          state.flaggedAt = null;
        }
      }
    }
    return changes;
  }
}
