import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BankQuestion } from '../../shared/api/question-bank.js';
import type { QuestionImage } from '../../shared/api/question-images.js';
import type { QuestionImportResult } from '../../shared/api/question-import.js';
import type { QuestionContent } from '../../shared/questions/question-schema.js';
import { paperQuestion } from '../db/schema/index.js';
import { tinyPng } from '../documents/test-files.js';
import { buildQuestionXlsx, questionRow } from '../question-bank/question-test-files.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate, loginStaff, registrationIdOf } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { mockExamOf, refusal, startedMock } from '../written-exam/mock-test-helpers.js';
import { writtenExam } from '../written-exam/written-test-helpers.js';

// Pictures in questions (issue 14 §1, §7): uploaded and checked by content, named from the text,
// shown to staff of the bank and to candidates only on their own attempt's paper.

const BANK = '/api/admin/question-bank';
const UNKNOWN_IMAGE = '0e0e0e0e-0000-4000-8000-00000000beef';

describe('question pictures, through the routes', () => {
  let test: TestApp;
  let admin: TestClient;

  const uploadImage = (
    client: TestClient,
    bytes: Buffer,
    name = 'figure.png',
    path = `/images?name=${encodeURIComponent(name)}`,
  ) =>
    test.app.inject({
      method: 'POST',
      url: `${BANK}${path}`,
      headers: {
        cookie: `invigil_sid=${client.cookie('invigil_sid') ?? ''}; invigil_csrf=${client.cookie('invigil_csrf') ?? ''}`,
        'x-csrf-token': client.cookie('invigil_csrf') ?? '',
        'content-type': 'application/octet-stream',
      },
      payload: bytes,
    });
  const stemQuestion = (stem: string) => ({
    defaultPoints: 2,
    content: { type: 'true_false', stem, correct: true },
  });
  const uploaded = async () => {
    const response = await uploadImage(admin, tinyPng());
    expect(response.statusCode).toBe(200);
    return response.json<QuestionImage>();
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await loginStaff(test, 'admin');
    await admin.get('/api/auth/csrf');
  });
  afterAll(() => test.close());

  it('keeps an uploaded PNG, and a question naming it with its 说明 is saved and shown to staff', async () => {
    const image = await uploaded();
    expect(image).toMatchObject({ mimeType: 'image/png', width: 1, height: 1 });
    const saved = await admin.post(
      `${BANK}/questions`,
      stemQuestion(`如图所示：![一个白色方块](image:${image.id}) 方块是白色的。`),
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json<BankQuestion>().content.stem).toContain(`image:${image.id}`);

    const file = await admin.get(`${BANK}/images/${image.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a file that is not a picture, and a PNG signature in front of HTML', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    expect(refusal(await uploadImage(admin, html, 'x.png'))).toEqual({
      status: 400,
      code: 'QUESTION_IMAGE_NOT_IMAGE',
    });
    const polyglot = Buffer.concat([tinyPng().subarray(0, 16), html]);
    expect(refusal(await uploadImage(admin, polyglot, 'y.png'))).toEqual({
      status: 400,
      code: 'QUESTION_IMAGE_NOT_IMAGE',
    });
  });

  it('refuses text naming an unknown picture, or a picture without its 说明', async () => {
    const unknown = await admin.post(
      `${BANK}/questions`,
      stemQuestion(`看图 ![图](image:${UNKNOWN_IMAGE})`),
    );
    expect(refusal(unknown)).toEqual({ status: 400, code: 'QUESTION_IMAGE_UNKNOWN' });
    expect(unknown.json<{ error: { issues: { path: string }[] } }>().error.issues).toEqual([
      { path: 'content.stem', message: `image:${UNKNOWN_IMAGE}` },
    ]);
    const image = await uploaded();
    const noAlt = await admin.post(
      `${BANK}/questions`,
      stemQuestion(`看图 ![ ](image:${image.id})`),
    );
    expect(refusal(noAlt)).toEqual({ status: 400, code: 'QUESTION_IMAGE_ALT_MISSING' });
    expect(refusal(await admin.get(`${BANK}/images/${UNKNOWN_IMAGE}`))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  it('refuses a formula KaTeX cannot parse in a stem, an option or a passage', async () => {
    const stem = await admin.post(`${BANK}/questions`, stemQuestion('求 $\\frac{1}$ 的值'));
    expect(refusal(stem)).toEqual({ status: 400, code: 'FORMULA_INVALID' });
    const [issue] = stem.json<{ error: { issues: { path: string; message: string }[] } }>().error
      .issues;
    expect(issue?.path).toBe('content.stem');
    expect(issue?.message).toMatch(/KaTeX parse error/);

    const option = await admin.post(`${BANK}/questions`, {
      defaultPoints: 2,
      content: {
        type: 'single_choice',
        stem: '$x^2 = 4$，则 $x$ 可以是',
        options: [
          { id: 'A', text: '$2$' },
          { id: 'B', text: '$\\href{https://evil.example}{3}$' },
        ],
        correct: 'A',
      },
    });
    expect(refusal(option)).toEqual({ status: 400, code: 'FORMULA_INVALID' });
    expect(option.json<{ error: { issues: { path: string }[] } }>().error.issues[0]?.path).toBe(
      'content.options.1.text',
    );

    const passage = await admin.post(`${BANK}/passages`, { title: '公式', text: '价格 $5 元' });
    expect(refusal(passage)).toEqual({ status: 400, code: 'FORMULA_INVALID' });
    const escaped = await admin.post(`${BANK}/passages`, { title: '价格', text: '价格 \\$5 元' });
    expect(escaped.statusCode).toBe(200);
  });

  it('reports each import row whose formula does not parse or whose picture is unknown', async () => {
    const xlsx = await buildQuestionXlsx([
      questionRow({ type: '判断题', stem: '$\\sqrt{4} = 2$', answer: '对', points: 1 }),
      questionRow({ type: '判断题', stem: '$\\sqrt{4 = 2$', answer: '对', points: 1 }),
      questionRow({
        type: '单选题',
        stem: '$1 + 1$ 等于',
        optionA: '$2$',
        optionB: '$\\foo$',
        answer: 'A',
        points: 1,
      }),
      questionRow({
        type: '判断题',
        stem: `![图](image:${UNKNOWN_IMAGE}) 是图`,
        answer: '对',
        points: 1,
      }),
    ]);
    const response = await uploadImage(admin, xlsx, 'q.xlsx', '/import?mode=validate&name=q.xlsx');
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<QuestionImportResult>();
    expect(result).toMatchObject({ totalRows: 4, validRows: 1, errorRows: 3 });
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'stem',
        code: 'formula_invalid',
        reason: expect.stringMatching(/KaTeX parse error/) as unknown,
      }),
      expect.objectContaining({ line: 4, column: 'optionB', code: 'formula_invalid' }),
      expect.objectContaining({
        line: 5,
        column: 'stem',
        code: 'image_unknown',
        value: `image:${UNKNOWN_IMAGE}`,
      }),
    ]);
  });

  it('shows a candidate a picture only when a question of their own attempt names it', async () => {
    const image = await uploaded();
    const { startsAt } = await writtenExam(test.database.db);
    test.clock.set(new Date(startsAt.getTime() - 120 * 60_000));
    const li = await loginCandidate(test, 'WRT2026', 'WRT2026001');
    const wang = await loginCandidate(test, 'WRT2026', 'WRT2026002');
    const picture = (client: TestClient) => client.get(`/api/me/question-images/${image.id}`);

    const detail = await startedMock(mockExamOf(li, await registrationIdOf(li, 'WRT2026001')));
    expect(refusal(await picture(li))).toEqual({ status: 404, code: 'NOT_FOUND' });

    const first = detail.attempt.sections[0]?.questions[0];
    if (!first) throw new Error('fixture: the mock paper has no question');
    const { db } = test.database;
    const [row] = await db
      .select({ content: paperQuestion.content })
      .from(paperQuestion)
      .where(eq(paperQuestion.id, first.paperQuestionId));
    if (!row) throw new Error('fixture: no paper question');
    const content: QuestionContent = {
      ...row.content,
      stem: `${row.content.stem} ![示意图](image:${image.id})`,
    };
    await db
      .update(paperQuestion)
      .set({ content })
      .where(eq(paperQuestion.id, first.paperQuestionId));

    const shown = await picture(li);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/png');
    expect(refusal(await picture(wang))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(refusal(await li.get(`/api/me/question-images/${UNKNOWN_IMAGE}`))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });

    // Examiners: a 阅卷人 of WRT2026 (the demo's panel2) sees its papers' pictures, another not.
    const staffPicture = (client: TestClient) => client.get(`${BANK}/images/${image.id}`);
    expect((await staffPicture(await loginStaff(test, 'panel2'))).statusCode).toBe(200);
    expect(refusal(await staffPicture(await loginStaff(test, 'panel1')))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
  });
});
