import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import * as api from '../../shared/api/org.js';
import type { SessionUser } from '../../shared/api/auth.js';
import type { Actor } from '../audit/audit-log.js';
import type { SessionCache } from '../auth/session-cache.js';
import { school } from '../db/schema/index.js';
import { AppError } from '../errors/app-error.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';

/** The school admin's own school: its time zone (shown with every time, read by date fields). */
export function registerSchoolSettingsRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  sessions: Pick<SessionCache, 'forgetSchool'>,
): void {
  const { db, audit } = deps;

  const ownSchool = async (user: SessionUser) => {
    if (!user.schoolId) throw AppError.forbidden('school admins only');
    const [row] = await db.select().from(school).where(eq(school.id, user.schoolId)).limit(1);
    if (!row) throw AppError.notFound('school');
    return row;
  };

  registerRoute(app, api.getSchoolSettings, async ({ auth }) => {
    const row = await ownSchool(auth.user);
    return { schoolId: row.id, timeZone: row.timeZone };
  });

  registerRoute(app, api.putSchoolSettings, async ({ auth, body, request }) => {
    const actor: Actor = { user: auth.user, ip: request.ip };
    const before = await ownSchool(auth.user);
    if (before.timeZone !== body.timeZone) {
      await db.update(school).set({ timeZone: body.timeZone }).where(eq(school.id, before.id));
      // Every signed-in person of the school reads the new zone with their next request.
      sessions.forgetSchool(before.id);
      await audit.recordBy(actor, {
        schoolId: before.id,
        action: 'school.time_zone_set',
        targetType: 'school',
        targetId: before.id,
        detail: `${before.timeZone} → ${body.timeZone}`,
      });
    }
    return { schoolId: before.id, timeZone: body.timeZone };
  });
}
