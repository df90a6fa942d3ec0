import { z } from 'zod';
import { staffDutySchema } from '../enums.js';
import { sessionParamsSchema, staffCheckInRowSchema } from './check-in.js';
import { idSchema, isoDateTimeSchema } from './common.js';
import { defineRoute } from './contract.js';
import { registrationParamsSchema } from './tickets.js';

/**
 * The waiting room (候考区) and the interview flow (docs/design.md "The exam model"): one waiting-room
 * ticket per registration, created when the candidate enters (进入考试 on the check-in page).
 *
 *   waiting → called (候考官 video call) → waiting … → invited (面试邀请) → in_room → done
 *
 * `called` returns to `waiting` when the call ends or the calling examiner has been gone for
 * longer than EXAMINER_LEFT_GRACE_MS. Readiness (ready / not ready, with a note) is set by the
 * waiting-room examiner during or after a call and is separate from the state; only a `ready`
 * and `waiting` candidate can be invited, and one candidate per session panel at a time can be
 * `invited` or `in_room`. Every time is the server's.
 */
export const TICKET_STATES = ['waiting', 'called', 'invited', 'in_room', 'done'] as const;
export const ticketStateSchema = z.enum(TICKET_STATES);
export type TicketState = z.infer<typeof ticketStateSchema>;

/** The waiting-room examiner's verdict after checking ID card, admission ticket and room. */
export const READINESS = ['unmarked', 'ready', 'not_ready'] as const;
export const readinessSchema = z.enum(READINESS);
export type Readiness = z.infer<typeof readinessSchema>;

/** Why a ticket went back to `waiting` (the candidate is told). */
export const RETURN_REASONS = ['call_ended', 'examiner_left', 'invitation_cancelled'] as const;
export const returnReasonSchema = z.enum(RETURN_REASONS);
export type ReturnReason = z.infer<typeof returnReasonSchema>;

/**
 * The session's waiting-room examiner as a waiting candidate sees them: no examiner online
 * (候考官未上线), every online one in a call with someone else (候考官正在与其他考生通话), or
 * available.
 */
export const WAITING_EXAMINER_STATES = ['offline', 'busy', 'available'] as const;
export const waitingExaminerStateSchema = z.enum(WAITING_EXAMINER_STATES);
export type WaitingExaminerState = z.infer<typeof waitingExaminerStateSchema>;

/** Queue order of a session's waiting room: exam rule `queueOrder` (default admission number). */
export const QUEUE_ORDERS = ['admission_number', 'arrival'] as const;
export const queueOrderSchema = z.enum(QUEUE_ORDERS);
export type QueueOrder = z.infer<typeof queueOrderSchema>;
export const DEFAULT_QUEUE_ORDER: QueueOrder = 'admission_number';

/** How long a calling examiner may be without any socket before the call is dropped. */
export const EXAMINER_LEFT_GRACE_MS = 15_000;

/** A ticket's fields, as every side sees them (server times, ISO). */
export const ticketSchema = z.object({
  registrationId: idSchema,
  sessionId: idSchema,
  state: ticketStateSchema,
  readiness: readinessSchema,
  /** The examiner's note with the readiness; shown to staff only. */
  readinessNote: z.string().nullable(),
  readinessMarkedAt: isoDateTimeSchema.nullable(),
  /** When the candidate entered the waiting room (the `arrival` order). */
  arrivedAt: isoDateTimeSchema,
  /** The waiting-room examiner in the call (`called`), else null. */
  calledBy: idSchema.nullable(),
  calledByName: z.string().nullable(),
  calledAt: isoDateTimeSchema.nullable(),
  /** Whether the candidate has been called at least once (readiness may be marked after). */
  hasBeenCalled: z.boolean(),
  invitedBy: idSchema.nullable(),
  invitedAt: isoDateTimeSchema.nullable(),
  /** The interview's start (accepted the invitation): the panel's timer counts from here. */
  interviewStartedAt: isoDateTimeSchema.nullable(),
  interviewEndedAt: isoDateTimeSchema.nullable(),
  /** Why the ticket last went back to `waiting`; cleared when it moves on. */
  returnReason: returnReasonSchema.nullable(),
  returnedAt: isoDateTimeSchema.nullable(),
  /** Bumped on every change: a client keeps the highest it has seen. */
  version: z.number().int(),
});
export type Ticket = z.infer<typeof ticketSchema>;

/** An examiner the candidate sees and hears right now (their `staff` stream). */
export const mediaPeerSchema = z.object({ staffId: idSchema, name: z.string() });
export type MediaPeer = z.infer<typeof mediaPeerSchema>;

/** The candidate's own ticket: staff-only fields left out, the examiner's presence added. */
export const candidateTicketSchema = ticketSchema
  .omit({ readinessNote: true, calledBy: true, invitedBy: true })
  .extend({
    serverTime: isoDateTimeSchema,
    waitingExaminer: waitingExaminerStateSchema,
    /**
     * Whom the candidate sees and hears: the calling examiner while `called`, the session's
     * panel while `in_room`, nobody otherwise (docs/journeys.md J1: no examiner picture while waiting).
     */
    mediaPeers: z.array(mediaPeerSchema),
  });
