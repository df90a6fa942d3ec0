import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyIdentityReview } from '../../shared/api/documents.js';
import { buildZip } from '../roster/roster-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { sidewaysJpeg } from '../vision/test-images.js';
import { docxWithPadding, tinyPdf, tinyPng, uploadAs, zipOf } from './test-files.js';

const MB = 1024 * 1024;
const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');

describe('身份认证: hostile uploads judged by their whole content', () => {
  let test: TestApp;
  let zhang: TestClient;

  const upload = (name: string, bytes: Buffer) => uploadAs(test.app, zhang, name, bytes);
  const codeOf = (response: { json: () => unknown }) =>
    (response.json() as { error: { code: string } }).error.code;
  const names = async () =>
    (await zhang.get('/api/me/documents'))
      .json<MyIdentityReview>()
      .documents.map((document) => document.name);

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    zhang = await loginCandidate(test, 'INT2026', 'INT2026001');
  });
  afterAll(() => test.close());

  it('refuses a PNG header followed by HTML, HTML after a whole PNG, and a cut JPEG', async () => {
    const png = tinyPng();
    const headThenHtml = await upload('scan.png', Buffer.concat([png.subarray(0, 33), HTML]));
    expect(headThenHtml.statusCode).toBe(400);
    expect(codeOf(headThenHtml)).toBe('FILE_DAMAGED');
    expect(codeOf(await upload('scan.png', Buffer.concat([png, HTML])))).toBe('FILE_DAMAGED');
    const jpeg = sidewaysJpeg(64, 64, 1);
    expect(codeOf(await upload('scan.jpg', jpeg.subarray(0, jpeg.length - 40)))).toBe(
      'FILE_DAMAGED',
    );
    expect(await names()).toEqual([]);
    // Whole pictures are taken as before.
    expect((await upload('photo.png', png)).statusCode).toBe(200);
    expect((await upload('photo.jpg', jpeg)).statusCode).toBe(200);
  });

  it('refuses a zip of 150 MB of zeros, many small zero files, and a zip lying about sizes', async () => {
    const zeros = buildZip([{ name: 'scan.bin', data: Buffer.alloc(150 * MB) }]);
    expect(zeros.length).toBeLessThan(1 * MB);
    const bomb = await upload('材料.zip', zeros);
    expect(bomb.statusCode).toBe(400);
    expect(codeOf(bomb)).toBe('ARCHIVE_REJECTED');

    const manySmall = buildZip(
      Array.from({ length: 200 }, (_, i) => ({ name: `${String(i)}.bin`, data: Buffer.alloc(MB) })),
    );
    expect(codeOf(await upload('many.zip', manySmall))).toBe('ARCHIVE_REJECTED');

    const liar = buildZip([
      { name: 'small.txt', data: Buffer.alloc(40 * MB, 'a'), declaredSize: 1000 },
    ]);
    expect(codeOf(await upload('liar.zip', liar))).toBe('ARCHIVE_REJECTED');
    // A .docx is a zip and is held to the same limits.
    const docxBomb = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.alloc(150 * MB) },
    ]);
    expect(codeOf(await upload('简历.docx', docxBomb))).toBe('ARCHIVE_REJECTED');
    expect(await names()).not.toContain('材料.zip');
  });

  it('keeps ordinary archives and Office files working', async () => {
    const archive = buildZip([
      { name: 'scan.txt', data: Buffer.from('证书扫描件 '.repeat(2000)) },
      { name: 'photo.png', data: tinyPng(), deflate: false },
    ]);
    expect((await upload('scans.zip', archive)).statusCode).toBe(200);
    expect((await upload('cv.docx', docxWithPadding(6000))).statusCode).toBe(200);
    expect((await upload('plain.zip', zipOf([{ name: 'a.txt', data: HTML }]))).statusCode).toBe(
      200,
    );
  });

  it('downloads a PDF unless our own page frames it, so a PDF/HTML polyglot is never a page', async () => {
    const polyglot = Buffer.concat([tinyPdf(), HTML]);
    expect((await upload('证明.pdf', polyglot)).statusCode).toBe(200);
    const review = (await zhang.get('/api/me/documents')).json<MyIdentityReview>();
    const pdf = review.documents.find((document) => document.name === '证明.pdf');
    const url = `/api/me/documents/${pdf?.id ?? ''}/file`;
    const get = (headers: Record<string, string>) =>
      test.app.inject({
        method: 'GET',
        url,
        headers: { cookie: `invigil_sid=${zhang.cookie('invigil_sid') ?? ''}`, ...headers },
      });

    const opened = await get({ 'sec-fetch-dest': 'document', 'sec-fetch-site': 'none' });
    expect(opened.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await get({})).headers['content-disposition']).toMatch(/^attachment;/);
    const foreignFrame = await get({ 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'cross-site' });
    expect(foreignFrame.headers['content-disposition']).toMatch(/^attachment;/);

    const preview = await get({ 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'same-origin' });
    expect(preview.headers['content-disposition']).toMatch(/^inline;/);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(preview.headers['x-content-type-options']).toBe('nosniff');
    expect(preview.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });
});
