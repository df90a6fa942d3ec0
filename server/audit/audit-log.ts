import type { AuditAction } from '../../shared/api/audit.js';
import type { SessionUser } from '../../shared/api/auth.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';

export interface AuditEntry {
  schoolId: string | null;
  actorId: string | null;
  /** One of shared/api/audit.ts AUDIT_ACTIONS: the audit search and its labels know each. */
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  detail?: string;
  ip?: string;
}

/** Who acted, and from which address: what every logged-in change is recorded with. */
export interface Actor {
  user: SessionUser;
  ip: string;
}

/** Appends who did what to the audit log; admins search it later. */
export class AuditLog {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db.insert(auditLog).values({ ...entry, createdAt: this.clock.now() });
  }

  /** Records a change made by a logged-in user. */
  recordBy(actor: Actor, entry: Omit<AuditEntry, 'actorId' | 'ip'>): Promise<void> {
    return this.record({ ...entry, actorId: actor.user.id, ip: actor.ip });
  }
}
