import type { TicketState } from '../../shared/api/interviews.js';
import type {
  Attendance,
  CandidateStanding,
  CheckInBlock,
  ExamEndReason,
  SessionStatus,
} from '../../shared/enums.js';
import { sessionStatusAt } from '../exams/session-status.js';

/** What the server stores about one candidate's exam (a registration), read at one moment. */
export interface ExamProgressFacts {
  /** The session's status by the server clock (sessionStatusAt). */
  sessionStatus: SessionStatus;
  attendance: Attendance;
  identityConfirmed: boolean;
  /** The waiting-room ticket of an interview; null before 进入考试 and for other exams. */
  ticketState: TicketState | null;
}

/**
 * When the exam is over for this candidate, and why; null while it is not. One rule for
 * everyone who needs it: the phone stops its camera, 我的考场 offers no check-in any more.
 * The interview is over when the panel ended it (the ticket is done; 关闭考试 on the PC only
 * leaves that page), any exam when its session's time is up. A written exam's submitted attempt
 * belongs here once attempts exist.
 */
export function examEndOf(
  facts: Pick<ExamProgressFacts, 'sessionStatus' | 'ticketState'>,
): ExamEndReason | null {
  if (facts.ticketState === 'done') return 'interview_done';
  if (facts.sessionStatus === 'ended') return 'session_ended';
  return null;
}

/** `examEndOf` for a registration read with its session's times and its ticket, at `now`. */
export function examEndAt(
  now: Date,
  row: {
    startsAt: Date;
    endsAt: Date;
    rules: { preEntryMinutes: number };
    ticketState: TicketState | null;
  },
): ExamEndReason | null {
  return examEndOf({
    sessionStatus: sessionStatusAt(now, row, row.rules.preEntryMinutes),
    ticketState: row.ticketState,
  });
}

/** Where the candidate stands (我的考场's status column). */
export function standingOf(facts: ExamProgressFacts): CandidateStanding {
  if (facts.attendance === 'withdrawn') return 'withdrawn';
  switch (facts.ticketState) {
    case 'done':
      return 'interview_done';
    case 'in_room':
      return 'interviewing';
    case 'waiting':
    case 'called':
    case 'invited':
      return facts.sessionStatus === 'ended' ? 'ended' : 'waiting';
    case null:
      break;
  }
  switch (facts.sessionStatus) {
    case 'not_started':
      return 'not_started';
    case 'check_in_open':
    case 'in_progress':
      return 'check_in';
    case 'ended':
      return 'ended';
  }
}

/**
 * Why 人脸识别 / 进入候考区 cannot be used now, the first thing the candidate must clear; null
 * while they can (from check-in opening until the exam is over for them).
 */
export function checkInBlockOf(facts: ExamProgressFacts): CheckInBlock | null {
  if (facts.attendance === 'withdrawn') return 'withdrawn';
  if (examEndOf(facts) === 'interview_done') return 'finished';
  if (facts.attendance === 'pending') return 'attendance_pending';
  if (!facts.identityConfirmed) return 'identity_pending';
  switch (facts.sessionStatus) {
    case 'not_started':
      return 'not_open';
    case 'ended':
      return 'ended';
    case 'check_in_open':
    case 'in_progress':
      return null;
  }
}
