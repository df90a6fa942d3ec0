import { PHONE_LOST_AFTER_MS, type PhoneState } from '../../shared/enums.js';
import type { PhoneStatus } from '../../shared/events.js';
import type { Clock } from '../clock.js';
import type { PhoneRow } from './repo.js';

/**
 * The phone's state from its pairing and its last heartbeat, at `now`: the one presence rule,
 * for the sockets and the HTTP check-in alike (live while the last heartbeat is at most
 * PHONE_LOST_AFTER_MS old, lost after that, unpaired without a live pairing).
 */
export function phoneStateOf(
  phone: { isPaired: boolean; lastSeenAt: Date | null },
  now: Date,
): PhoneState {
  if (!phone.isPaired) return 'unpaired';
  const seen = phone.lastSeenAt;
  return seen && now.getTime() - seen.getTime() <= PHONE_LOST_AFTER_MS ? 'live' : 'lost';
}

const phoneOfRow = (row: Pick<PhoneRow, 'pairingId' | 'lastSeenAt'>) => ({
  isPaired: row.pairingId !== null,
  lastSeenAt: row.lastSeenAt,
});

export function phoneStatusOf(
  row: PhoneRow,
  now: Date,
  publisherSocketId: string | null,
): PhoneStatus {
  const state = phoneStateOf(phoneOfRow(row), now);
  return {
    registrationId: row.registrationId,
    state,
    pairedAt: state === 'unpaired' ? null : (row.pairedAt?.toISOString() ?? null),
    lastSeenAt: state === 'unpaired' ? null : (row.lastSeenAt?.toISOString() ?? null),
    publisherSocketId: state === 'unpaired' ? null : publisherSocketId,
  };
}

interface Watched {
  sessionId: string;
  lastSeenAt: number;
}

/**
 * Which phones this node saw live, so a sweep can tell when one goes quiet. The database keeps
 * the last heartbeat (every node and every reconnect reads it); this only remembers the live ones
 * to announce the moment they turn `lost`. It is told about changes and calls back; it never
 * emits itself, so it is tested without sockets or sleeping.
 */
export class PhonePresence {
  private readonly live = new Map<string, Watched>();

  constructor(
    private readonly clock: Clock,
    private readonly onLost: (registrationId: string, sessionId: string) => void,
  ) {}

  /** A heartbeat arrived; true when the phone was not known live (announce it). */
  heartbeat(registrationId: string, sessionId: string): boolean {
    const wasLive = this.live.has(registrationId);
    this.live.set(registrationId, { sessionId, lastSeenAt: this.clock.now().getTime() });
    return !wasLive;
  }

  /** What the database says after a change: remember live phones, forget the rest. */
  observe(row: PhoneRow): void {
    if (phoneStateOf(phoneOfRow(row), this.clock.now()) === 'live' && row.lastSeenAt) {
      this.live.set(row.registrationId, {
        sessionId: row.sessionId,
        lastSeenAt: row.lastSeenAt.getTime(),
      });
    } else this.live.delete(row.registrationId);
  }

  /** Turns every phone silent for more than PHONE_LOST_AFTER_MS `lost`, once. */
  sweep(): void {
    const now = this.clock.now().getTime();
    for (const [registrationId, watched] of this.live) {
      if (now - watched.lastSeenAt <= PHONE_LOST_AFTER_MS) continue;
      this.live.delete(registrationId);
      this.onLost(registrationId, watched.sessionId);
    }
  }
}
