// The active liveness challenge (docs/design.md "Vision": passive scores did not catch a replayed photo).
// Pure: it sees per-frame measurements from the face engine and the caller's clock, so it is
// tested with recorded numbers and no browser. The result is a claim the server stores; staff
// review the snapshot, so the thresholds favour real people over catching every trick.
import type { LivenessChallenge } from '../../shared/api/check-in.js';
import type { FaceMeasurement, FrameMeasurement } from './face-engine.js';

export interface LivenessOptions {
  /** Consecutive frames a head turn must be held. */
  framesToHold: number;
  /** Head turn, in degrees away from the candidate's own frontal pose, that counts as a turn. */
  turnDegrees: number;
  /** An eye counts as closed below this share of the candidate's open-eye baseline. */
  blinkRatio: number;
  /** Time allowed for each challenge, from when it is shown. */
  challengeTimeoutMs: number;
  /** After the challenges, how long to wait for a frontal frame for the snapshot. */
  snapshotWaitMs: number;
  /** Smallest face width (share of the frame width) before the candidate is asked to come closer. */
  minFaceWidthRatio: number;
}

export const DEFAULT_LIVENESS_OPTIONS: LivenessOptions = {
  framesToHold: 3,
  turnDegrees: 12,
  blinkRatio: 0.7,
  challengeTimeoutMs: 12_000,
  snapshotWaitMs: 4_000,
  minFaceWidthRatio: 0.2,
};

/**
 * Human's yaw is negative when the person turns to their own left (the nose moves to the right of
 * an unmirrored camera picture); measured with the nose position against the eye corners.
 */
const YAW_SIGN: Record<'turn_left' | 'turn_right', -1 | 1> = { turn_left: -1, turn_right: 1 };

/** Why the current frame cannot be judged; the UI shows it as a hint. */
export type FrameHint = 'no_face' | 'multiple_faces' | 'face_too_small';

export type LivenessStatus = 'running' | 'passed' | 'failed';

export interface LivenessProgress {
  status: LivenessStatus;
  /** The challenge the candidate should do now; null once all are done. */
  challenge: LivenessChallenge | null;
  completed: number;
  total: number;
  hint: FrameHint | null;
  /** Waiting for a frontal frame after the challenges (请正对摄像头). */
  awaitingSnapshot: boolean;
  /** This frame is the best snapshot so far: the caller keeps its picture. */
  isBestSnapshot: boolean;
  /** The challenge that timed out when status is `failed`. */
  failedChallenge: LivenessChallenge | null;
  framesJudged: number;
}

/** `count` distinct challenges in a random order (blink always included: turns are easy to fake). */
export function pickChallenges(random: () => number = Math.random, count = 3): LivenessChallenge[] {
  const turns: LivenessChallenge[] =
    random() < 0.5 ? ['turn_left', 'turn_right'] : ['turn_right', 'turn_left'];
  const chosen: LivenessChallenge[] = [
    'blink',
    ...turns.slice(0, Math.max(0, Math.min(2, count - 1))),
  ];
  // Fisher–Yates shuffle.
  for (let i = chosen.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [chosen[i], chosen[j]] = [chosen[j] as LivenessChallenge, chosen[i] as LivenessChallenge];
  }
  return chosen;
}

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
};

function eyeOpenness(face: FaceMeasurement): number | null {
  const { left, right } = face.eyeOpenness;
  if (left === null || right === null) return null;
  return (left + right) / 2;
}

/** Runs one attempt: feed it every analysed frame in order. */
export class LivenessRun {
  readonly challenges: readonly LivenessChallenge[];
  private readonly options: LivenessOptions;
  private index = 0;
  private challengeStartedAt: number | null = null;
  private held = 0;
  private sawClosedEyes = false;
  private framesJudged = 0;
  private failed: LivenessChallenge | null = null;
  private challengesDoneAt: number | null = null;
  private bestSnapshotScore = -Infinity;
  private readonly frontalYaws: number[] = [];
  private readonly openEyes: number[] = [];

  constructor(challenges: readonly LivenessChallenge[], options: Partial<LivenessOptions> = {}) {
    this.challenges = challenges;
    this.options = { ...DEFAULT_LIVENESS_OPTIONS, ...options };
  }

  get hasSnapshot(): boolean {
    return this.bestSnapshotScore > -Infinity;
  }

  /** The liveness part of the face-check body. */
  result(): { challenges: LivenessChallenge[]; passed: boolean; framesJudged: number } {
    return {
      challenges: [...this.challenges],
      passed: this.failed === null && this.index >= this.challenges.length,
      framesJudged: this.framesJudged,
    };
  }