export type CandidateTicket = z.infer<typeof candidateTicketSchema>;

export const myTicketResponseSchema = z.object({
  serverTime: isoDateTimeSchema,
  /** null until the candidate entered the waiting room. */
  ticket: candidateTicketSchema.nullable(),
});

export const enterWaitingRoom = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/waiting-room/enter',
  summary:
    '进入考试: enter the waiting room (only when the check-in allows it); again answers the same ticket',
  tags: ['interviews'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: candidateTicketSchema,
});

export const getMyTicket = defineRoute({
  method: 'GET',
  path: '/api/me/registrations/:registrationId/waiting-room',
  summary:
    "The candidate's waiting-room ticket (null before entering) with the examiner's presence",
  tags: ['interviews'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: myTicketResponseSchema,
});

export const acceptInvitation = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/waiting-room/accept',
  summary: '面试邀请 → OK: the invited candidate enters the exam room (the interview starts)',
  tags: ['interviews'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: candidateTicketSchema,
});

/** One candidate in the staff queue: the ticket and the check-in results beside it. */
export const queueEntrySchema = z.object({
  candidateName: z.string(),
  admissionNumber: z.string(),
  ticket: ticketSchema,
  checkIn: staffCheckInRowSchema,
});
export type QueueEntry = z.infer<typeof queueEntrySchema>;

export const sessionQueueSchema = z.object({
  serverTime: isoDateTimeSchema,
  sessionId: idSchema,
  sessionName: z.string(),
  examName: z.string(),
  order: queueOrderSchema,
  /** The caller's duties in this session (none for admins): what the page offers. */
  myDuties: z.array(staffDutySchema),
  /** The ticket the caller is in a call with, if any (after a reload: resume it). */
  myCall: idSchema.nullable(),
  /** The candidate invited or in the room, if any: nobody else can be invited meanwhile. */
  panelOccupiedBy: idSchema.nullable(),
  /** The session's interview panel (examiners and chair): whose cameras the panel page shows. */
  panel: z.array(mediaPeerSchema),
  /** Every candidate who entered the waiting room, `done` ones included, in `order`. */
  items: z.array(queueEntrySchema),
});
export type SessionQueue = z.infer<typeof sessionQueueSchema>;

export const getSessionQueue = defineRoute({
  method: 'GET',
  path: '/api/sessions/:sessionId/waiting-room',
  summary:
    "The session's waiting-room queue with each candidate's ticket and check-in results (staff)",
  tags: ['interviews'],
  access: ['examiner', 'proctor', 'college_admin', 'school_admin'],
  policy: { foreign: 'NOT_FOUND' },
  params: sessionParamsSchema,
  response: sessionQueueSchema,
});

export const ticketParamsSchema = z.strictObject({
  sessionId: idSchema,
  registrationId: idSchema,
});

export const markReadinessBodySchema = z.strictObject({
  readiness: z.enum(['ready', 'not_ready']),
  note: z.string().trim().max(500).optional(),
});
export type MarkReadinessBody = z.infer<typeof markReadinessBodySchema>;

const ticketCommand = <const P extends string>(path: P, summary: string, duty: string) =>
  defineRoute({
    method: 'POST',
    path: `/api/sessions/:sessionId/waiting-room/:registrationId/${path}`,
    summary: `${summary} (${duty})`,
    tags: ['interviews'],
    access: ['examiner'],
    policy: { foreign: 'NOT_FOUND' },
    params: ticketParamsSchema,
    response: ticketSchema,
  });

export const callCandidate = ticketCommand(
  'call',
  'Call a waiting candidate into a 1:1 video call; one call per examiner at a time',
  'waiting-room examiner',
);
export const endCall = ticketCommand(
  'end-call',
  'End the call: the candidate goes back to waiting',
  'the calling waiting-room examiner',
);
export const markReadiness = defineRoute({
  method: 'POST',
  path: '/api/sessions/:sessionId/waiting-room/:registrationId/readiness',
  summary: 'Mark a candidate ready or not ready with a note, during or after a call',
  tags: ['interviews'],
  access: ['examiner'],
  policy: { foreign: 'NOT_FOUND' },
  params: ticketParamsSchema,
  body: markReadinessBodySchema,
  response: ticketSchema,
});
export const inviteCandidate = ticketCommand(
  'invite',
  '邀请: invite a ready, waiting candidate; one candidate invited or in the room per session',
  'panel examiner or chair',
);
export const cancelInvitation = ticketCommand(
  'cancel-invitation',
  'Withdraw an invitation not yet accepted: the candidate goes back to waiting',
  'panel examiner or chair',
);
export const endInterview = ticketCommand(
  'end-interview',
  '结束面试: the candidate sees 面试结束; the next one can be invited',
  'panel examiner or chair',
);
