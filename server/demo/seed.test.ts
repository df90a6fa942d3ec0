import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, examSession, registration, school } from '../db/schema/index.js';
import { markInterviewed } from '../scoring/scoring-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import type { AttemptView } from '../../shared/api/written-exam.js';
import { loginStaff } from '../test/demo-logins.js';
import { checkedInWrittenCandidate } from '../written-exam/written-test-helpers.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

describe('Demo seed', () => {
  let test: TestApp;
  let sessions: (typeof examSession.$inferSelect)[] = [];

  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  const counts = async () => {
    const db = test.database.db;
    const one = async (
      table: typeof school | typeof appUser | typeof examSession | typeof registration,
    ) => (await db.select({ n: count() }).from(table))[0]?.n;
    return {
      schools: await one(school),
      users: await one(appUser),
      sessions: await one(examSession),
      registrations: await one(registration),
    };
  };

  it('seeds a school with staff of every role and six candidates, once only', async () => {
    await seedDemoInto(test);
    const first = await counts();
    expect(first).toEqual({ schools: 1, users: 13, sessions: 2, registrations: 7 });
    await seedDemoInto(test);
    expect(await counts()).toEqual(first);
  });

  it('has both sessions in progress, the written one with 交卷 open five minutes from now', async () => {
    sessions = await test.database.db.select().from(examSession).orderBy(examSession.startsAt);
    const now = test.clock.now().getTime();
    for (const session of sessions) {
      expect(session.startsAt.getTime()).toBeLessThanOrEqual(now);
      expect(session.endsAt.getTime()).toBeGreaterThan(now + 2 * 3600_000);
    }
    const written = sessions.find((row) => row.name === '学位外语第一考场');
    expect(written?.startsAt.getTime()).toBe(now - 25 * 60_000);
  });

  it('lets 王五 sit the degree-English paper at once: every part, its passages, no answer key', async () => {
    const wang = await checkedInWrittenCandidate(test, 'WRT2026002');
    const started = await wang.client.post(
      `/api/me/registrations/${wang.registrationId}/attempt/start`,
    );
    expect(started.statusCode).toBe(200);
    const view = started.json<AttemptView>();
    expect(view.title).toBe('2026年成人学位英语考试');
    expect(view.sections.map((section) => section.questions.length)).toEqual([5, 6, 5, 2, 3, 2, 1]);
    const questions = view.sections.flatMap((section) => section.questions);
    expect(questions.reduce((sum, question) => sum + question.points, 0)).toBe(100);
    expect(new Set(questions.map((question) => question.question.type))).toEqual(
      new Set(['single_choice', 'true_false', 'multiple_choice', 'fill_blank', 'essay', 'file']),
    );
    const passages = questions.flatMap((question) =>
      question.passage ? [question.passage.title] : [],
    );
    expect(passages.filter((title) => title.startsWith('Passage One'))).toHaveLength(6);
    expect(passages.filter((title) => title.startsWith('Passage Two'))).toHaveLength(5);
    expect(started.body).not.toContain('"correct"');
    expect(started.body).not.toContain('referenceAnswer');
  });

  it('gives the interview a 评分表 the demo panel scores with from the first interview on', async () => {
    const panel = await loginStaff(test, 'panel2');
    const sessionId = sessions.find((row) => row.name === '外国语学院面试第一考场')?.id;
    const page = await panel.get(`/api/examiner/sessions/${sessionId ?? ''}/scores`);
    expect(page.statusCode).toBe(200);
    const { form, items } = page.json<{
      form: {
        criteria: { name: string; maxPoints: number }[];
        maxTotal: number;
        aggregation: string;
      };
      items: { registrationId: string; admissionNumber: string }[];
    }>();
    expect(form).toMatchObject({
      criteria: [
        { name: '专业知识', maxPoints: 40 },
        { name: '综合素质', maxPoints: 30 },
        { name: '外语表达', maxPoints: 20 },
        { name: '仪表礼仪', maxPoints: 10 },
      ],
      maxTotal: 100,
      aggregation: 'trimmed_mean',
    });
    const zhang = items.find((item) => item.admissionNumber === 'INT2026001');
    await markInterviewed(test, zhang?.registrationId ?? '');
    const saved = await panel.put(
      `/api/examiner/registrations/${zhang?.registrationId ?? ''}/score`,
      {
        points: [36, 25.5, 18, 9],
        comment: '',
      },
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ total: 88.5 });
  });
});
