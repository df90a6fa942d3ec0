import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { AuditAction } from '../../shared/api/audit.js';
import type { Database } from '../db/client.js';
import { appUser, attemptEvent, attemptWarning, auditLog, faceCheck } from '../db/schema/index.js';

/** The audit entries the timeline reads, because only the audit log keeps who and why. */
const TIMELINE_AUDIT_ACTIONS = [
  'attempt.time_added',
  'attempt.force_submitted',
] as const satisfies readonly AuditAction[];
export type TimelineAuditAction = (typeof TIMELINE_AUDIT_ACTIONS)[number];

/** What the evidence timeline reads of one attempt: plain rows, no rules. */
export class TimelineRepo {
  constructor(private readonly db: Database) {}

  /** The page's events, in the server's order of arrival, and whether each has its snapshot. */
  events(attemptId: string) {
    return this.db
      .select({
        id: attemptEvent.id,
        type: attemptEvent.type,
        hasSnapshot: sql<boolean>`${attemptEvent.snapshotKey} is not null`,
        receivedAt: attemptEvent.receivedAt,
        clientAt: attemptEvent.clientAt,
        detail: attemptEvent.detail,
      })
      .from(attemptEvent)
      .where(eq(attemptEvent.attemptId, attemptId))
      .orderBy(asc(attemptEvent.arrival));
  }

  /** The reminders sent, oldest first, with the sender's name (null once the account is gone). */
  warnings(attemptId: string) {
    return this.db
      .select({
        text: attemptWarning.text,
        sentAt: attemptWarning.sentAt,
        confirmedAt: attemptWarning.confirmedAt,
        senderName: appUser.name,
      })
      .from(attemptWarning)
      .leftJoin(appUser, eq(appUser.id, attemptWarning.sentBy))
      .where(eq(attemptWarning.attemptId, attemptId))
      .orderBy(asc(attemptWarning.sentAt), asc(attemptWarning.id));
  }

  /** Extra time and 强制交卷 of the registration since the attempt started, with the actor's name. */
  audits(schoolId: string, registrationId: string, since: Date) {
    return this.db
      .select({
        action: auditLog.action,
        detail: auditLog.detail,
        createdAt: auditLog.createdAt,
        actorName: appUser.name,
      })
      .from(auditLog)
      .leftJoin(appUser, eq(appUser.id, auditLog.actorId))
      .where(
        and(
          eq(auditLog.schoolId, schoolId),
          eq(auditLog.targetType, 'registration'),
          eq(auditLog.targetId, registrationId),
          inArray(auditLog.action, [...TIMELINE_AUDIT_ACTIONS]),
          gte(auditLog.createdAt, since),
        ),
      )
      .orderBy(asc(auditLog.seq));
  }

  /** The face checks taken before 交卷 since the attempt started, oldest first. */
  submitFaceChecks(registrationId: string, since: Date) {
    return this.db
      .select({ verdict: faceCheck.verdict, score: faceCheck.score, at: faceCheck.createdAt })
      .from(faceCheck)
      .where(
        and(
          eq(faceCheck.registrationId, registrationId),
          eq(faceCheck.source, 'submit'),
          gte(faceCheck.createdAt, since),
        ),
      )
      .orderBy(asc(faceCheck.seq));
  }
}
