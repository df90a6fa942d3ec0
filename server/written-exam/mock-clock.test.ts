import { describe, expect, it } from 'vitest';
import {
  answerAcceptance,
  attemptDeadline,
  dueSubmission,
  submitOpensAt,
} from './attempt-clock.js';
import {
  mockClosedReason,
  mockDeadline,
  mockMinutes,
  mockTiming,
  type MockWindow,
} from './mock-clock.js';

const MINUTE = 60_000;
const start = new Date('2026-06-01T09:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * MINUTE);

describe('mockClosedReason', () => {
  const written: MockWindow = {
    examKind: 'written',
    attendance: 'confirmed',
    startsAt: start,
    endsAt: minutes(120),
    hasFormalAttempt: false,
  };

  it('keeps a written mock open into the session until the formal attempt starts', () => {
    expect(mockClosedReason(written, minutes(-600))).toBeNull();
    expect(mockClosedReason(written, minutes(30))).toBeNull();
    expect(mockClosedReason({ ...written, hasFormalAttempt: true }, minutes(-1))).toBe(
      'formal_started',
    );
  });

  it('closes at the session end, and for a candidate who gave up', () => {
    expect(mockClosedReason(written, minutes(120))).toBe('ended');
    expect(mockClosedReason({ ...written, attendance: 'withdrawn' }, minutes(-60))).toBe(
      'withdrawn',
    );
  });

  it("closes other kinds' mock (an entry count) at the session start", () => {
    const interview = { ...written, examKind: 'interview' as const };
    expect(mockClosedReason(interview, minutes(-1))).toBeNull();
    expect(mockClosedReason(interview, minutes(0))).toBe('formal_started');
  });
});

describe('the mock attempt timing', () => {
  it("runs the exam's duration, or the session's length when the exam has none", () => {
    expect(mockMinutes(45, { startsAt: start, endsAt: minutes(120) })).toBe(45);
    expect(mockMinutes(null, { startsAt: start, endsAt: minutes(90) })).toBe(90);
  });

  it('times from its own start: no minimum, no inactivity, the grace after its deadline', () => {
    const startedAt = minutes(-500);
    const timing = mockTiming({ startedAt, deadlineAt: mockDeadline(startedAt, 30) });
    expect(attemptDeadline(timing)).toEqual(minutes(-470));
    expect(submitOpensAt(timing)).toEqual(startedAt);
    expect(answerAcceptance(timing, new Date(minutes(-470).getTime() + 10_000), 30)).toBe('late');
    expect(answerAcceptance(timing, new Date(minutes(-470).getTime() + 31_000), 30)).toBe(
      'ATTEMPT_CLOSED',
    );
    // Idle for hours: only the deadline submits it.
    expect(dueSubmission(timing, startedAt, minutes(-471), 30)).toBeNull();
    expect(dueSubmission(timing, startedAt, minutes(-469), 30)).toEqual({
      reason: 'deadline',
      at: minutes(-470),
    });
  });
});
