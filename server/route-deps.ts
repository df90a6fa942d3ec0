import type { AuditLog } from './audit/audit-log.js';
import type { Clock } from './clock.js';
import type { Database } from './db/client.js';
import type { FileStorage } from './files/storage.js';

/** What a domain's routes get from buildApp: the database, the clock, the audit log, files. */
export interface RouteDeps {
  db: Database;
  clock: Clock;
  audit: AuditLog;
  storage: FileStorage;
}
