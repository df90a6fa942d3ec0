import { z } from 'zod';
import { defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema, pagingQuerySchema, phoneSchema } from './common.js';

/** The staff roles an admin console manages; platform admins are managed by nobody here. */
export const MANAGED_STAFF_ROLES = [
  'examiner',
  'proctor',
  'college_admin',
  'school_admin',
] as const;
export const managedStaffRoleSchema = z.enum(MANAGED_STAFF_ROLES);
export type ManagedStaffRole = z.infer<typeof managedStaffRoleSchema>;

/** The roles a college admin may manage, within their own college. */
export const COLLEGE_MANAGED_ROLES = ['examiner', 'proctor'] as const satisfies ManagedStaffRole[];

const PEOPLE_ADMINS = ['college_admin', 'school_admin'] as const;

const collegeNameSchema = z.string().trim().min(1).max(60);
const collegeNameEnSchema = z.string().trim().max(120);

export const adminCollegeSchema = z.object({
  id: idSchema,
  name: z.string(),
  nameEn: z.string().nullable(),
  disabled: z.boolean(),
  candidateCount: z.number().int(),
  staffCount: z.number().int(),
  createdAt: isoDateTimeSchema,
});
export type AdminCollege = z.infer<typeof adminCollegeSchema>;

const collegeParams = z.strictObject({ collegeId: idSchema });
const staffParams = z.strictObject({ userId: idSchema });

export const listColleges = defineRoute({
  method: 'GET',
  path: '/api/admin/colleges',
  summary: "The colleges of the admin's school (a college admin: their own) with head counts",
  tags: ['people'],
  access: PEOPLE_ADMINS,
  policy: { foreign: 'hidden' },
  response: z.object({ items: z.array(adminCollegeSchema) }),
});

export const createCollegeBodySchema = z.strictObject({
  name: collegeNameSchema,
  nameEn: collegeNameEnSchema.optional(),
});

export const createCollege = defineRoute({
  method: 'POST',
  path: '/api/admin/colleges',
  summary: 'Create a college (school admins); names are unique within the school',
  tags: ['people'],
  access: ['school_admin'],
  policy: { foreign: 'none' },
  body: createCollegeBodySchema,
  response: adminCollegeSchema,
});

export const updateCollegeBodySchema = z.strictObject({
  name: collegeNameSchema.optional(),
  nameEn: collegeNameEnSchema.nullable().optional(),
  disabled: z.boolean().optional(),
});

export const updateCollege = defineRoute({
  method: 'PATCH',
  path: '/api/admin/colleges/:collegeId',
  summary: 'Rename, disable or enable a college (school admins)',
  tags: ['people'],
  access: ['school_admin'],
  policy: { foreign: 'NOT_FOUND' },
  params: collegeParams,
  body: updateCollegeBodySchema,
  response: adminCollegeSchema,
});

export const staffMemberSchema = z.object({
  id: idSchema,
  name: z.string(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  role: managedStaffRoleSchema,
  collegeId: idSchema.nullable(),
  collegeName: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Wrong passwords lately: some logins of this account need a picture code or a wait. */
  loginRestricted: z.boolean(),
  createdAt: isoDateTimeSchema,
  /** Whether the caller may disable, enable or reset this account. */
  canManage: z.boolean(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const listStaffQuerySchema = pagingQuerySchema.extend({
  q: z.string().trim().max(64).optional(),
  role: managedStaffRoleSchema.optional(),
  collegeId: idSchema.optional(),
});
export type ListStaffQuery = z.infer<typeof listStaffQuerySchema>;

export const listStaff = defineRoute({
  method: 'GET',
  path: '/api/admin/staff',
  summary: 'Staff accounts in scope; q searches name, username and phone',
  tags: ['people'],
  access: PEOPLE_ADMINS,
  policy: { foreign: 'hidden' },
  query: listStaffQuerySchema,
  response: z.object({ items: z.array(staffMemberSchema), total: z.number().int() }),
});

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, 'INVALID_USERNAME');

export const createStaffBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(40),
  username: usernameSchema,
  phone: phoneSchema.optional(),
  role: managedStaffRoleSchema,
  collegeId: idSchema.nullable().optional(),
});
export type CreateStaffBody = z.infer<typeof createStaffBodySchema>;

/** A new or reset account and its temporary password, shown once and never stored in clear. */
export const staffWithPasswordSchema = z.object({
  staff: staffMemberSchema,
  temporaryPassword: z.string(),
});

export const createStaff = defineRoute({
  method: 'POST',
  path: '/api/admin/staff',
  summary: 'Create a staff account with a temporary password that must be changed at first login',
  tags: ['people'],
  access: PEOPLE_ADMINS,
  policy: { foreign: 'NOT_FOUND', foreignFor: { college_admin: 'FORBIDDEN' } },
  body: createStaffBodySchema,
  response: staffWithPasswordSchema,
});

export const setStaffDisabled = defineRoute({
  method: 'PUT',
  path: '/api/admin/staff/:userId/disabled',
  summary: 'Disable (ending every session) or enable a staff account',
  tags: ['people'],
  access: PEOPLE_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: staffParams,
  body: z.strictObject({ disabled: z.boolean() }),
  response: staffMemberSchema,
});

export const resetStaffPassword = defineRoute({
  method: 'POST',
  path: '/api/admin/staff/:userId/password-reset',
  summary: 'Give a staff account a new temporary password and end its sessions',
  tags: ['people'],
  access: PEOPLE_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: staffParams,
  response: staffWithPasswordSchema,
});

export const unlockStaffLogin = defineRoute({
  method: 'POST',
  path: '/api/admin/staff/:userId/login-unlock',
  summary:
    'Lift the login limits (picture code, waits) that wrong passwords put on a staff account, ' +
    'for every client',
  tags: ['people'],
  access: PEOPLE_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: staffParams,
  response: staffMemberSchema,
});
