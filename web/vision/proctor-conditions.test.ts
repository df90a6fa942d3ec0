import { describe, expect, it } from 'vitest';
import type { FaceMeasurement } from './face-engine.js';
import { ConditionTracker, conditionsOf } from './proctor-conditions.js';

const face = (overrides: Partial<FaceMeasurement> & { width?: number } = {}): FaceMeasurement => ({
  box: { x: 200, y: 100, width: overrides.width ?? 200, height: 220 },
  score: 0.9,
  yawDegrees: 0,
  pitchDegrees: 0,
  eyeOpenness: { left: 0.3, right: 0.3 },
  sharpness: 100,
  ...overrides,
});
const frame = (...faces: FaceMeasurement[]) => ({ width: 640, faces });

describe('conditionsOf', () => {
  it('sees no face, a second person, and a head turned away, and none in a plain frame', () => {
    expect([...conditionsOf(frame(face()))]).toEqual([]);
    expect([...conditionsOf(frame())]).toEqual(['no_face']);
    expect([...conditionsOf(frame(face({ score: 0.3 })))]).toEqual(['no_face']);
    expect([...conditionsOf(frame(face(), face({ width: 90 })))]).toEqual(['multiple_faces']);
    expect([...conditionsOf(frame(face({ yawDegrees: -55 })))]).toEqual(['looking_away']);
  });

  it('ignores looking down, a tiny face far behind, and an unsure second face', () => {
    expect([...conditionsOf(frame(face({ pitchDegrees: -35 })))]).toEqual([]);
    expect([...conditionsOf(frame(face(), face({ width: 30 })))]).toEqual([]);
    expect([...conditionsOf(frame(face(), face({ width: 120, score: 0.4 })))]).toEqual([]);
  });
});

describe('ConditionTracker', () => {
  it('flags a condition only once it has held for the hold time, and ends it 2 s after it is gone', () => {
    const tracker = new ConditionTracker(5_000);
    const empty = frame();
    expect(tracker.observe(empty, 0)).toEqual([]);
    expect(tracker.observe(empty, 4_000)).toEqual([]);
    expect(tracker.observe(empty, 5_000)).toEqual([
      { kind: 'started', condition: 'no_face', heldMs: 5_000 },
    ]);
    expect(tracker.active).toEqual(['no_face']);
    expect(tracker.observe(empty, 6_000)).toEqual([]);
    expect(tracker.observe(frame(face()), 7_000)).toEqual([]);
    expect(tracker.active).toEqual(['no_face']);
    expect(tracker.observe(frame(face()), 8_000)).toEqual([
      { kind: 'ended', condition: 'no_face', lastedMs: 1_000 },
    ]);
    expect(tracker.active).toEqual([]);
  });

  it('starts the hold again after one frame without the condition', () => {
    const tracker = new ConditionTracker(3_000);
    tracker.observe(frame(), 0);
    tracker.observe(frame(), 2_000);
    tracker.observe(frame(face()), 2_500);
    expect(tracker.observe(frame(), 3_000)).toEqual([]);
    expect(tracker.observe(frame(), 6_000)).toEqual([
      { kind: 'started', condition: 'no_face', heldMs: 3_000 },
    ]);
  });
});
