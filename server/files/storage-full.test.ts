import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyIdentityReview } from '../../shared/api/documents.js';
import type { Readiness } from '../../shared/api/system.js';
import { tinyPdf, tinyPng, uploadAs } from '../documents/test-files.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { LocalFolderStorage } from './storage.js';

/** A local folder whose writes fail with ENOSPC while `isFull`, as a full disk does. */
class FillableStorage extends LocalFolderStorage {
  isFull = false;

  override async put(key: string, bytes: Uint8Array): Promise<void> {
    if (!this.isFull) return super.put(key, bytes);
    await Promise.resolve();
    throw Object.assign(new Error(`ENOSPC: no space left on device, write '${key}'`), {
      code: 'ENOSPC',
      errno: -28,
    });
  }
}

describe('File storage out of space', () => {
  let test: TestApp;
  let zhang: TestClient;
  let storage: FillableStorage;

  const ready = async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/ready' });
    expect(response.statusCode).toBe(200);
    return response.json<Readiness>();
  };
  const metrics = async () => {
    const response = await test.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.body;
  };

  beforeAll(async () => {
    storage = new FillableStorage(mkdtempSync(join(tmpdir(), 'invigil-full-')));
    test = await createTestApp({ storage });
    await seedDemoInto(test);
    zhang = await loginCandidate(test, 'INT2026', 'INT2026001');
  });
  afterAll(() => test.close());

  it('answers 507 STORAGE_FULL with a clear message, and keeps what was stored', async () => {
    expect((await uploadAs(test.app, zhang, 'before.pdf', tinyPdf())).statusCode).toBe(200);
    expect((await ready()).status).toBe('ready');

    storage.isFull = true;
    const refused = await uploadAs(test.app, zhang, 'photo.png', tinyPng());
    expect(refused.statusCode).toBe(507);
    expect(refused.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'STORAGE_FULL',
      message: expect.stringContaining('存储空间已满') as unknown,
    });
    const english = await uploadAs(test.app, zhang, 'photo.png', tinyPng(), {
      'accept-language': 'en',
    });
    // A logged-in user's own language wins; Zhang's is Chinese.
    expect(english.json<{ error: { message: string } }>().error.message).toContain('存储空间');

    const review = (await zhang.get('/api/me/documents')).json<MyIdentityReview>();
    expect(review.documents.map((document) => document.name)).toEqual(['before.pdf']);
    const [before] = review.documents;
    const download = await zhang.get(`/api/me/documents/${before?.id ?? ''}/file`);
    expect(download.rawPayload.equals(tinyPdf())).toBe(true);
  });

  it('tells staff through /api/ready (degraded, still ready) and /metrics', async () => {
    expect(await ready()).toMatchObject({ status: 'degraded', storage: 'full' });
    const text = await metrics();
    expect(text).toContain('invigil_storage_full 1');
    expect(text).toContain('invigil_storage_write_failures_total{reason="no_space"} 2');
    expect(text).toMatch(/invigil_http_responses_total\{class="5xx"\} 2/);
  });

  it('recovers once a write succeeds again', async () => {
    storage.isFull = false;
    expect((await uploadAs(test.app, zhang, 'photo.png', tinyPng())).statusCode).toBe(200);
    expect((await ready()).storage).not.toBe('full');
    expect(await metrics()).toContain('invigil_storage_full 0');
  });
});
