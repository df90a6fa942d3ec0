import type { CheckInRepo } from '../check-in/repo.js';
import type { RouteDeps } from '../route-deps.js';
import { attemptDeadline } from './attempt-clock.js';
import { timingOf } from './attempt-service.js';
import type { OutageRepo, OutageRow, PcSighting } from './outage-repo.js';
import { outageRulesOf, settleOutage } from './outage-rule.js';

type Deps = Pick<RouteDeps, 'clock' | 'audit'> & {
  /** The attempt's deadline moved: its page is told to read it again. */
  onDeadlineMoved?: (registrationId: string) => void;
};

/**
 * Outage protection (outage-rule.ts) over the database, so it holds across nodes and restarts:
 * the realtime layer reports what it sees of candidates' PCs (`seen`), a sweep opens outages for
 * attempts gone quiet (`sweep`), and the first sighting after one closes it once, under the
 * attempt's lock, giving the lost time back where the exam allows. Presence is only ever what a
 * server observed (sockets and their pings); nothing a page says about lost time is taken.
 */
export class OutageService {
  constructor(
    private readonly repo: OutageRepo,
    private readonly checkIns: Pick<CheckInRepo, 'registration'>,
    private readonly deps: Deps,
  ) {}

  /**
   * PCs seen (a socket connected or heard from): their attempts' last sighting moves forward,
   * and the open outage of a registration seen is closed. `sightingOnly`: the last sighting of a
   * socket just gone, or a request of the page (its socket, when back, closes the outage and
   * tells the page its new deadline), which move the sighting only.
   */
  async seen(sightings: readonly PcSighting[], sightingOnly = false): Promise<void> {
    if (sightings.length === 0) return;
    await this.repo.markSeen(sightings);
    if (sightingOnly) return;
    const open = await this.repo.openOutagesOf(sightings.map((s) => s.registrationId));
    for (const { attemptId, registrationId } of open) await this.settle(attemptId, registrationId);
  }

  /**
   * Opens outages for attempts whose PC has been gone past their threshold, and ends those of
   * attempts submitted meanwhile (the deadline sweep runs it after submitting what is due).
   */
  async sweep(): Promise<{ opened: number; closed: number }> {
    const closed = await this.repo.closeForClosedAttempts();
    const opened = await this.repo.openDue(this.deps.clock.now());
    return { opened: opened.length, closed };
  }

  /**
   * Closes the attempt's open outage now, once (null when none was open): what it gives back is
   * decided on the locked attempt (outage-rule.ts settleOutage). Each compensation is audited.
   */
  async settle(attemptId: string, registrationId: string): Promise<OutageRow | null> {
    const registration = await this.checkIns.registration(registrationId);
    if (!registration) return null;
    const rules = outageRulesOf(registration.rules);
    const now = this.deps.clock.now();
    const closed = await this.repo.close(attemptId, (locked, open) => {
      const timing = timingOf(registration, locked);
      const settlement = settleOutage(timing, rules, open.startedAt, now);
      const deadlineAt = attemptDeadline({
        ...timing,
        compensationMinutes: timing.compensationMinutes + settlement.minutes,
      });
      return { ...settlement, endedAt: now, deadlineAt };
    });
    if (!closed) return null;
    const { outage, attempt } = closed;
    if (outage.compensationMinutes > 0) {
      await this.deps.audit.record({
        schoolId: attempt.schoolId,
        actorId: null,
        action: 'attempt.outage_compensated',
        targetType: 'registration',
        targetId: registrationId,
        detail: `${registration.admissionNumber} ${String(outage.lostSeconds ?? 0)} s +${String(outage.compensationMinutes)} min → ${attempt.deadlineAt.toISOString()}`,
      });
      this.deps.onDeadlineMoved?.(registrationId);
    }
    return outage;
  }
}
