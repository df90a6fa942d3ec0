import { z } from 'zod';
import { defineRoute } from './contract.js';
import { idSchema, slugSchema } from './common.js';

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
