import { createHmac, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SmsSendError, type SmsMessage, type SmsSender } from './sms-sender.js';

export interface AliyunSmsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** Approved signature (短信签名) shown in 【】 at the start of the text. */
  signName: string;
  /** Approved template whose only variable is `${code}`. */
  templateCode: string;
  endpoint?: string;
  regionId?: string;
  timeoutMs?: number;
  /** Injectable so tests can pin the signed Timestamp and SignatureNonce. */
  now?: () => Date;
  nonce?: () => string;
}

/**
 * RFC 3986 encoding as Aliyun's POP gateway computes it server-side: encodeURIComponent leaves
 * ! ' ( ) * unescaped, and any mismatch with the server's encoding breaks the signature.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Aliyun RPC signature v1 (HMAC-SHA1) over every parameter except Signature itself. */
export function signAliyunRpcRequest(
  params: Record<string, string>,
  accessKeySecret: string,
  method = 'POST',
): string {
  const canonical = Object.entries(params)
    .filter(([key]) => key !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .join('&');
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  // The documented HMAC key is the secret followed by "&"; the bare secret gives a wrong signature.
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}

// Only Code matters for the outcome; the rest is for operators reading the log.
const aliyunAnswer = z.object({
  Code: z.string(),
  Message: z.string().optional(),
  RequestId: z.string().optional(),
});

export class AliyunSmsSender implements SmsSender {
  readonly name = 'aliyun';
  private readonly endpoint: string;
  private readonly regionId: string;
  private readonly timeoutMs: number;
  private readonly now: () => Date;
  private readonly nonce: () => string;

  constructor(private readonly options: AliyunSmsOptions) {
    this.endpoint = options.endpoint ?? 'https://dysmsapi.aliyuncs.com/';
    this.regionId = options.regionId ?? 'cn-hangzhou';
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.now = options.now ?? (() => new Date());
    this.nonce = options.nonce ?? randomUUID;
  }

  async send(message: SmsMessage): Promise<void> {
    // Aliyun only delivers pre-approved templates, so free text cannot be sent through it.
    if (message.code === undefined) {
      throw new SmsSendError('aliyun SMS can only send verification codes (template-based)');
    }
    const params: Record<string, string> = {
      AccessKeyId: this.options.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: message.phone,
      RegionId: this.regionId,
      SignName: this.options.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: this.nonce(),
      SignatureVersion: '1.0',
      TemplateCode: this.options.templateCode,
      TemplateParam: JSON.stringify({ code: message.code }),
      // The documented format is yyyy-MM-ddTHH:mm:ssZ; toISOString adds milliseconds.
      Timestamp: this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    params.Signature = signAliyunRpcRequest(params, this.options.accessKeySecret);

    let status: number;
    let body: string;
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      body = await response.text();
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw this.failure(`aliyun SMS timed out after ${this.timeoutMs} ms`);
      }
      // fetch only says "fetch failed"; the cause holds the useful part (ECONNREFUSED, DNS, TLS).
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      throw this.failure(`aliyun SMS unreachable: ${cause instanceof Error ? cause.message : ''}`);
    }

    const answer = parseAnswer(body);
    if (status < 200 || status > 299) {
      // Gateway-level refusals (bad signature, unknown key) still carry a JSON Code worth keeping.
      throw this.failure(`aliyun SMS HTTP ${status}${detail(answer)}`, answer?.Code);
    }
    if (answer === undefined) throw this.failure('aliyun SMS gave an answer without a JSON Code');
    if (answer.Code !== 'OK') {
      throw this.failure(`aliyun SMS refused${detail(answer)}`, answer.Code);
    }
  }

  // Provider text is untrusted: with id and secret swapped in config, an echoed id is the secret.
  private failure(message: string, providerCode?: string): SmsSendError {
    const secret = this.options.accessKeySecret;
    const safe = secret === '' ? message : message.replaceAll(secret, '[redacted]');
    return new SmsSendError(safe, providerCode);
  }
}

function parseAnswer(body: string): z.infer<typeof aliyunAnswer> | undefined {
  try {
    const parsed = aliyunAnswer.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function detail(answer: z.infer<typeof aliyunAnswer> | undefined): string {
  if (answer === undefined) return '';
  const parts = [answer.Code, answer.Message, answer.RequestId && `request ${answer.RequestId}`];
  return `: ${parts.filter(Boolean).join(' ')}`;
}
