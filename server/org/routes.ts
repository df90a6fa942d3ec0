import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import * as api from '../../shared/api/org.js';
import type { Database } from '../db/client.js';
import { college, school } from '../db/schema/index.js';
import { AppError } from '../errors/app-error.js';
import { registerRoute } from '../plugins/http-routes.js';

export function registerOrgRoutes(app: FastifyInstance, db: Database, isDemo: boolean): void {
  registerRoute(app, api.listSchools, async () => ({
    items: await db
      .select({ slug: school.slug, name: school.name, nameEn: school.nameEn })
      .from(school)
      .orderBy(asc(school.name)),
    demo: isDemo,
  }));

  registerRoute(app, api.getSchoolBySlug, async ({ params }) => {
    const [found] = await db.select().from(school).where(eq(school.slug, params.slug)).limit(1);
    if (!found) throw AppError.notFound('school');
    const colleges = await db
      .select({ id: college.id, name: college.name, nameEn: college.nameEn })
      .from(college)
      .where(eq(college.schoolId, found.id))
      .orderBy(asc(college.name));
    return { id: found.id, slug: found.slug, name: found.name, nameEn: found.nameEn, colleges };
  });
}
