import { SIGNAL_EVENT_TYPES, type AttemptEventType } from '../../shared/api/attempt-events.js';
import type { AttemptTimeline, TimelineEntry } from '../../shared/api/attempt-timeline.js';
import type { SessionUser } from '../../shared/api/auth.js';
import { DEFAULT_SCHOOL_TIME_ZONE } from '../../shared/time-zone.js';
import type { Actor } from '../audit/audit-log.js';
import { sessionWithDuties } from '../check-in/policy.js';
import type { CheckInRegistration, CheckInRepo } from '../check-in/repo.js';
import type { DocumentDownload } from '../documents/download.js';
import { AppError } from '../errors/app-error.js';
import type { RouteDeps } from '../route-deps.js';
import type { SessionRosterRepo } from '../roster/repo.js';
import type { AttemptRepo, AttemptRow } from '../written-exam/attempt-repo.js';
import type { OutageRepo } from '../written-exam/outage-repo.js';
import { canForceSubmit } from '../written-exam/progress-service.js';
import { renderTimelineReport } from './timeline-report.js';
import type { TimelineRepo } from './timeline-repo.js';

const SIGNALS: ReadonlySet<AttemptEventType> = new Set(SIGNAL_EVENT_TYPES);

/** Ties at one instant: the start first, the submit last, the rest in the order they were read. */
const TIE_RANK: Partial<Record<TimelineEntry['kind'], number>> = {
  attempt_started: -1,
  submitted: 1,
};

type Entry = Omit<TimelineEntry, 'at' | 'isSignal'> & { at: Date; isSignal?: boolean };

/**
 * The registration, for staff who may read its attempt's evidence: the session's proctors and
 * the exam's admins, the same people who may 强制交卷 and 发送提醒. Out of reach is NOT_FOUND.
 */
export async function evidenceRegistration(
  checkIns: Pick<CheckInRepo, 'registration'>,
  sessions: SessionRosterRepo,
  user: SessionUser,
  registrationId: string,
): Promise<CheckInRegistration> {
  const registration = await checkIns.registration(registrationId);
  if (!registration) throw AppError.notFound('registration');
  const { duties } = await sessionWithDuties(sessions, user, registration.sessionId);
  if (!canForceSubmit(user, duties)) throw AppError.forbidden('not a proctor here');
  return registration;
}

/**
 * The evidence timeline (issue 15 §3): for the session's proctors and the exam's admins, the same
 * people who may 强制交卷 and 发送提醒; every view and every report is audited, as reading
 * evidence about a candidate is itself something to account for.
 */
export class TimelineService {
  constructor(
    private readonly repo: TimelineRepo,
    private readonly attempts: Pick<AttemptRepo, 'formalAttemptOf'>,
    private readonly checkIns: Pick<CheckInRepo, 'registration'>,
    private readonly sessions: SessionRosterRepo,
    private readonly outages: Pick<OutageRepo, 'outagesOf'>,
    private readonly deps: Pick<RouteDeps, 'clock' | 'audit'>,
  ) {}

  async view(actor: Actor, registrationId: string): Promise<AttemptTimeline> {
    const { registration, timeline } = await this.read(actor, registrationId);
    await this.audit(actor, registration, 'attempt.timeline_viewed');
    return timeline;
  }

  /** The standalone HTML report, named after the admission number. */
  async report(actor: Actor, registrationId: string): Promise<DocumentDownload> {
    const { registration, timeline } = await this.read(actor, registrationId);
    await this.audit(actor, registration, 'attempt.timeline_report_downloaded');
    const timeZone = actor.user.schoolTimeZone ?? DEFAULT_SCHOOL_TIME_ZONE;
    return {
      bytes: Buffer.from(renderTimelineReport(timeline, timeZone), 'utf8'),
      mimeType: 'text/html; charset=utf-8',
      fileName: `作答时间线-${registration.admissionNumber}.html`,
    };
  }

  private async read(actor: Actor, registrationId: string) {
    const registration = await evidenceRegistration(
      this.checkIns,
      this.sessions,
      actor.user,
      registrationId,
    );
    const row = await this.attempts.formalAttemptOf(registrationId);
    const timeline: AttemptTimeline = {
      registrationId,
      candidate: {
        name: registration.candidateName,
        admissionNumber: registration.admissionNumber,
      },
      examName: registration.examName,
      sessionName: registration.sessionName,
      attempt: row
        ? {
            state: row.state,
            startedAt: row.startedAt.toISOString(),
            deadline: row.deadlineAt.toISOString(),
            submittedAt: row.submittedAt?.toISOString() ?? null,
            submitReason: row.submitReason ?? null,
            extraMinutes: row.extraMinutes,
            compensationMinutes: row.compensationMinutes,
          }
        : null,
      entries: row ? await this.entriesOf(registration, row) : [],
      generatedAt: this.deps.clock.now().toISOString(),
    };
    return { registration, timeline };
  }

