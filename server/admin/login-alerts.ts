import { aliasedTable, and, desc, eq, gt, or, sql } from 'drizzle-orm';
import { loginAlertDetailSchema, type LoginAlert } from '../../shared/api/login-alerts.js';
import type { Database } from '../db/client.js';
import { appUser, auditLog, exam, school } from '../db/schema/index.js';
import type { AdminScope } from './policy.js';

/** How far back the admin home looks for bursts of failed logins, and how many it shows. */
export const LOGIN_ALERT_RULES = { lookBackHours: 24, shown: 10 } as const;

const targetUser = aliasedTable(appUser, 'alert_user');
const targetExam = aliasedTable(exam, 'alert_exam');

const targetIs = (type: string, id: typeof targetUser.id | typeof targetExam.id) =>
  sql`${auditLog.targetType} = ${type} and ${auditLog.targetId} = ${id}::text`;

/**
 * The bursts of failed logins (audit `auth.login_failures_burst`) of the last day in the
 * admin's scope: a school admin's school, a college admin's college (its exams and staff),
 * every school for a platform admin.
 */
export async function recentLoginAlerts(
  db: Database,
  scope: AdminScope,
  now: Date,
): Promise<LoginAlert[]> {
  const since = new Date(now.getTime() - LOGIN_ALERT_RULES.lookBackHours * 3600_000);
  const rows = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      detail: auditLog.detail,
      ip: auditLog.ip,
      schoolName: school.name,
      accountName: targetUser.name,
      accountUsername: targetUser.username,
    })
    .from(auditLog)
    .leftJoin(school, eq(school.id, auditLog.schoolId))
    .leftJoin(targetUser, targetIs('user', targetUser.id))
    .leftJoin(targetExam, targetIs('exam', targetExam.id))
    .where(
      and(
        eq(auditLog.action, 'auth.login_failures_burst'),
        gt(auditLog.createdAt, since),
        scope.schoolId ? eq(auditLog.schoolId, scope.schoolId) : undefined,
        scope.collegeId
          ? or(eq(targetUser.collegeId, scope.collegeId), eq(targetExam.collegeId, scope.collegeId))
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.seq))
    .limit(LOGIN_ALERT_RULES.shown);
  return rows.flatMap((row) => {
    const detail = loginAlertDetailSchema.safeParse(safeJson(row.detail));
    if (!detail.success) return [];
    return [
      {
        id: row.id,
        createdAt: row.createdAt.toISOString(),
        kind: detail.data.kind,
        count: detail.data.count,
        unit: detail.data.unit,
        windowMinutes: detail.data.windowMinutes,
        examCode: detail.data.examCode ?? null,
        accountName: row.accountName,
        accountUsername: row.accountUsername,
        schoolName: row.schoolName,
        ip: row.ip,
      },
    ];
  });
}

function safeJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
