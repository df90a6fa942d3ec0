import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BankPassage, BankQuestion } from '../../shared/api/question-bank.js';
import { bankQuestion, college, school } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries, loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';

const BASE = '/api/admin/question-bank';

const single = (stem: string) => ({
  type: 'single_choice' as const,
  stem,
  options: [
    { id: 'A', text: 'ubiquitous' },
    { id: 'B', text: 'rare' },
  ],
  correct: 'A',
});

describe('question bank routes', () => {
  let test: TestApp;
  let admin: TestClient;
  let flAdmin: TestClient;
  let collegeIds: Record<string, string>;
  let foreignQuestionId: string;

  const create = (client: TestClient, body: Record<string, unknown>) =>
    client.post(`${BASE}/questions`, { defaultPoints: 2, ...body });
  const list = async (client: TestClient, query = '') => {
    const response = await client.get(`${BASE}/questions${query}`);
    expect(response.statusCode).toBe(200);
    return response.json<{ items: BankQuestion[]; total: number; tags: string[] }>();
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await loginStaff(test, 'admin');
    flAdmin = await loginStaff(test, 'fl_admin');
    await admin.get('/api/auth/csrf');
    await flAdmin.get('/api/auth/csrf');
    const { db } = test.database;
    const colleges = await db.select().from(college);
    collegeIds = Object.fromEntries(colleges.map((row) => [row.name, row.id]));
    const [other] = await db
      .insert(school)
      .values({ slug: 'other-school', name: '另一所学校' })
      .returning();
    if (!other) throw new Error('fixture');
    const [foreign] = await db
      .insert(bankQuestion)
      .values({
        schoolId: other.id,
        type: 'single_choice',
        content: single('另一所学校的题目'),
        defaultPoints: 1,
      })
      .returning();
    if (!foreign) throw new Error('fixture');
    foreignQuestionId = foreign.id;
  });
  afterAll(() => test.close());

  it('creates each type, then lists and filters them by type, tag, difficulty and text', async () => {
    const bodies = [
      {
        content: single('"Ubiquitous" most nearly means ___.'),
        tags: ['词汇', 'CET'],
        difficulty: 2,
      },
      {
        content: {
          type: 'multiple_choice',
          stem: 'Which are prime?',
          options: [
            { id: 'A', text: '2' },
            { id: 'B', text: '3' },
            { id: 'C', text: '4' },
          ],
          correct: ['A', 'B'],
          scoring: 'partial',
        },
        tags: ['数学'],
        difficulty: 3,
      },
      {
        content: { type: 'true_false', stem: '北京是中国的首都。', correct: true },
        tags: ['常识'],
      },
      {
        content: {
          type: 'fill_blank',
          stem: 'She has lived here ___ 2010.',
          blanks: [{ accepted: ['since'] }],
        },
        tags: ['语法'],
        difficulty: 2,
        externalKey: 'G-001',
      },
      { content: { type: 'essay', stem: '请写一篇短文。', maxLength: 300 }, defaultPoints: 15 },
      { content: { type: 'file', stem: '上传手写推导过程。', maxFiles: 2 } },
    ];
    // Every question here also carries the tag 套件, so the demo's own bank stays out.
    for (const body of bodies) {
      const response = await create(admin, { ...body, tags: [...(body.tags ?? []), '套件'] });
      expect(response.statusCode, response.body).toBe(200);
    }
    const all = await list(admin, '?tag=套件');
    expect(all.total).toBe(6);
    expect(all.tags).toEqual(expect.arrayContaining(['词汇', 'CET', '数学', '常识', '语法']));
    const fill = all.items.find((item) => item.type === 'fill_blank');
    // The blank's matching rules are stored with their defaults.
    expect(fill?.content).toMatchObject({
      blanks: [{ accepted: ['since'] }],
      matching: { ignoreCase: true, ignoreWidth: true, ignoreSpaces: true },
    });
    expect(fill?.externalKey).toBe('G-001');

    expect(
      (await list(admin, '?tag=套件&type=essay')).items.map((item) => item.content.stem),
    ).toEqual(['请写一篇短文。']);
    expect(
      (await list(admin, `?q=${encodeURIComponent('prime')}`)).items.map((item) => item.type),
    ).toEqual(['multiple_choice']);
    expect((await list(admin, '?tag=套件&difficulty=2')).total).toBe(2);
    expect((await list(admin, `?tag=套件&q=${encodeURIComponent('ubiquitous')}`)).total).toBe(1);
    expect((await list(admin, '?q=G-001')).items[0]?.type).toBe('fill_blank');
    // A wildcard typed in the search is taken literally.
    expect((await list(admin, '?q=%25')).total).toBe(0);
    const paged = await list(admin, '?tag=套件&pageSize=4&page=2');
    expect(paged).toMatchObject({ total: 6 });
    expect(paged.items).toHaveLength(2);
  });

  it('refuses a question whose answer key is not one of its options, naming the field', async () => {
    const response = await create(admin, { content: { ...single('x'), correct: 'Z' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(response.json().error.issues)).toContain('correct');
    const badDifficulty = await create(admin, { content: single('y'), difficulty: 6 });
    expect(badDifficulty.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses points off the 0.5 steps, even a value too small for the database to hold', async () => {
    for (const defaultPoints of [0.3, 1e-320]) {
      const response = await create(admin, {
        content: single(`p${String(defaultPoints)}`),
        defaultPoints,
      });
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(response.json().error.issues)).toContain('POINTS_NOT_HALF_STEP');
    }
  });

  it('updates a question and records who changed it', async () => {
    const created = (
      await create(admin, { content: single('旧题干'), tags: ['旧'] })
    ).json<BankQuestion>();
    const response = await admin.put(`${BASE}/questions/${created.id}`, {
      content: single('新题干'),
      tags: ['新', '新'],
      difficulty: 4,
      defaultPoints: 3,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<BankQuestion>()).toMatchObject({
      content: { stem: '新题干' },
      tags: ['新'],
      difficulty: 4,
      defaultPoints: 3,
    });
    const got = (await admin.get(`${BASE}/questions/${created.id}`)).json<BankQuestion>();
    expect(got.content.stem).toBe('新题干');
    const entries = await auditEntries(admin, 'question.');
    expect(entries.filter((entry) => entry.targetId === created.id).map((e) => e.action)).toEqual([
      'question.updated',
      'question.created',
    ]);
  });

  it('answers QUESTION_KEY_TAKEN for a 题号 another question holds', async () => {
    const response = await create(admin, { content: single('重复题号'), externalKey: 'G-001' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('QUESTION_KEY_TAKEN');
  });

  it('deletes a question', async () => {
    const created = (await create(admin, { content: single('要删除的题') })).json<BankQuestion>();
    expect((await admin.request('DELETE', `${BASE}/questions/${created.id}`)).json()).toEqual({
      ok: true,
    });
    expect((await admin.get(`${BASE}/questions/${created.id}`)).statusCode).toBe(404);
  });

  it("keeps a college admin to their college's questions", async () => {
    const flId = collegeIds['外国语学院'] ?? '';
    const csId = collegeIds['计算机学院'] ?? '';
    const school = (await create(admin, { content: single('全校题') })).json<BankQuestion>();
    const cs = (
      await create(admin, { content: single('计算机学院的题'), collegeId: csId })
    ).json<BankQuestion>();
    // A college admin's question is their college's even when they name none.
    const own = (await create(flAdmin, { content: single('外语学院的题') })).json<BankQuestion>();
    expect(own.collegeId).toBe(flId);

    const seen = await list(flAdmin, `?q=${encodeURIComponent('的题')}`);
    expect(seen.items.map((item) => item.content.stem)).toEqual(['外语学院的题']);
    for (const other of [school, cs]) {
      expect((await flAdmin.get(`${BASE}/questions/${other.id}`)).statusCode).toBe(404);
      const edit = await flAdmin.put(`${BASE}/questions/${other.id}`, {
        content: single('改'),
        defaultPoints: 1,
      });
      expect(edit.json().error.code).toBe('NOT_FOUND');
      expect((await flAdmin.request('DELETE', `${BASE}/questions/${other.id}`)).statusCode).toBe(
        404,
      );
    }
    const elsewhere = await create(flAdmin, { content: single('别的学院'), collegeId: csId });
    expect(elsewhere.json().error.code).toBe('NOT_FOUND');
    // The school admin sees them all.
    expect((await list(admin, '?q=学院的题')).total).toBe(2);
  });

  it("answers NOT_FOUND for another school's question, and leaves it as it was", async () => {
    expect((await admin.get(`${BASE}/questions/${foreignQuestionId}`)).json().error.code).toBe(
      'NOT_FOUND',
    );
    const edit = await admin.put(`${BASE}/questions/${foreignQuestionId}`, {
      content: single('改掉'),
      defaultPoints: 1,
    });
    expect(edit.json().error.code).toBe('NOT_FOUND');
    expect(
      (await admin.request('DELETE', `${BASE}/questions/${foreignQuestionId}`)).statusCode,
    ).toBe(404);
    const [row] = await test.database.db
      .select()
      .from(bankQuestion)
      .where(eq(bankQuestion.id, foreignQuestionId));
    expect(row?.content.stem).toBe('另一所学校的题目');
    expect((await list(admin, '?q=另一所学校')).total).toBe(0);
  });

  it('shares a reading passage between questions, within the admin’s reach', async () => {
    const created = await admin.post(`${BASE}/passages`, {
      title: 'Passage 1',
      text: 'The internet has changed how we read.',
    });
    expect(created.statusCode, created.body).toBe(200);
    const passage = created.json<BankPassage>();
    for (const stem of ['What changed?', 'Why?']) {
      const response = await create(admin, { content: single(stem), passageId: passage.id });
      expect(response.json<BankQuestion>().passageTitle).toBe('Passage 1');
    }
    const passages = (await admin.get(`${BASE}/passages`)).json<{ items: BankPassage[] }>();
    expect(passages.items.find((item) => item.id === passage.id)?.questionCount).toBe(2);
    const renamed = await admin.put(`${BASE}/passages/${passage.id}`, {
      title: 'Passage one',
      text: 'The internet has changed how we read and write.',
    });
    expect(renamed.json<BankPassage>()).toMatchObject({ title: 'Passage one', questionCount: 2 });
    // The college admin neither sees the school-wide passage nor attaches it.
    expect((await flAdmin.get(`${BASE}/passages`)).json<{ items: BankPassage[] }>().items).toEqual(
      [],
    );
    const attach = await create(flAdmin, { content: single('借用材料'), passageId: passage.id });
    expect(attach.json().error.code).toBe('NOT_FOUND');
    const edit = await flAdmin.put(`${BASE}/passages/${passage.id}`, { title: 'x', text: 'y' });
    expect(edit.json().error.code).toBe('NOT_FOUND');
  });
});
