import { describe, expect, it } from 'vitest';
import type { FaceMeasurement, FrameMeasurement } from './face-engine.js';
import { LivenessRun, pickChallenges, type LivenessProgress } from './liveness.js';

// Per-frame readings of Human (WASM, face mesh + iris) recorded on the liveness fixture
// (e2e/fixtures/faces/liveness-video.ts, same-person face, measured with liveness-measure.ts).
const FRONT = { yaw: 0.5, left: 0.41, right: 0.46 };
const TURNED_LEFT = { yaw: -25.2, left: 0.36, right: 0.44 };
const TURNED_RIGHT = { yaw: 21.2, left: 0.45, right: 0.33 };
const EYES_CLOSED = { yaw: 1.0, left: 0.3, right: 0.08 };

type Reading = { yaw: number; left: number; right: number };

function face(reading: Reading, overrides: Partial<FaceMeasurement> = {}): FaceMeasurement {
  return {
    box: { x: 162, y: 61, width: 314, height: 314 },
    score: 0.9,
    yawDegrees: reading.yaw,
    pitchDegrees: 2,
    eyeOpenness: { left: reading.left, right: reading.right },
    sharpness: 120,
    ...overrides,
  };
}

/** Feeds frames 150 ms apart (about what the worker manages) and returns the last progress. */
function feed(
  run: LivenessRun,
  frames: readonly (FaceMeasurement[] | Reading)[],
  start = 0,
): { last: LivenessProgress; all: LivenessProgress[]; end: number } {
  const all: LivenessProgress[] = [];
  let at = start;
  for (const entry of frames) {
    const faces = Array.isArray(entry) ? entry : [face(entry)];
    const frame: FrameMeasurement = { at, width: 640, height: 480, faces, engineMs: 100 };
    all.push(run.observe(frame));
    at += 150;
  }
  const last = all.at(-1);
  if (!last) throw new Error('no frames');
  return { last, all, end: at };
}

const repeat = (reading: Reading | FaceMeasurement[], count: number) =>
  Array.from({ length: count }, () => reading);

describe('pickChallenges', () => {
  it('always includes a blink and orders the challenges at random', () => {
    const orders = new Set<string>();
    let seed = 1;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 60; i++) {
      const challenges = pickChallenges(random, 3);
      expect(challenges).toContain('blink');
      expect(new Set(challenges).size).toBe(3);
      orders.add(challenges.join());
    }
    expect(orders.size).toBe(6);
    expect(pickChallenges(random, 2)).toHaveLength(2);
  });
});

describe('LivenessRun', () => {
  it('passes a person who turns left, blinks and turns right, and keeps a frontal snapshot', () => {
    const run = new LivenessRun(['turn_left', 'blink', 'turn_right']);
    const { last, all } = feed(run, [
      ...repeat(FRONT, 4),
      ...repeat(TURNED_LEFT, 4),
      ...repeat(FRONT, 3),
      ...repeat(EYES_CLOSED, 2),
      ...repeat(FRONT, 2),
      ...repeat(TURNED_RIGHT, 4),
      FRONT,
    ]);
    expect(last.status).toBe('passed');
    expect(run.result()).toEqual({
      challenges: ['turn_left', 'blink', 'turn_right'],
      passed: true,
      framesJudged: 20,
    });
    // The snapshot came from a frontal frame, never a turned or closed-eye one.
    const snapshotFrames = all.flatMap((progress, index) =>
      progress.isBestSnapshot ? [index] : [],
    );
    expect(snapshotFrames.length).toBeGreaterThan(0);
    expect(
      snapshotFrames.every((index) => index < 4 || (index >= 8 && index < 11) || index > 12),
    ).toBe(true);
  });

  it('does not take a turn to the wrong side for the asked one', () => {
    const run = new LivenessRun(['turn_left'], { challengeTimeoutMs: 3000 });
    const { last } = feed(run, [...repeat(FRONT, 3), ...repeat(TURNED_RIGHT, 30)]);
    expect(last.status).toBe('failed');
    expect(last.failedChallenge).toBe('turn_left');
    expect(run.result().passed).toBe(false);
  });

  it('needs a turn held for several frames, not a single jittery one', () => {
    const run = new LivenessRun(['turn_right']);
    const flicker = [TURNED_RIGHT, FRONT, TURNED_RIGHT, FRONT, TURNED_RIGHT, FRONT];
    expect(feed(run, [...repeat(FRONT, 3), ...flicker]).last.challenge).toBe('turn_right');
  });

  it('fails a still photo: no turn and no blink before the timeout', () => {
    const run = new LivenessRun(['blink', 'turn_left'], { challengeTimeoutMs: 5000 });
    const { last } = feed(run, repeat(FRONT, 60));
    expect(last.status).toBe('failed');
    expect(last.failedChallenge).toBe('blink');
    expect(run.result()).toMatchObject({ passed: false });
  });

  it('counts a blink only once the eyes open again', () => {
    const run = new LivenessRun(['blink']);
    const closed = feed(run, [...repeat(FRONT, 3), ...repeat(EYES_CLOSED, 3)]);
    expect(closed.last.status).toBe('running');
    expect(feed(run, [FRONT], closed.end).last.status).toBe('passed');
  });

  it('does not judge frames without exactly one face, and says why', () => {
    const run = new LivenessRun(['turn_left']);
    const stranger = face(TURNED_LEFT, { box: { x: 10, y: 10, width: 200, height: 200 } });
    const { all, last } = feed(run, [
      ...repeat(FRONT, 2),
      [],
      [face(TURNED_LEFT), stranger],
      [face(TURNED_LEFT), stranger],
      [face(TURNED_LEFT), stranger],
      [face(FRONT, { box: { x: 300, y: 200, width: 80, height: 80 } })],
    ]);
    expect(all.map((progress) => progress.hint)).toEqual([
      null,
      null,
      'no_face',
      'multiple_faces',
      'multiple_faces',
      'multiple_faces',
      'face_too_small',
    ]);
    expect(last.challenge).toBe('turn_left');
    expect(run.result().framesJudged).toBe(2);
  });

  it('waits for a frontal frame after the last challenge before it is done', () => {
    const run = new LivenessRun(['turn_left'], { snapshotWaitMs: 1000 });
    // Only turned frames: no frontal snapshot yet, so it waits, then gives up waiting.
    const turned = feed(run, repeat(TURNED_LEFT, 4));
    expect(turned.last).toMatchObject({
      status: 'running',
      awaitingSnapshot: true,
      challenge: null,
    });
    const after = feed(run, repeat(TURNED_LEFT, 8), turned.end);
    expect(after.last.status).toBe('passed');
    expect(run.hasSnapshot).toBe(false);
  });
});
