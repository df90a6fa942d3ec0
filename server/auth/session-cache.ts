import type { SessionUser } from '../../shared/api/auth.js';
import { TtlCache } from '../system/ttl-cache.js';

/** A live login session as the database answered it, with its user. */
export interface LiveSession {
  userId: string;
  lastSeenAt: Date;
  mustChangePassword: boolean;
  user: Omit<SessionUser, 'mustChangePassword'>;
}

/**
 * How long an authenticated session is trusted without asking the database again. Every API
 * request authenticates, and a candidate's autosave sends several a second: without this, each
 * costs a round trip before any work (bench/autosave). Revocations on this node (logout, password
 * change or reset, disabling an account) forget their entries at once; on another node of a
 * cluster a revoked session stays usable for at most this long (docs/security.md).
 */
export const SESSION_CACHE_MS = 2_000;
const MAX_ENTRIES = 50_000;

/** Recently authenticated sessions by token hash; never a refusal, only live sessions. */
export class SessionCache extends TtlCache<string, LiveSession> {
  constructor(ttlMs = SESSION_CACHE_MS, maxEntries = MAX_ENTRIES) {
    super(ttlMs, maxEntries);
  }

  forgetToken(tokenHash: string): void {
    this.delete(tokenHash);
  }

  /** Every cached session of these users (their sessions were ended or their account changed). */
  forgetUsers(userIds: readonly string[]): void {
    if (userIds.length === 0) return;
    const users = new Set(userIds);
    this.deleteWhere((session) => users.has(session.userId));
  }

  /** Every cached session of a school's people (its name or time zone changed). */
  forgetSchool(schoolId: string): void {
    this.deleteWhere((session) => session.user.schoolId === schoolId);
  }

  /** Every cached session of a college's people (its name changed). */
  forgetCollege(collegeId: string): void {
    this.deleteWhere((session) => session.user.collegeId === collegeId);
  }
}
