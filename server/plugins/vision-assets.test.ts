import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from './error-handler.js';
import { HUMAN_MODELS_PREFIX, registerVisionAssets, TFJS_WASM_PREFIX } from './vision-assets.js';
import { installNotFound } from './web-app.js';

describe('Vision assets', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    installErrorHandler(app);
    app.decorateRequest('auth', null);
    await registerVisionAssets(app);
    // The web app serves its own static files beside ours; both must coexist.
    const dist = mkdtempSync(join(tmpdir(), 'invigil-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html>');
    await installNotFound(app, dist);
  });
  afterAll(() => app.close());

  it('serves a Human model graph as JSON with a cache header', async () => {
    const response = await app.inject({ url: `${HUMAN_MODELS_PREFIX}blazeface.json` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toMatch(/max-age=\d{5,}/);
    expect(response.json<{ format: string }>().format).toBe('graph-model');
  });

  it('serves model weights as binary', async () => {
    const response = await app.inject({ url: `${HUMAN_MODELS_PREFIX}facemesh.bin` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/octet-stream');
  });

  it('serves the tfjs WASM binary as application/wasm', async () => {
    const response = await app.inject({ url: `${TFJS_WASM_PREFIX}tfjs-backend-wasm-simd.wasm` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/wasm');
    // The WebAssembly magic number.
    expect(response.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
  });

  it('refuses other files of those packages and paths that climb out', async () => {
    for (const url of [
      `${HUMAN_MODELS_PREFIX}README.md`,
      `${TFJS_WASM_PREFIX}tf-backend-wasm.node.js`,
      `${HUMAN_MODELS_PREFIX}../package.json`,
      `${HUMAN_MODELS_PREFIX}..%2fpackage.json`,
      `${HUMAN_MODELS_PREFIX}%2e%2e/%2e%2e/package.json`,
      `${TFJS_WASM_PREFIX}../package.json`,
    ]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.body, url).not.toContain('"version"');
    }
  });
});
