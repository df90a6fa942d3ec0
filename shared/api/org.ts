import { z } from 'zod';
import { defineRoute } from './contract.js';
import { idSchema, slugSchema } from './common.js';
import { timeZoneSchema } from '../time-zone.js';

export const collegeSchema = z.object({
  id: idSchema,
  name: z.string(),
  nameEn: z.string().nullable(),
});

export const schoolPublicSchema = z.object({
  id: idSchema,
  slug: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  colleges: z.array(collegeSchema),
});
export type SchoolPublic = z.infer<typeof schoolPublicSchema>;

export const getSchoolBySlug = defineRoute({
  method: 'GET',
  path: '/api/schools/:slug',
  summary: 'Public facts a school login page shows: name and colleges',
  tags: ['org'],
  access: 'public',
  policy: { foreign: 'none' },
  params: z.strictObject({ slug: slugSchema }),
  response: schoolPublicSchema,
});

export const listSchools = defineRoute({
  method: 'GET',
  path: '/api/schools',
  summary: 'Schools hosted on this deployment, for the landing page',
  tags: ['org'],
  access: 'public',
  policy: { foreign: 'none' },
  response: z.object({
    items: z.array(z.object({ slug: z.string(), name: z.string(), nameEn: z.string().nullable() })),
    demo: z.boolean(),
  }),
});

// ---- The school's own settings (school admins) -----------------------------------------------

export const schoolSettingsSchema = z.object({
  schoolId: idSchema,
  /** IANA zone name: times are shown in it and the admins' date fields are read in it. */
  timeZone: z.string(),
});
export type SchoolSettings = z.infer<typeof schoolSettingsSchema>;

export const getSchoolSettings = defineRoute({
  method: 'GET',
  path: '/api/admin/school/settings',
  summary: 'The school admin’s own school settings (its time zone)',
  tags: ['org'],
  access: ['school_admin'],
  policy: { foreign: 'none' },
  response: schoolSettingsSchema,
});

export const putSchoolSettings = defineRoute({
  method: 'PUT',
  path: '/api/admin/school/settings',
  summary: 'Set the school’s time zone (an IANA name such as Asia/Shanghai)',
  tags: ['org'],
  access: ['school_admin'],
  policy: { foreign: 'none' },
  body: z.strictObject({ timeZone: timeZoneSchema }),
  response: schoolSettingsSchema,
});
