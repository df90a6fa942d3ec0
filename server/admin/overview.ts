import { and, count, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { getAdminOverview } from '../../shared/api/exams.js';
import { STAFF_ROLES } from '../../shared/enums.js';
import type { AuthContext } from '../auth/auth-context.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/client.js';
import { appUser, college, exam, school } from '../db/schema/index.js';
import type { ExamsRepo } from '../exams/repo.js';
import { sessionStatusAt } from '../exams/session-status.js';
import { registerRoute } from '../plugins/http-routes.js';
import { recentLoginAlerts } from './login-alerts.js';
import { adminScope } from './policy.js';

async function countRows(query: Promise<{ n: number }[]>): Promise<number> {
  return (await query)[0]?.n ?? 0;
}

export function registerAdminOverview(
  app: FastifyInstance,
  db: Database,
  repo: ExamsRepo,
  clock: Clock,
): void {
  registerRoute(app, getAdminOverview, async ({ auth }) => overview(db, repo, clock, auth));
}

async function overview(db: Database, repo: ExamsRepo, clock: Clock, auth: AuthContext) {
  const scope = adminScope(auth.user);
  const schoolFilter = scope.schoolId ? eq(appUser.schoolId, scope.schoolId) : undefined;
  const collegeFilter = scope.collegeId ? eq(appUser.collegeId, scope.collegeId) : undefined;
  const userCount = (roles: readonly (typeof appUser.$inferSelect)['role'][]) =>
    countRows(
      db
        .select({ n: count() })
        .from(appUser)
        .where(and(schoolFilter, collegeFilter, inArray(appUser.role, [...roles]))),
    );
  const sessions = await repo.sessionsInScope(scope);
  const counts = await repo.candidateCounts(sessions.map((row) => row.sessionId));
  const now = clock.now();
  return {
    scope: { schoolName: auth.user.schoolName, collegeName: auth.user.collegeName },
    counts: {
      schools: scope.schoolId ? 1 : await countRows(db.select({ n: count() }).from(school)),
      colleges: scope.collegeId
        ? 1
        : await countRows(
            db
              .select({ n: count() })
              .from(college)
              .where(scope.schoolId ? eq(college.schoolId, scope.schoolId) : undefined),
          ),
      exams: await countRows(
        db
          .select({ n: count() })
          .from(exam)
          .where(
            and(
              scope.schoolId ? eq(exam.schoolId, scope.schoolId) : undefined,
              scope.collegeId ? eq(exam.collegeId, scope.collegeId) : undefined,
            ),
          ),
      ),
      sessions: sessions.length,
      candidates: await userCount(['candidate']),
      staff: await userCount(STAFF_ROLES),
    },
    sessions: sessions.map(({ rules, ...row }) => ({
      ...row,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      status: sessionStatusAt(now, row, rules.preEntryMinutes),
      candidateCount: counts.get(row.sessionId) ?? 0,
    })),
    loginAlerts: await recentLoginAlerts(db, scope, now),
  };
}
