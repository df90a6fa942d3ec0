import { and, count, desc, eq, gte, ilike, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ListAuditLogQuery } from '../../shared/api/audit.js';
import type { AdminScope } from '../admin/policy.js';
import type { Database } from '../db/client.js';
import { appUser, auditLog, college, school } from '../db/schema/index.js';

/** LIKE text with the caller's own wildcards taken literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const actor = alias(appUser, 'actor');
const targetUser = alias(appUser, 'target_user');
const targetCollege = alias(college, 'target_college');
const targetName = sql<string | null>`coalesce(${targetUser.name}, ${targetCollege.name})`;

export type AuditRow = Awaited<ReturnType<AuditRepo['search']>>['rows'][number];

/** Reads the audit log (AuditLog writes it): SQL only. */
export class AuditRepo {
  constructor(private readonly db: Database) {}

  async search(scope: AdminScope, filter: ListAuditLogQuery) {
    const text = filter.q ? `%${escapeLike(filter.q)}%` : undefined;
    const actorText = filter.actor ? `%${escapeLike(filter.actor)}%` : undefined;
    const where: SQL | undefined = and(
      scope.schoolId ? eq(auditLog.schoolId, scope.schoolId) : undefined,
      // A college admin sees what the people of their college did.
      scope.collegeId ? eq(actor.collegeId, scope.collegeId) : undefined,
      filter.action ? like(auditLog.action, `${escapeLike(filter.action)}%`) : undefined,
      actorText ? or(ilike(actor.name, actorText), ilike(actor.username, actorText)) : undefined,
      text
        ? or(
            ilike(auditLog.targetType, text),
            ilike(auditLog.targetId, text),
            ilike(auditLog.detail, text),
            ilike(targetName, text),
          )
        : undefined,
      filter.from ? gte(auditLog.createdAt, new Date(filter.from)) : undefined,
      filter.to ? lte(auditLog.createdAt, new Date(filter.to)) : undefined,
    );
    const [totalRow] = await this.db
      .select({ n: count() })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .leftJoin(targetUser, this.targetIs('user', targetUser.id))
      .leftJoin(targetCollege, this.targetIs('college', targetCollege.id))
      .where(where);
    const rows = await this.db
      .select({
        id: auditLog.id,
        createdAt: auditLog.createdAt,
        action: auditLog.action,
        schoolName: school.name,
        actorId: auditLog.actorId,
        actorName: actor.name,
        actorUsername: actor.username,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        targetName,
        detail: auditLog.detail,
        ip: auditLog.ip,
      })
      .from(auditLog)
      .leftJoin(school, eq(school.id, auditLog.schoolId))
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .leftJoin(targetUser, this.targetIs('user', targetUser.id))
      .leftJoin(targetCollege, this.targetIs('college', targetCollege.id))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.seq))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize);
    return { rows, total: totalRow?.n ?? 0 };
  }

  /** target_id is free text; compare it as text so a non-uuid id never breaks the query. */
  private targetIs(type: string, id: AnyPgColumn): SQL {
    return sql`${auditLog.targetType} = ${type} and ${auditLog.targetId} = ${id}::text`;
  }
}
