import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/client.js';
import {
  appUser,
  college,
  exam,
  examSession,
  registration,
  school,
  scoringForm,
  staffAssignment,
} from '../db/schema/index.js';
import { saveStoredFile } from '../files/stored-files.js';
import type { FileStorage } from '../files/storage.js';
import {
  DEMO_CANDIDATES,
  DEMO_COLLEGES,
  DEMO_SCHOOL,
  DEMO_STAFF,
  DEMO_STAFF_PASSWORD,
  INTERVIEW_RULES,
  INTERVIEW_SCORING_FORM,
  NOTICE_TEXT,
  PLEDGE_TEXT,
  WRITTEN_RULES,
  type DemoCollegeKey,
} from './demo-data.js';
import { seedDemoPapers } from './written-papers.js';

const HOUR = 3600_000;

async function readPhoto(name: string): Promise<Buffer> {
  return readFile(fileURLToPath(new URL(`./photos/${name}`, import.meta.url)));
}

/**
 * Seeds the demo school when it is missing: two colleges, an interview exam with a session open
 * now and its 评分表, a written exam tomorrow, staff of every role and three candidates. Returns false when the
 * demo already exists, so starting twice never duplicates it.
 */
export async function seedDemo(db: Database, storage: FileStorage, clock: Clock): Promise<boolean> {
  const existing = await db
    .select({ id: school.id })
    .from(school)
    .where(eq(school.slug, DEMO_SCHOOL.slug));
  if (existing.length > 0) return false;

  const now = clock.now();
  const staffHash = await hashPassword(DEMO_STAFF_PASSWORD);
  const photos = new Map<string, Buffer>();
  for (const candidate of DEMO_CANDIDATES) {
    if (candidate.photo) photos.set(candidate.photo, await readPhoto(candidate.photo));
  }

  await db.transaction(async (tx) => {
    const [demo] = await tx
      .insert(school)
      .values({ ...DEMO_SCHOOL, isDemo: true })
      .returning();
    if (!demo) throw new Error('demo school insert returned nothing');
    const collegeIds = new Map<DemoCollegeKey, string>();
    for (const item of DEMO_COLLEGES) {
      const [row] = await tx
        .insert(college)
        .values({ schoolId: demo.id, name: item.name, nameEn: item.nameEn })
        .returning({ id: college.id });
      if (row) collegeIds.set(item.key, row.id);
    }
    const collegeOf = (key: DemoCollegeKey | null) => (key ? (collegeIds.get(key) ?? null) : null);

    const staffIds = new Map<string, string>();
    for (const person of DEMO_STAFF) {
      const [row] = await tx
        .insert(appUser)
        .values({
          schoolId: person.role === 'platform_admin' ? null : demo.id,
          collegeId: collegeOf(person.college),
          role: person.role,
          name: person.name,
          username: person.username,
          passwordHash: staffHash,
        })
        .returning({ id: appUser.id });
      if (row) staffIds.set(person.username, row.id);
    }

    const [interview] = await tx
      .insert(exam)
      .values({
        schoolId: demo.id,
        collegeId: collegeOf('fl'),
        code: 'INT2026',
        name: '2026年外语类保送生招生考试（面试）',
        kind: 'interview',
        rules: INTERVIEW_RULES,
        pledgeText: PLEDGE_TEXT,
        noticeText: NOTICE_TEXT,
      })
      .returning({ id: exam.id });
    const [written] = await tx
      .insert(exam)
      .values({
        schoolId: demo.id,
        code: 'WRT2026',
        name: '2026年成人学位外语在线考试',
        kind: 'written',
        rules: WRITTEN_RULES,
        pledgeText: PLEDGE_TEXT,
        noticeText: NOTICE_TEXT,
      })
      .returning({ id: exam.id });
    if (!interview || !written) throw new Error('demo exam insert returned nothing');
    // The panel can score from the first interview on, without an admin setting a form first.
    await tx.insert(scoringForm).values({
      examId: interview.id,
      schoolId: demo.id,
      ...INTERVIEW_SCORING_FORM,
      updatedAt: now,
    });

    const [interviewSession] = await tx
      .insert(examSession)
      .values({
        schoolId: demo.id,
        examId: interview.id,
        name: '外国语学院面试第一考场',
        startsAt: new Date(now.getTime() - 10 * 60_000),
        endsAt: new Date(now.getTime() + 8 * HOUR),
      })
      .returning({ id: examSession.id });
    const [writtenSession] = await tx
      .insert(examSession)
      .values({
        schoolId: demo.id,
        examId: written.id,
        name: '学位外语第一考场',
        // In progress, 交卷 open five minutes after the start: a new user sits it at once.
        startsAt: new Date(now.getTime() - (WRITTEN_RULES.minMinutesBeforeSubmit - 5) * 60_000),
        endsAt: new Date(now.getTime() + 8 * HOUR),
      })
      .returning({ id: examSession.id });
    if (!interviewSession || !writtenSession)
      throw new Error('demo session insert returned nothing');
    await seedDemoPapers(tx, { schoolId: demo.id, examId: written.id });

    const assign = async (
      sessionId: string,
      username: string,
      duty: typeof staffAssignment.$inferInsert.duty,
    ) => {
      const userId = staffIds.get(username);
      if (userId)
        await tx.insert(staffAssignment).values({ schoolId: demo.id, sessionId, userId, duty });
    };
    await assign(interviewSession.id, 'waiting1', 'waiting_examiner');
    await assign(interviewSession.id, 'panel1', 'panel_chair');
    await assign(interviewSession.id, 'panel1', 'panel_examiner');
    await assign(interviewSession.id, 'panel2', 'panel_examiner');
    await assign(interviewSession.id, 'proctor1', 'proctor');
    await assign(writtenSession.id, 'proctor1', 'proctor');
    // 阅卷人 of WRT2026: two, so 双评 can be tried once an admin turns it on.
    await assign(writtenSession.id, 'panel2', 'marker');
    await assign(writtenSession.id, 'waiting1', 'marker');

    for (const person of DEMO_CANDIDATES) {
      const bytes = person.photo ? photos.get(person.photo) : undefined;
      const photoFileId = bytes
        ? (
            await saveStoredFile(tx, storage, {
              schoolId: demo.id,
              purpose: 'reference-photos',
              bytes,
              mimeType: 'image/png',
            })
          ).id
        : null;
      const [user] = await tx
        .insert(appUser)
        .values({
          schoolId: demo.id,
          collegeId: collegeOf(person.college),
          role: 'candidate',
          name: person.name,
          phone: person.phone,
          idNumber: person.idNumber,
          mustChangePassword: true,
          photoFileId,
        })
        .returning({ id: appUser.id });
      if (!user) continue;
      if (person.interview) {
        await tx.insert(registration).values({
          schoolId: demo.id,
          examId: interview.id,
          sessionId: interviewSession.id,
          userId: user.id,
          admissionNumber: person.interview,
        });
      }
      if (person.written) {
        await tx.insert(registration).values({
          schoolId: demo.id,
          examId: written.id,
          sessionId: writtenSession.id,
          userId: user.id,
          admissionNumber: person.written,
        });
      }
    }
  });
  return true;
}
