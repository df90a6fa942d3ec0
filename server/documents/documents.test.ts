import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyIdentityReview } from '../../shared/api/documents.js';
import { auditLog, storedFile } from '../db/schema/index.js';
import { DEFAULT_DOCUMENT_LIMITS } from './limits.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate } from '../test/demo-logins.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';
import {
  countingBody,
  docxWithPadding,
  exeHeader,
  pngHead,
  tinyPdf,
  tinyPng,
  uploadAs,
  zipOf,
} from './test-files.js';

const MB = 1024 * 1024;
const PNG_LIMIT = 1 * MB;
const GB = 1024 * MB;

describe('身份认证: a candidate uploads, submits and is locked', () => {
  let test: TestApp;
  let zhang: TestClient;
  let li: TestClient;
  let wang: TestClient;

  const mine = async (client: TestClient) => {
    const response = await client.get('/api/me/documents');
    expect(response.statusCode).toBe(200);
    return response.json<MyIdentityReview>();
  };
  const upload = (client: TestClient, name: string, bytes: Buffer) =>
    uploadAs(test.app, client, name, bytes);
  const documentNamed = async (client: TestClient, name: string) => {
    const found = (await mine(client)).documents.find((document) => document.name === name);
    if (!found) throw new Error(`no document ${name}`);
    return found;
  };
  const errorCode = (response: { json: () => unknown }) =>
    (response.json() as { error: { code: string } }).error.code;

  beforeAll(async () => {
    test = await createTestApp({
      documentLimits: {
        ...DEFAULT_DOCUMENT_LIMITS,
        maxBytes: { ...DEFAULT_DOCUMENT_LIMITS.maxBytes, png: PNG_LIMIT },
      },
    });
    await seedDemoInto(test);
    zhang = await loginCandidate(test, 'INT2026', 'INT2026001');
    li = await loginCandidate(test, 'INT2026', 'INT2026002');
    wang = await loginCandidate(test, 'WRT2026', 'WRT2026002');
  });
  afterAll(() => test.close());

  it('starts as 未上传, editable, with the limits shown', async () => {
    const review = await mine(zhang);
    expect(review).toMatchObject({ status: 'not_uploaded', editable: true, documents: [] });
    expect(review.limits.maxFiles).toBe(10);
    expect(review.limits.maxBytes.png).toBe(PNG_LIMIT);
  });

  it('takes a PNG and a PDF judged by their content, as a draft', async () => {
    expect((await upload(zhang, 'photo.png', tinyPng())).statusCode).toBe(200);
    const response = await upload(zhang, '身份证.pdf', tinyPdf());
    expect(response.statusCode).toBe(200);
    const review = response.json<MyIdentityReview>();
    expect(review).toMatchObject({ status: 'draft', editable: true, reason: null });
    expect(review.documents.map((document) => [document.name, document.kind]).sort()).toEqual([
      ['photo.png', 'png'],
      ['身份证.pdf', 'pdf'],
    ]);
    expect((await documentNamed(zhang, '身份证.pdf')).sizeBytes).toBe(tinyPdf().length);
  });

  it('refuses a renamed executable, HTML and an empty file', async () => {
    for (const [name, bytes] of [
      ['x.pdf', exeHeader()],
      ['page.png', Buffer.from('<html><script>alert(1)</script></html>')],
      ['empty.pdf', Buffer.alloc(0)],
      ['report.doc', Buffer.from('plain text, not Word')],
    ] as const) {
      const response = await upload(zhang, name, bytes);
      expect(response.statusCode, name).toBe(415);
      expect(errorCode(response)).toBe('FILE_TYPE_NOT_ALLOWED');
    }
    expect((await mine(zhang)).documents).toHaveLength(2);
  });

  it('shows a path in the name as its last part only, and keeps markup as plain text', async () => {
    const traversal = await upload(li, '../../etc/passwd.png', tinyPng());
    expect(traversal.statusCode).toBe(200);
    await upload(li, 'C:\\Users\\li\\证件照.png', tinyPng());
    await upload(li, '<img src=x onerror=alert(1)>\u202egnp.exe\u0007.png', tinyPng());
    const names = (await mine(li)).documents.map((document) => document.name).sort();
    expect(names).toEqual(['<img src=x onerror=alert(1)>gnp.exe.png', 'passwd.png', '证件照.png']);
    const keys = (await test.database.db.select({ key: storedFile.storageKey }).from(storedFile))
      .map((row) => row.key)
      .filter((key) => key.includes('/documents/'));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f-]+\/documents\/[0-9a-f-]+\.(png|pdf|bin)$/);
  });

  it("serves the candidate's own file with safe headers; someone else's is 404", async () => {
    const pdf = await documentNamed(zhang, '身份证.pdf');
    const own = await zhang.get(`/api/me/documents/${pdf.id}/file`);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(tinyPdf())).toBe(true);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toBe(
      `attachment; filename="___.pdf"; filename*=UTF-8''${encodeURIComponent('身份证.pdf')}`,
    );
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(own.headers['cache-control']).toBe('private, no-store');
    // PDF viewers refuse to render under `sandbox`; scripts and connections stay forbidden.
    expect(own.headers['content-security-policy']).toMatch(/^default-src 'none'/);

    expect((await li.get(`/api/me/documents/${pdf.id}/file`)).statusCode).toBe(404);
    const stolenDelete = await li.request('DELETE', `/api/me/documents/${pdf.id}`);
    expect(stolenDelete.statusCode).toBe(404);
    expect((await mine(zhang)).documents.map((document) => document.id)).toContain(pdf.id);
  });

  it('judges a .docx by the whole file when its first bytes only show a zip', async () => {
    const docx = docxWithPadding(6000);
    expect((await upload(zhang, 'cv.docx', docx)).statusCode).toBe(200);
    const archive = zipOf([{ name: 'scan.txt', data: Buffer.from('hello') }]);
    expect((await upload(zhang, 'scans.zip', archive)).statusCode).toBe(200);
    expect((await documentNamed(zhang, 'cv.docx')).kind).toBe('word');
    expect((await documentNamed(zhang, 'scans.zip')).kind).toBe('zip');
    const file = await zhang.get(
      `/api/me/documents/${(await documentNamed(zhang, 'cv.docx')).id}/file`,
    );
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="cv\.docx"/);
  });

  it('deletes a draft document', async () => {
    const archive = await documentNamed(zhang, 'scans.zip');
    const response = await zhang.request('DELETE', `/api/me/documents/${archive.id}`);
    expect(response.statusCode).toBe(200);
    expect(
      response.json<MyIdentityReview>().documents.map((document) => document.name),
    ).not.toContain('scans.zip');
  });

  it('refuses to submit nothing', async () => {
    const response = await wang.post('/api/me/documents/submit');
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('NO_DOCUMENTS');
  });

  it('submits (待审核) and then refuses uploads, deletes and a second submit', async () => {
    const response = await zhang.post('/api/me/documents/submit');
    expect(response.statusCode).toBe(200);
    const review = response.json<MyIdentityReview>();
    expect(review).toMatchObject({ status: 'pending', editable: false });
    expect(review.submittedAt).toBe(test.clock.now().toISOString());
    const [audit] = await test.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.action, 'documents.submitted'));
    expect(audit).toBeDefined();

    const locked = await upload(zhang, 'more.png', tinyPng());
    expect(locked.statusCode).toBe(409);
    expect(errorCode(locked)).toBe('DOCUMENTS_LOCKED');
    const pdf = await documentNamed(zhang, '身份证.pdf');
    const deleted = await zhang.request('DELETE', `/api/me/documents/${pdf.id}`);
    expect(errorCode(deleted)).toBe('DOCUMENTS_LOCKED');
    expect(errorCode(await zhang.post('/api/me/documents/submit'))).toBe('DOCUMENTS_LOCKED');
    expect((await mine(zhang)).documents).toHaveLength(3);
  });

  it('refuses the 11th document before reading its body', async () => {
    for (let index = 0; index < 10; index++) {
      expect((await upload(wang, `page-${String(index)}.png`, tinyPng())).statusCode).toBe(200);
    }
    const huge = countingBody(pngHead(), 2 * GB);
    const response = await uploadAs(test.app, wang, 'page-11.png', huge.body);
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe('TOO_MANY_FILES');
    expect(huge.pulled()).toBeLessThan(PNG_LIMIT);
    expect((await mine(wang)).documents).toHaveLength(10);
  });

  it('refuses an oversized file at once when Content-Length says so', async () => {
    const huge = countingBody(pngHead(), 2 * GB);
    const response = await uploadAs(test.app, li, 'big.png', huge.body, {
      'content-length': String(2 * GB),
    });
    expect(response.statusCode).toBe(413);
    expect(errorCode(response)).toBe('FILE_TOO_LARGE');
    expect(huge.pulled()).toBeLessThan(PNG_LIMIT);

    // Within the largest limit of any kind, but over the PNG limit: judged from the first bytes.
    const fiveMegabytes = countingBody(pngHead(), 5 * MB);
    const overPng = await uploadAs(test.app, li, 'big.png', fiveMegabytes.body, {
      'content-length': String(5 * MB),
    });
    expect(overPng.statusCode).toBe(413);
    expect(fiveMegabytes.pulled()).toBeLessThan(PNG_LIMIT);
  });

  it('stops reading a streamed body without Content-Length as soon as it passes the limit', async () => {
    const huge = countingBody(pngHead(), 2 * GB);
    const response = await uploadAs(test.app, li, 'big.png', huge.body);
    expect(response.statusCode).toBe(413);
    expect(errorCode(response)).toBe('FILE_TOO_LARGE');
    expect(huge.pulled()).toBeGreaterThan(PNG_LIMIT);
    expect(huge.pulled()).toBeLessThan(PNG_LIMIT + 4 * MB);
    expect((await mine(li)).documents).toHaveLength(3);
  });
});
