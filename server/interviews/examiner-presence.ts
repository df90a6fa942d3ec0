import { EXAMINER_LEFT_GRACE_MS } from '../../shared/api/interviews.js';
import type { Clock } from '../clock.js';

/**
 * Which staff users have a socket on this node, and since when a user has had none. A sweep
 * answers everyone gone for longer than the grace period, once, so the caller can return their
 * call's candidate to the waiting room; a reload within the grace keeps the call. It never
 * touches sockets or the database itself, so it is tested with a hand-moved clock.
 */
export class ExaminerPresence {
  private readonly sockets = new Map<string, Set<string>>();
  private readonly goneSince = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly graceMs = EXAMINER_LEFT_GRACE_MS,
  ) {}

  /** A socket of this user connected; true when the user just came online. */
  connected(userId: string, socketId: string): boolean {
    const own = this.sockets.get(userId) ?? new Set<string>();
    const cameOnline = own.size === 0;
    own.add(socketId);
    this.sockets.set(userId, own);
    this.goneSince.delete(userId);
    return cameOnline;
  }

  /** A socket of this user went away; true when it was the user's last one. */
  disconnected(userId: string, socketId: string): boolean {
    const own = this.sockets.get(userId);
    if (!own?.delete(socketId)) return false;
    if (own.size > 0) return false;
    this.sockets.delete(userId);
    this.goneSince.set(userId, this.clock.now().getTime());
    return true;
  }

  isOnline(userId: string): boolean {
    return (this.sockets.get(userId)?.size ?? 0) > 0;
  }

  /**
   * A user holds a call: when they have no socket here (a call made without the page's socket,
   * or found in the database after a restart), their grace period starts now.
   */
  watchCaller(userId: string): void {
    if (!this.isOnline(userId) && !this.goneSince.has(userId)) {
      this.goneSince.set(userId, this.clock.now().getTime());
    }
  }

  /** The users gone for longer than the grace period; each is answered once. */
  sweep(): string[] {
    const now = this.clock.now().getTime();
    const left: string[] = [];
    for (const [userId, since] of this.goneSince) {
      if (now - since <= this.graceMs) continue;
      this.goneSince.delete(userId);
      left.push(userId);
    }
    return left;
  }
}
