import Fastify, { type FastifyBaseLogger } from 'fastify';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/errors.js';
import { AppError } from '../errors/app-error.js';
import { createTestApp, TestClient } from '../test/test-app.js';
import { installErrorHandler } from './error-handler.js';

describe('Error handler', () => {
  it('masks an unexpected error and logs it with the request id', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger: FastifyBaseLogger = pino(sink);
    const app = Fastify({ loggerInstance: logger });
    installErrorHandler(app);
    app.decorateRequest('auth', null);
    app.get('/boom', () => {
      throw new Error('database password is hunter2');
    });
    app.get('/locked', () => {
      throw AppError.retryLater('LOGIN_DELAYED', 60);
    });

    const response = await app.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    const body = errorBodySchema.parse(response.json());
    expect(body.error).toMatchObject({ code: 'INTERNAL', message: '服务器内部错误' });
    expect(response.body).not.toContain('hunter2');
    const logged = lines.find((line) => line.includes('unhandled error')) ?? '';
    expect(logged).toContain(body.error.requestId);
    expect(logged).toContain('hunter2');

    const locked = await app.inject({
      method: 'GET',
      url: '/locked',
      headers: { 'accept-language': 'en' },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('60');
    expect(locked.json().error.message).toBe('Several logins failed; wait a moment and try again');
    await app.close();
  });

  it('limits login attempts per client address', async () => {
    const test = await createTestApp({ authRateLimitPerMinute: 3 });
    const client = new TestClient(test.app);
    const attempt = () =>
      client.post('/api/auth/login/staff', { schoolSlug: 'demo', login: 'nobody', password: 'x' });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).not.toBe(429);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    await test.close();
  });

  it('answers the router’s refusals (broken percent-encoding, an overlong id) with the error body', async () => {
    const test = await createTestApp();
    for (const url of [
      '/api/admin/exams/%F0%9F',
      '/api/schools/%',
      `/api/schools/${'x'.repeat(300)}`,
    ]) {
      const response = await test.app.inject({
        method: 'GET',
        url,
        headers: { 'accept-language': 'en' },
      });
      expect(response.statusCode, url).toBe(400);
      const body = errorBodySchema.parse(response.json());
      expect(body.error).toMatchObject({
        code: 'BAD_REQUEST',
        message: 'The request could not be read',
      });
    }
    await test.close();
  });
});
