import type { CandidateTicket } from '../../../../shared/api/interviews.js';
import { REGISTRATION_ID } from '../check-in/check-in-fixtures.test-support.js';

export const SESSION_ID = '00000000-0000-4000-8000-0000000000e1';
export const WAITING_ROOM_PATH = '/candidate/registrations/:registrationId/waiting-room';
export const WAITING_ROOM_URL = `/candidate/registrations/${REGISTRATION_ID}/waiting-room`;

/** 张三's ticket in the 候考区 as the server answers it: waiting, no examiner online yet. */
export function candidateTicket(overrides: Partial<CandidateTicket> = {}): CandidateTicket {
  const now = new Date().toISOString();
  return {
    registrationId: REGISTRATION_ID,
    sessionId: SESSION_ID,
    state: 'waiting',
    readiness: 'unmarked',
    readinessMarkedAt: null,
    arrivedAt: now,
    calledByName: null,
    calledAt: null,
    hasBeenCalled: false,
    invitedAt: null,
    interviewStartedAt: null,
    interviewEndedAt: null,
    returnReason: null,
    returnedAt: null,
    version: 1,
    serverTime: now,
    waitingExaminer: 'offline',
    mediaPeers: [],
    ...overrides,
  };
}
