import type { PhoneStatus } from '../../../../../shared/events.js';
import { onSocketCreated } from '../../../../api/socket.js';

/**
 * The latest `phone:status` of each registration, for the whole page (check-in, 候考区, the
 * room). It listens from the socket's creation: the server sends the full state right on every
 * (re)connect, often before the page's phone panel is mounted, and a panel mounted later (after
 * navigating from the check-in to the 候考区) must show what the socket already said rather
 * than an older HTTP answer.
 */
const latest = new Map<string, PhoneStatus>();
const listeners = new Set<() => void>();

onSocketCreated((socket) => {
  socket.on('phone:status', (status) => {
    latest.set(status.registrationId, status);
    for (const listener of listeners) listener();
  });
});

/** Calls `listener` after every status received; returns the unsubscribe. */
export function subscribePhoneStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What the socket last said about a registration's phone, if it said anything yet. */
export function latestPhoneStatus(registrationId: string): PhoneStatus | undefined {
  return latest.get(registrationId);
}