  observe(frame: FrameMeasurement): LivenessProgress {
    const now = frame.at;
    if (this.failed) return this.progress(null, false);
    this.challengeStartedAt ??= now;

    const hint = this.hintFor(frame);
    const face = hint === null ? frame.faces[0] : undefined;
    if (face) {
      this.framesJudged += 1;
      this.learnBaseline(face);
    }

    const current = this.challenges[this.index];
    if (current) {
      if (face && this.judge(current, face)) {
        this.index += 1;
        this.held = 0;
        this.sawClosedEyes = false;
        this.challengeStartedAt = now;
        if (this.index >= this.challenges.length) this.challengesDoneAt = now;
      } else if (now - this.challengeStartedAt > this.options.challengeTimeoutMs) {
        this.failed = current;
        return this.progress(hint, false);
      }
    }

    const isBestSnapshot = face ? this.considerSnapshot(face) : false;
    return this.progress(hint, isBestSnapshot, now);
  }

  private progress(hint: FrameHint | null, isBestSnapshot: boolean, now = 0): LivenessProgress {
    const challengesDone = this.index >= this.challenges.length;
    const snapshotReady =
      this.hasSnapshot ||
      (this.challengesDoneAt !== null && now - this.challengesDoneAt > this.options.snapshotWaitMs);
    let status: LivenessStatus = 'running';
    if (this.failed) status = 'failed';
    else if (challengesDone && snapshotReady) status = 'passed';
    return {
      status,
      challenge: this.challenges[this.index] ?? null,
      completed: Math.min(this.index, this.challenges.length),
      total: this.challenges.length,
      hint,
      awaitingSnapshot: challengesDone && !snapshotReady,
      isBestSnapshot,
      failedChallenge: this.failed,
      framesJudged: this.framesJudged,
    };
  }

  private hintFor(frame: FrameMeasurement): FrameHint | null {
    if (frame.faces.length === 0) return 'no_face';
    if (frame.faces.length > 1) return 'multiple_faces';
    const face = frame.faces[0];
    if (face && face.box.width < frame.width * this.options.minFaceWidthRatio) {
      return 'face_too_small';
    }
    return null;
  }

  /** The candidate's own frontal yaw and open-eye size, from frames that look roughly frontal. */
  private learnBaseline(face: FaceMeasurement): void {
    if (Math.abs(face.yawDegrees) > 12) return;
    this.frontalYaws.push(face.yawDegrees);
    const openness = eyeOpenness(face);
    const baseline = median(this.openEyes);
    // Closed-eye frames must not drag the baseline down.
    if (
      openness !== null &&
      (baseline === null || openness >= baseline * this.options.blinkRatio)
    ) {
      this.openEyes.push(openness);
    }
  }

  private judge(challenge: LivenessChallenge, face: FaceMeasurement): boolean {
    switch (challenge) {
      case 'turn_left':
      case 'turn_right': {
        const frontal = median(this.frontalYaws) ?? 0;
        const turned = (face.yawDegrees - frontal) * YAW_SIGN[challenge];
        this.held = turned >= this.options.turnDegrees ? this.held + 1 : 0;
        return this.held >= this.options.framesToHold;
      }
      case 'blink': {
        // Open, then closed on at least one frontal frame, then open again.
        const openness = eyeOpenness(face);
        const baseline = median(this.openEyes);
        if (openness === null || baseline === null || this.openEyes.length < 2) return false;
        if (Math.abs(face.yawDegrees) > 12) return false;
        if (openness < baseline * this.options.blinkRatio) {
          this.sawClosedEyes = true;
          return false;
        }
        return this.sawClosedEyes;
      }
    }
  }

  /** Frontal, eyes open, sharp: the server's quality gates want exactly this picture. */
  private considerSnapshot(face: FaceMeasurement): boolean {
    if (Math.abs(face.yawDegrees) > 10 || Math.abs(face.pitchDegrees) > 20) return false;
    const openness = eyeOpenness(face);
    const baseline = median(this.openEyes);
    if (openness !== null && baseline !== null && openness < baseline * this.options.blinkRatio) {
      return false;
    }
    const score =
      face.sharpness * (1 - Math.abs(face.yawDegrees) / 30) * Math.min(1, face.box.width / 200);
    if (score <= this.bestSnapshotScore) return false;
    this.bestSnapshotScore = score;
    return true;
  }
}