  private async entriesOf(
    registration: CheckInRegistration,
    row: AttemptRow,
  ): Promise<TimelineEntry[]> {
    const candidate = registration.candidateName;
    const [events, warnings, audits, faceChecks, outages] = await Promise.all([
      this.repo.events(row.id),
      this.repo.warnings(row.id),
      this.repo.audits(registration.schoolId, registration.registrationId, row.startedAt),
      this.repo.submitFaceChecks(registration.registrationId, row.startedAt),
      this.outages.outagesOf([row.id]),
    ]);
    const entries: Entry[] = [
      { at: row.startedAt, kind: 'attempt_started', detail: {}, actorName: candidate },
    ];
    for (const event of events) {
      entries.push({
        at: event.receivedAt,
        kind: 'event',
        eventType: event.type,
        eventId: event.id,
        hasSnapshot: event.hasSnapshot,
        clientAt: event.clientAt.toISOString(),
        isSignal: SIGNALS.has(event.type),
        detail: event.detail ?? {},
        actorName: null,
      });
    }
    for (const warning of warnings) {
      const detail = { text: warning.text };
      entries.push({
        at: warning.sentAt,
        kind: 'warning_sent',
        detail,
        actorName: warning.senderName,
      });
      if (warning.confirmedAt) {
        entries.push({
          at: warning.confirmedAt,
          kind: 'warning_confirmed',
          detail,
          actorName: candidate,
        });
      }
    }
    for (const outage of outages.get(row.id) ?? []) {
      entries.push({ at: outage.startedAt, kind: 'outage_started', detail: {}, actorName: null });
      if (outage.endedAt) {
        entries.push({
          at: outage.endedAt,
          kind: 'outage_ended',
          detail: {
            lostSeconds: outage.lostSeconds ?? 0,
            compensationMinutes: outage.compensationMinutes,
            ...(outage.outcome ? { outcome: outage.outcome } : {}),
          },
          actorName: null,
        });
      }
    }
    for (const audit of audits) {
      if (audit.action !== 'attempt.time_added') continue;
      const minutes = /\+(\d+) min/.exec(audit.detail ?? '')?.[1];
      entries.push({
        at: audit.createdAt,
        kind: 'time_added',
        detail: minutes ? { minutes: Number(minutes) } : {},
        actorName: audit.actorName,
      });
    }
    for (const check of faceChecks) {
      entries.push({
        at: check.at,
        kind: 'face_check',
        detail: { verdict: check.verdict, ...(check.score === null ? {} : { score: check.score }) },
        actorName: candidate,
      });
    }
    if (row.submittedAt && row.submitReason) {
      entries.push(submittedEntry(registration, row.submittedAt, row.submitReason, audits));
    }
    return entries
      .map((entry, index) => ({ entry, index }))
      .sort(
        (a, b) =>
          a.entry.at.getTime() - b.entry.at.getTime() ||
          (TIE_RANK[a.entry.kind] ?? 0) - (TIE_RANK[b.entry.kind] ?? 0) ||
          a.index - b.index,
      )
      .map(({ entry }) => ({
        ...entry,
        at: entry.at.toISOString(),
        isSignal: entry.isSignal ?? false,
      }));
  }

  private audit(
    actor: Actor,
    registration: CheckInRegistration,
    action: 'attempt.timeline_viewed' | 'attempt.timeline_report_downloaded',
  ): Promise<void> {
    return this.deps.audit.recordBy(actor, {
      schoolId: registration.schoolId,
      action,
      targetType: 'registration',
      targetId: registration.registrationId,
      detail: registration.admissionNumber,
    });
  }
}

/**
 * The submit: by the candidate (their name), by the sweep (nobody), or 强制交卷, whose proctor
 * and reason only the audit log keeps (detail `<admission number>: <reason>`).
 */
function submittedEntry(
  registration: CheckInRegistration,
  at: Date,
  reason: NonNullable<AttemptRow['submitReason']>,
  audits: readonly { action: string; detail: string | null; actorName: string | null }[],
): Entry {
  if (reason === 'forced') {
    const forced = audits.findLast((audit) => audit.action === 'attempt.force_submitted');
    const prefix = `${registration.admissionNumber}: `;
    const text = forced?.detail ?? '';
    const forcedReason = text.startsWith(prefix) ? text.slice(prefix.length) : text;
    return {
      at,
      kind: 'submitted',
      detail: { reason, ...(forcedReason ? { forcedReason } : {}) },
      actorName: forced?.actorName ?? null,
    };
  }
  const actorName = reason === 'manual' ? registration.candidateName : null;
  return { at, kind: 'submitted', detail: { reason }, actorName };
}
