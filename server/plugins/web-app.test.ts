import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from './error-handler.js';
import { installNotFound } from './web-app.js';

const SCRIPT = `export const greeting = ${JSON.stringify('你好 '.repeat(200))};\n`;
const INDEX = `<!doctype html><script type="module" src="/assets/index-Ab12Cd34.js"></script>${' '.repeat(500)}`;
const ASSET_URL = '/assets/index-Ab12Cd34.js';

/** A built web app as scripts/compress-web.mjs leaves it: each file with its .br and .gz copy. */
function writeBuiltApp(): string {
  const dist = mkdtempSync(join(tmpdir(), 'invigil-web-'));
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, '.vite'));
  const files = { 'index.html': INDEX, 'assets/index-Ab12Cd34.js': SCRIPT };
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dist, name), content);
    writeFileSync(join(dist, `${name}.br`), brotliCompressSync(content));
    writeFileSync(join(dist, `${name}.gz`), gzipSync(content));
  }
  writeFileSync(join(dist, '.vite', 'manifest.json'), '{"index.html":{}}');
  return dist;
}

describe('The built web app', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    installErrorHandler(app);
    await installNotFound(app, writeBuiltApp());
  });
  afterAll(() => app.close());

  it('sends brotli to a browser that accepts it, as Chromium asks over HTTPS', async () => {
    const response = await app.inject({
      url: ASSET_URL,
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(SCRIPT);
    expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
  });

  it('sends gzip when brotli is not accepted, and the file itself when nothing is', async () => {
    const gzip = await app.inject({
      url: ASSET_URL,
      headers: { 'accept-encoding': 'gzip, deflate' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(SCRIPT);

    const refusedBrotli = await app.inject({
      url: ASSET_URL,
      headers: { 'accept-encoding': 'br;q=0, gzip' },
    });
    expect(refusedBrotli.headers['content-encoding']).toBe('gzip');

    const identity = await app.inject({ url: ASSET_URL, headers: { 'accept-encoding': '' } });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers.vary).toMatch(/accept-encoding/i);
    expect(identity.body).toBe(SCRIPT);
  });

  it('lets browsers keep hashed assets for a year and revalidate index.html', async () => {
    const asset = await app.inject({ url: ASSET_URL, headers: { 'accept-encoding': 'br' } });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    for (const url of ['/s/demo', '/candidate/registrations/1/check-in', '/index.html']) {
      const page = await app.inject({ url, headers: { 'accept-encoding': 'gzip, br' } });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(page.rawPayload).toString(), url).toBe(INDEX);
    }
  });

  it('does not serve the build manifest, nor a missing asset as the page', async () => {
    for (const url of ['/.vite/manifest.json', '/assets/index-Zz99Zz99.js']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json<{ error: { code: string } }>().error.code, url).toBe('NOT_FOUND');
    }
  });
});
