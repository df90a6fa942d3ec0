import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AliyunSmsSender, signAliyunRpcRequest } from './aliyun-sender.js';
import { SmsSendError } from './sms-sender.js';

const SECRET = 'fake-secret-Zq9!(x)*~';
const FIXED_NOW = new Date('2026-11-22T05:00:00.123Z');

interface Received {
  method: string | undefined;
  url: string | undefined;
  contentType: string | undefined;
  form: URLSearchParams;
}

type Handler = (req: Received, res: ServerResponse) => void;

let server: Server;
let endpoint: string;
let handler: Handler = (_req, res) => res.end('{}');
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry: Received = {
        method: req.method,
        url: req.url,
        contentType: req.headers['content-type'],
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      };
      received.push(entry);
      handler(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterEach(() => {
  received.length = 0;
  // Drops sockets a "never answers" test left hanging, so the next test starts clean.
  server.closeAllConnections();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) =>
    server.close((err) => (err ? reject(err) : resolve())),
  );
});

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sender(overrides: { timeoutMs?: number; secret?: string } = {}): AliyunSmsSender {
  return new AliyunSmsSender({
    accessKeyId: 'LTAI-test-id',
    accessKeySecret: overrides.secret ?? SECRET,
    signName: 'Invigil (云考场)',
    templateCode: 'SMS_123456789',
    endpoint,
    timeoutMs: overrides.timeoutMs ?? 2000,
    now: () => FIXED_NOW,
    nonce: () => 'nonce-0001',
  });
}

const message = { phone: '13800138000', text: 'Your code is 482913', code: '482913' };

/**
 * Server-side verification written from the spec, deliberately not sharing code with the
 * sender: byte-wise RFC 3986 encoding where only A-Z a-z 0-9 - _ . ~ stay literal.
 */
function rfc3986(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(ch)
      ? ch
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function expectedSignature(form: URLSearchParams, secret: string, method: string): string {
  const pairs = [...form.entries()].filter(([k]) => k !== 'Signature');
  pairs.sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const canonical = pairs.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
  const toSign = `${method}&${rfc3986('/')}&${rfc3986(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(toSign).digest('base64');
}

async function rejection(promise: Promise<unknown>): Promise<SmsSendError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmsSendError);
  return error as SmsSendError;
}

describe('AliyunSmsSender', () => {
  it('sends a signed form POST the server can verify with the secret', async () => {
    handler = (_req, res) => json(res, 200, { Code: 'OK', Message: 'OK', BizId: 'b1' });
    await sender().send(message);

    expect(received).toHaveLength(1);
    const req = received[0];
    if (req === undefined) throw new Error('no request reached the fake server');
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/');
    expect(req.contentType).toBe('application/x-www-form-urlencoded');
    const form = req.form;
    expect(form.get('Action')).toBe('SendSms');
    expect(form.get('Version')).toBe('2017-05-25');
    expect(form.get('Format')).toBe('JSON');
    expect(form.get('RegionId')).toBe('cn-hangzhou');
    expect(form.get('AccessKeyId')).toBe('LTAI-test-id');
    expect(form.get('PhoneNumbers')).toBe('13800138000');
    expect(form.get('SignName')).toBe('Invigil (云考场)');
    expect(form.get('TemplateCode')).toBe('SMS_123456789');
    expect(JSON.parse(form.get('TemplateParam') ?? '')).toEqual({ code: '482913' });
    expect(form.get('SignatureMethod')).toBe('HMAC-SHA1');
    expect(form.get('SignatureVersion')).toBe('1.0');
    expect(form.get('SignatureNonce')).toBe('nonce-0001');
    expect(form.get('Timestamp')).toBe('2026-11-22T05:00:00Z');

    const signature = form.get('Signature');
    expect(signature).toBeTruthy();
    expect(signature).toBe(expectedSignature(form, SECRET, 'POST'));
    // A wrong secret must not verify, or the comparison above proves nothing.
    expect(signature).not.toBe(expectedSignature(form, 'other-secret', 'POST'));
    expect([...form.values()].some((v) => v.includes(SECRET))).toBe(false);
  });

  it('resolves when the provider answers Code OK', async () => {
    handler = (_req, res) => json(res, 200, { Code: 'OK', Message: 'OK', RequestId: 'r1' });
    await expect(sender().send(message)).resolves.toBeUndefined();
  });

  it('rejects with the provider code when Aliyun refuses (rate limit)', async () => {
    handler = (_req, res) =>
      json(res, 200, {
        Code: 'isv.BUSINESS_LIMIT_CONTROL',
        Message: '触发分钟级流控Permits:1',
        RequestId: 'r2',
      });
    const error = await rejection(sender().send(message));
    expect(error.providerCode).toBe('isv.BUSINESS_LIMIT_CONTROL');
    expect(error.message).toContain('isv.BUSINESS_LIMIT_CONTROL');
    expect(error.message).not.toContain(SECRET);
  });

  it('rejects on HTTP 500 with a non-JSON body', async () => {
    handler = (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    };
    const error = await rejection(sender().send(message));
    expect(error.message).toContain('500');
    expect(error.providerCode).toBeUndefined();
    expect(error.message).not.toContain(SECRET);
  });

  it('keeps the gateway code on an HTTP error with a JSON body', async () => {
    handler = (_req, res) =>
      json(res, 400, {
        Code: 'SignatureDoesNotMatch',
        Message: 'Specified signature is not matched',
      });
    const error = await rejection(sender().send(message));
    expect(error.providerCode).toBe('SignatureDoesNotMatch');
  });

  it('rejects a 200 answer that is not JSON', async () => {
    handler = (_req, res) => res.end('<html>captive portal</html>');
    const error = await rejection(sender().send(message));
    expect(error.providerCode).toBeUndefined();
  });

  it('rejects with a timeout when the server never answers', async () => {
    handler = () => undefined;
    const started = Date.now();
    const error = await rejection(sender({ timeoutMs: 200 }).send(message));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error.message).toMatch(/timed out/);
    expect(error.message).not.toContain(SECRET);
  });

  it('rejects when the endpoint is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = new AliyunSmsSender({
      accessKeyId: 'id',
      accessKeySecret: SECRET,
      signName: 's',
      templateCode: 't',
      endpoint: `http://127.0.0.1:${port}/`,
      timeoutMs: 2000,
    });
    const error = await rejection(unreachable.send(message));
    expect(error.message).not.toContain(SECRET);
  });

  it('redacts the secret if the provider echoes it back', async () => {
    handler = (_req, res) =>
      json(res, 200, { Code: 'InvalidAccessKeyId.NotFound', Message: `no such key ${SECRET}` });
    const error = await rejection(sender().send(message));
    expect(error.providerCode).toBe('InvalidAccessKeyId.NotFound');
    expect(error.message).not.toContain(SECRET);
    expect(error.message).toContain('[redacted]');
  });

  it('refuses messages without a code before calling the provider', async () => {
    await rejection(sender().send({ phone: '13800138000', text: 'free text' }));
    expect(received).toHaveLength(0);
  });
});

describe('signAliyunRpcRequest', () => {
  // Worked example from Aliyun's SMS "HTTP protocol and signature" page (SendSms, GET).
  it('matches the published SendSms example signature', () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(signAliyunRpcRequest(params, 'testSecret', 'GET')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('ignores an existing Signature parameter', () => {
    const params = { Action: 'SendSms', Version: '2017-05-25' };
    expect(signAliyunRpcRequest({ ...params, Signature: 'stale' }, 'k')).toBe(
      signAliyunRpcRequest(params, 'k'),
    );
  });
});
