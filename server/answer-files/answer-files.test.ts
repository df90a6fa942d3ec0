import { and, eq, max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerFile, MyAnswerFiles, PhoneCapture } from '../../shared/api/answer-files.js';
import { PHONE_COOKIE } from '../../shared/api/phone.js';
import type { AttemptView } from '../../shared/api/written-exam.js';
import { paper } from '../db/schema/index.js';
import { tinyPdf, tinyPng } from '../documents/test-files.js';
import { auditEntries, loginStaff } from '../test/demo-logins.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { jpegOrientation } from '../vision/exif-orientation.js';
import { sidewaysJpeg } from '../vision/test-images.js';
import { insertPaper } from '../written-exam/paper-writer.js';
import {
  checkedInWrittenCandidate,
  setWrittenRules,
  writtenExam,
} from '../written-exam/written-test-helpers.js';

// 上传作答 through the routes: photos into the candidate's own open attempt from the PC and the
// paired phone, checked by content, counted, closed with the attempt, read by staff (audited).

const MINUTE = 60_000;
const MB = 1024 * 1024;

describe('answer photos (上传作答), through the routes', () => {
  let test: TestApp;
  let startsAt: Date;
  let li: Awaited<ReturnType<typeof checkedInWrittenCandidate>>;
  let wang: Awaited<ReturnType<typeof checkedInWrittenCandidate>>;
  let fileQuestion: string;
  let essayQuestion: string;

  const base = (registrationId: string) => `/api/me/registrations/${registrationId}/attempt`;
  const codeOf = (response: { json: () => unknown }) =>
    (response.json() as { error?: { code: string } }).error?.code;
  const send = (
    client: TestClient,
    url: string,
    payload: Buffer,
    cookies = `invigil_sid=${client.cookie('invigil_sid') ?? ''}`,
  ) =>
    test.app.inject({
      method: 'POST',
      url,
      headers: {
        cookie: `${cookies}; invigil_csrf=${client.cookie('invigil_csrf') ?? ''}`,
        'x-csrf-token': client.cookie('invigil_csrf') ?? '',
        'content-type': 'application/octet-stream',
      },
      payload,
    });
  const upload = (who: typeof li, payload: Buffer, question = fileQuestion, name = 'page 1.png') =>
    send(
      who.client,
      `${base(who.registrationId)}/questions/${question}/files?name=${encodeURIComponent(name)}`,
      payload,
    );
  const saveFiles = (who: typeof li, fileIds: string[], seq: number) =>
    who.client.put(`${base(who.registrationId)}/answers/${fileQuestion}`, {
      answer: { type: 'file', fileIds },
      seq,
    });
  const mine = async (who: typeof li) =>
    (await who.client.get(`${base(who.registrationId)}/files`)).json<MyAnswerFiles>();

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    await setWrittenRules(test, { faceCheckAtSubmit: false });
    ({ startsAt } = await writtenExam(test.database.db));
    test.clock.set(new Date(startsAt.getTime() + 5 * MINUTE));
    const { examId, schoolId } = await writtenExam(test.database.db);
    const [latest] = await test.database.db
      .select({ version: max(paper.version) })
      .from(paper)
      .where(and(eq(paper.examId, examId), eq(paper.kind, 'formal')));
    const { questionIds } = await insertPaper(test.database.db, {
      schoolId,
      examId,
      kind: 'formal',
      version: (latest?.version ?? 0) + 1,
      title: '手写作答',
      sections: [
        {
          title: '一、写作',
          instructions: '',
          questions: [
            {
              points: 10,
              content: {
                type: 'file',
                stem: '手写作文草稿拍照上传',
                maxFiles: 2,
                referenceAnswer: '',
              },
            },
            {
              points: 5,
              content: { type: 'essay', stem: 'Write.', maxLength: 100, referenceAnswer: '' },
            },
          ],
        },
      ],
    });
    [fileQuestion = '', essayQuestion = ''] = questionIds;
    li = await checkedInWrittenCandidate(test, 'WRT2026001');
    wang = await checkedInWrittenCandidate(test, 'WRT2026002');
    for (const who of [li, wang]) {
      const started = await who.client.post(`${base(who.registrationId)}/start`);
      expect(started.statusCode).toBe(200);
    }
  });
  afterAll(() => test.close());

  it('takes a photo into the own attempt, lists it, and the answer then names it', async () => {
    expect(await mine(li)).toEqual({ files: [], phoneCapture: null });
    const response = await upload(li, tinyPng());
    expect(response.statusCode).toBe(200);
    const file = response.json<AnswerFile>();
    expect(file).toMatchObject({
      paperQuestionId: fileQuestion,
      uploadedVia: 'pc',
      displayName: 'page 1.png',
    });
    expect((await mine(li)).files.map((f) => f.id)).toEqual([file.id]);
    expect((await saveFiles(li, [file.id], 1)).statusCode).toBe(200);
    const view = (await li.client.get(base(li.registrationId))).json<{ attempt: AttemptView }>();
    expect(view.attempt.answers).toContainEqual(
      expect.objectContaining({ answer: { type: 'file', fileIds: [file.id] } }),
    );
    const bytes = await li.client.get(`${base(li.registrationId)}/files/${file.id}/content`);
    expect(bytes.statusCode).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/png');
    expect(bytes.rawPayload.equals(tinyPng())).toBe(true);
  });

  it('refuses what is not a photo, a photo too large, and a question that takes none', async () => {
    expect(codeOf(await upload(li, tinyPdf(), fileQuestion, 'essay.pdf'))).toBe(
      'ANSWER_FILE_NOT_IMAGE',
    );
    const renamed = await upload(li, Buffer.from('<html><script>1</script></html>'), fileQuestion);
    expect(renamed.statusCode).toBe(415);
    expect(codeOf(renamed)).toBe('ANSWER_FILE_NOT_IMAGE');
    const huge = Buffer.concat([tinyPng(), Buffer.alloc(11 * MB)]);
    const tooBig = await upload(li, huge);
    expect(tooBig.statusCode).toBe(413);
    expect(codeOf(tooBig)).toBe('FILE_TOO_LARGE');
    expect(codeOf(await upload(li, tinyPng(), essayQuestion))).toBe('QUESTION_NOT_FILE');
    expect(codeOf(await upload(li, tinyPng(), '0e0e0e0e-0000-4000-8000-000000000001'))).toBe(
      'QUESTION_NOT_IN_ATTEMPT',
    );
    expect((await mine(li)).files).toHaveLength(1);
  });

  it('holds a question to its maxFiles, and a removed photo frees its place', async () => {
    // A phone's photo: turned by EXIF, with a comment naming where it was taken.
    const sideways = sidewaysJpeg(32, 24, 6);
    const where = Buffer.from('GPS 31.2304N 121.4737E', 'latin1');
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, where.length + 2]), where]);
    const photo = Buffer.concat([sideways.subarray(0, 2), comment, sideways.subarray(2)]);
    const second = (await upload(li, photo, fileQuestion, 'p2.jpg')).json<{
      id: string;
    }>();
    const kept = await li.client.get(`${base(li.registrationId)}/files/${second.id}/content`);
    expect(kept.rawPayload.includes(where)).toBe(false);
    expect(jpegOrientation(kept.rawPayload)).toBe(6);
    const third = await upload(li, tinyPng());
    expect(third.statusCode).toBe(409);
    expect(codeOf(third)).toBe('ANSWER_FILES_FULL');
    const removed = await li.client.request(
      'DELETE',
      `${base(li.registrationId)}/files/${second.id}`,
    );
    expect(removed.statusCode).toBe(200);
    expect(removed.json<MyAnswerFiles>().files).toHaveLength(1);
    expect((await upload(li, tinyPng())).statusCode).toBe(200);
  });

  it("answers NOT_FOUND for another candidate's attempt and photo, and refuses naming it", async () => {
    const [liFile] = (await mine(li)).files;
    expect(liFile).toBeDefined();
    const liFileId = liFile?.id ?? '';
    const intoLi = await send(
      wang.client,
      `${base(li.registrationId)}/questions/${fileQuestion}/files?name=x.png`,
      tinyPng(),
    );
    expect(intoLi.statusCode).toBe(404);
    expect(codeOf(intoLi)).toBe('NOT_FOUND');
    expect(codeOf(await wang.client.get(`${base(li.registrationId)}/files`))).toBe('NOT_FOUND');
    const read = await wang.client.get(`${base(wang.registrationId)}/files/${liFileId}/content`);
    expect(read.statusCode).toBe(404);
    const remove = await wang.client.request(
      'DELETE',
      `${base(wang.registrationId)}/files/${liFileId}`,
    );
    expect(codeOf(remove)).toBe('NOT_FOUND');
    // 王五's answer may not name 李四's photo, nor a photo of another question.
    const foreign = await saveFiles(wang, [liFileId], 1);
    expect(foreign.statusCode).toBe(400);
    expect(codeOf(foreign)).toBe('ANSWER_FILE_UNKNOWN');
    expect(codeOf(await saveFiles(wang, ['0e0e0e0e-0000-4000-8000-000000000009'], 2))).toBe(
      'ANSWER_FILE_UNKNOWN',
    );
  });

  it('takes a photo from the paired phone once the PC asks for it, and the PC sees it', async () => {
    const phone = wang.phone.client;
    const phoneCookies = `${PHONE_COOKIE}=${phone.cookie(PHONE_COOKIE) ?? ''}`;
    const phoneUpload = () =>
      send(phone, '/api/phone/answer-capture/files?name=camera.jpg', tinyPng(), phoneCookies);
    expect((await phone.get('/api/phone/answer-capture')).json<PhoneCapture>()).toEqual({
      capture: null,
    });
    expect(codeOf(await phoneUpload())).toBe('PHONE_CAPTURE_NONE');
    const asked = await wang.client.put(`${base(wang.registrationId)}/phone-capture`, {
      paperQuestionId: fileQuestion,
    });
    expect(asked.json<MyAnswerFiles>().phoneCapture?.paperQuestionId).toBe(fileQuestion);
    expect(
      codeOf(
        await wang.client.put(`${base(wang.registrationId)}/phone-capture`, {
          paperQuestionId: essayQuestion,
        }),
      ),
    ).toBe('QUESTION_NOT_FILE');
    expect((await phone.get('/api/phone/answer-capture')).json<PhoneCapture>()).toEqual({
      capture: { paperQuestionId: fileQuestion, number: 1, maxFiles: 2, fileCount: 0 },
    });
    const taken = await phoneUpload();
    expect(taken.statusCode).toBe(200);
    expect(taken.json<PhoneCapture>().capture?.fileCount).toBe(1);
    const files = (await mine(wang)).files;
    expect(files.map((file) => file.uploadedVia)).toEqual(['phone']);
    expect((await saveFiles(wang, [files[0]?.id ?? ''], 3)).statusCode).toBe(200);
    // A phone without its cookie is not paired.
    expect(
      codeOf(await send(phone, '/api/phone/answer-capture/files?name=x.png', tinyPng(), '')),
    ).toBe('PHONE_NOT_PAIRED');
  });

  it('lets the exam admin and its 阅卷人 view a photo, audited, and no other staff', async () => {
    const [liFile] = (await mine(li)).files;
    const url = `/api/answer-files/${liFile?.id ?? ''}/content`;
    const admin = await loginStaff(test, 'admin');
    const seen = await admin.get(url);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe('image/png');
    expect(seen.headers['x-content-type-options']).toBe('nosniff');
    // Anonymous marking: not the name the candidate gave the file.
    expect(seen.headers['content-disposition']).toContain('answer-photo.png');
    expect(seen.headers['content-disposition']).not.toContain('page');
    expect(await auditEntries(admin, 'answer_file.viewed')).toHaveLength(1);
    // 周老师 marks WRT2026 (阅卷人); 林老师 holds no marker duty on it.
    expect((await (await loginStaff(test, 'panel2')).get(url)).statusCode).toBe(200);
    expect(codeOf(await (await loginStaff(test, 'panel1')).get(url))).toBe('NOT_FOUND');
    const other = await loginStaff(test, 'fl_admin');
    expect(codeOf(await other.get(url))).toBe('NOT_FOUND');
    expect(codeOf(await li.client.get(url))).toBe('FORBIDDEN');
    expect(await auditEntries(admin, 'answer_file.viewed')).toHaveLength(2);
  });

  it('closes with the attempt: within the grace still taken, after it ATTEMPT_CLOSED', async () => {
    const view = (await li.client.get(base(li.registrationId))).json<{ attempt: AttemptView }>();
    const deadline = new Date(view.attempt.deadline);
    const removable = (await mine(li)).files[0]?.id ?? '';
    await li.client.request('DELETE', `${base(li.registrationId)}/files/${removable}`);
    test.clock.set(new Date(deadline.getTime() + 10_000));
    expect((await upload(li, tinyPng())).statusCode).toBe(200);
    test.clock.set(new Date(deadline.getTime() + 10 * MINUTE));
    const late = await upload(li, tinyPng());
    expect(late.statusCode).toBe(409);
    expect(codeOf(late)).toBe('ATTEMPT_CLOSED');
    const [kept] = (await mine(li)).files;
    expect(
      codeOf(
        await li.client.request('DELETE', `${base(li.registrationId)}/files/${kept?.id ?? ''}`),
      ),
    ).toBe('ATTEMPT_CLOSED');
  });
});
