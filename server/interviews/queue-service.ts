import type { SessionUser } from '../../shared/api/auth.js';
import { DEFAULT_QUEUE_ORDER, type SessionQueue } from '../../shared/api/interviews.js';
import { sessionWithDuties } from '../check-in/policy.js';
import { presentStaffRow } from '../check-in/presenter.js';
import type { CheckInRepo, FaceCheckRow } from '../check-in/repo.js';
import type { Clock } from '../clock.js';
import type { SessionRosterRepo } from '../roster/repo.js';
import { presentTicket, sortQueue } from './presenter.js';
import type { InterviewRepo } from './repo.js';

/**
 * The staff view of a session's waiting room: each candidate who entered, with the ticket and
 * the check-in results beside it (face verdict and snapshots, device report, phone status).
 * Seen by whoever sees the session's check-ins; 404 for anyone else.
 */
export class QueueService {
  constructor(
    private readonly repo: InterviewRepo,
    private readonly checkIns: CheckInRepo,
    private readonly sessions: SessionRosterRepo,
    private readonly clock: Clock,
  ) {}

  async queue(user: SessionUser, sessionId: string): Promise<SessionQueue> {
    const { session, duties } = await sessionWithDuties(this.sessions, user, sessionId);
    const tickets = await this.repo.ticketsOfSession(sessionId);
    const registrations = new Map(
      (await this.checkIns.sessionRegistrations(sessionId)).map((row) => [row.registrationId, row]),
    );
    const ids = tickets.map((row) => row.ticket.registrationId);
    const records = new Map(
      (await this.checkIns.checkInsOf(ids)).map((record) => [record.registrationId, record]),
    );
    const checks = new Map<string, FaceCheckRow[]>();
    for (const row of await this.checkIns.faceChecksOf(ids)) {
      checks.set(row.registrationId, [...(checks.get(row.registrationId) ?? []), row]);
    }
    const withPhoto = await this.checkIns.usersWithReferencePhoto(
      [...registrations.values()].map((row) => row.userId),
    );
    const now = this.clock.now();
    const firstRules = registrations.values().next().value?.rules;
    const order = firstRules?.queueOrder ?? DEFAULT_QUEUE_ORDER;
    const items = sortQueue(tickets, order).flatMap((row) => {
      const registration = registrations.get(row.ticket.registrationId);
      if (!registration) return [];
      return [
        {
          candidateName: row.candidateName,
          admissionNumber: row.admissionNumber,
          ticket: presentTicket(row),
          checkIn: presentStaffRow(
            registration,
            records.get(registration.registrationId) ?? null,
            checks.get(registration.registrationId) ?? [],
            withPhoto.has(registration.userId),
            now,
          ),
        },
      ];
    });
    const myCall = tickets.find(
      (row) => row.ticket.state === 'called' && row.ticket.calledBy === user.id,
    );
    const occupant = tickets.find((row) => ['invited', 'in_room'].includes(row.ticket.state));
    return {
      serverTime: now.toISOString(),
      sessionId,
      sessionName: session.name,
      examName: session.examName,
      order,
      myDuties: duties,
      myCall: myCall?.ticket.registrationId ?? null,
      panelOccupiedBy: occupant?.ticket.registrationId ?? null,
      panel: await this.repo.panelOf(sessionId),
      items,
    };
  }
}
