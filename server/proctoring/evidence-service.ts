import {
  EVIDENCE_EVENT_TYPES,
  EVIDENCE_SNAPSHOT_MAX_BYTES,
} from '../../shared/api/attempt-evidence.js';
import type { AttemptEventType } from '../../shared/api/attempt-events.js';
import type { SessionUser } from '../../shared/api/auth.js';
import type { Actor } from '../audit/audit-log.js';
import { checkInRefusal } from '../check-in/policy.js';
import type { CheckInRepo } from '../check-in/repo.js';
import { assertWholeDocument } from '../documents/content-check.js';
import type { DocumentDownload } from '../documents/download.js';
import { detectDocumentFile } from '../documents/file-kind.js';
import { AppError } from '../errors/app-error.js';
import { readStoredBytes, saveStoredFile } from '../files/stored-files.js';
import type { IncomingUpload } from '../plugins/uploads.js';
import type { RouteDeps } from '../route-deps.js';
import type { SessionRosterRepo } from '../roster/repo.js';
import { withoutMetadata } from '../vision/image-metadata.js';
import { takesPageReports } from '../written-exam/attempt-event-service.js';
import type { AttemptRepo, AttemptRow } from '../written-exam/attempt-repo.js';
import type { EvidenceRepo } from './evidence-repo.js';
import { evidenceRegistration } from './timeline-service.js';

const EVIDENCE: ReadonlySet<AttemptEventType> = new Set(EVIDENCE_EVENT_TYPES);

/**
 * Snapshots one attempt may keep. An honest AI monitor flags a few dozen times in an exam at
 * most; the events themselves are capped at 2,000, which at 400 kB each would let one candidate's
 * page (or a script) fill 800 MB of disk.
 */
export const MAX_SNAPSHOTS_PER_ATTEMPT = 200;

type Deps = Pick<RouteDeps, 'db' | 'clock' | 'audit' | 'storage'> & {
  graceSeconds: number;
  maxSnapshots?: number;
};

function notJpeg(): AppError {
  return AppError.withIssues('FILE_TYPE_NOT_ALLOWED', [{ path: 'file', message: 'JPEG only' }]);
}

/**
 * Evidence snapshots (issue 15 §1): the AI monitor's JPEG of each of its flags, uploaded by the
 * candidate's page once the flag's event is stored, kept without metadata, set once per event.
 * Staff who may read the timeline see it; each view is audited like the timeline.
 */
export class EvidenceService {
  constructor(
    private readonly repo: EvidenceRepo,
    private readonly attempts: Pick<AttemptRepo, 'ownAttemptForSave' | 'formalAttemptOf'>,
    private readonly checkIns: Pick<CheckInRepo, 'registration'>,
    private readonly sessions: SessionRosterRepo,
    private readonly deps: Deps,
  ) {}

  /**
   * Takes the snapshot of one of the candidate's own events. Who, the attempt and the event are
   * checked before a byte is read; the type from the first bytes, the whole picture decoded. A
   * second upload for the event (a replay after a lost answer) keeps the first one.
   */
  async upload(
    user: SessionUser,
    registrationId: string,
    eventId: string,
    upload: IncomingUpload,
  ): Promise<{ stored: boolean }> {
    const row = await this.takingAttempt(user, registrationId);
    const event = await this.repo.event(row.id, eventId);
    // Not stored yet: the page queues the event and its snapshot apart and retries this one.
    if (!event) throw AppError.of('EVENT_NOT_FOUND');
    if (!EVIDENCE.has(event.type)) throw AppError.of('EVIDENCE_NOT_TAKEN');
    const bytes = await upload.read(async (head) => {
      const detected = await detectDocumentFile(head, upload.fileName);
      if (detected?.kind !== 'jpeg') throw notJpeg();
      return EVIDENCE_SNAPSHOT_MAX_BYTES;
    });
    if (event.snapshotKey !== null) return { stored: false };
    await assertWholeDocument(bytes, 'jpeg');
    const max = this.deps.maxSnapshots ?? MAX_SNAPSHOTS_PER_ATTEMPT;
    if ((await this.repo.snapshotCount(row.id)) >= max) {
      throw AppError.of('ATTEMPT_EVENTS_LIMIT', `${String(max)} snapshots stored`);
    }
    // Kept without what the browser or camera wrote into it: staff need the pixels only.
    const kept = withoutMetadata(bytes, 'jpeg');
    const saved = await saveStoredFile(this.deps.db, this.deps.storage, {
      schoolId: row.schoolId,
      purpose: 'evidence',
      bytes: kept,
      mimeType: 'image/jpeg',
    });
    // Two uploads racing past the check above: one sets it, the other's bytes stay unreferenced.
    const stored = await this.repo.setSnapshot(row.id, eventId, {
      key: saved.storageKey,
      bytes: kept.length,
    });
    return { stored };
  }

  /** The snapshot of one event, for the timeline's readers; NOT_FOUND without one. Audited. */
  async snapshot(actor: Actor, registrationId: string, eventId: string): Promise<DocumentDownload> {
    const registration = await evidenceRegistration(
      this.checkIns,
      this.sessions,
      actor.user,
      registrationId,
    );
    const row = await this.attempts.formalAttemptOf(registrationId);
    const event = row ? await this.repo.event(row.id, eventId) : null;
    if (!event?.snapshotKey) throw AppError.notFound('snapshot');
    const bytes = await readStoredBytes(this.deps.storage, event.snapshotKey, 'snapshot');
    await this.deps.audit.recordBy(actor, {
      schoolId: registration.schoolId,
      action: 'attempt.evidence_viewed',
      targetType: 'registration',
      targetId: registration.registrationId,
      detail: `${registration.admissionNumber}: ${event.type} ${event.id}`,
    });
    return { bytes, mimeType: 'image/jpeg', fileName: `evidence-${event.id}.jpg` };
  }

  /** The candidate's own formal attempt, while it takes page reports (events' rules). */
  private async takingAttempt(user: SessionUser, registrationId: string): Promise<AttemptRow> {
    const now = this.deps.clock.now();
    const own = await this.attempts.ownAttemptForSave(user.id, registrationId, now);
    if (own?.examKind !== 'written') throw AppError.notFound('registration');
    const refusal = checkInRefusal(own, 'change');
    if (refusal) throw refusal;
    const row = own.attempt;
    if (!row) throw AppError.of('ATTEMPT_NOT_OPEN_YET');
    if (!takesPageReports(own, row, now, this.deps.graceSeconds)) {
      throw AppError.of('ATTEMPT_CLOSED');
    }
    return row;
  }
}
