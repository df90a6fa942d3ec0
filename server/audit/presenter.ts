import type { AuditEntryView } from '../../shared/api/audit.js';
import type { AuditRow } from './repo.js';

export function presentAuditEntry(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    action: row.action,
    schoolName: row.schoolName,
    actorId: row.actorId,
    actorName: row.actorName,
    actorUsername: row.actorUsername,
    targetType: row.targetType,
    targetId: row.targetId,
    targetName: row.targetName,
    detail: row.detail,
    ip: row.ip,
  };
}
