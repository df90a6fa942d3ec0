import { describe, expect, it } from 'vitest';
import { createSmsSender } from './auth/sms/create-sender.js';
import { DEFAULT_DOCUMENT_LIMITS, documentLimitsFrom } from './documents/limits.js';
import { loadEnv } from './env.js';

const log = { info: () => undefined };

describe('loadEnv', () => {
  it('gives every variable its documented default', () => {
    expect(loadEnv({})).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      SMS_PROVIDER: 'console',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names each bad variable', () => {
    expect(() => loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });

  it('requires the provider keys when SMS goes through Aliyun, and then uses it', () => {
    expect(() => loadEnv({ SMS_PROVIDER: 'aliyun' })).toThrow(/ALIYUN_SMS_ACCESS_KEY_SECRET/);
    const env = loadEnv({
      SMS_PROVIDER: 'aliyun',
      ALIYUN_SMS_ACCESS_KEY_ID: 'id',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret',
      ALIYUN_SMS_SIGN_NAME: '云考场',
      ALIYUN_SMS_TEMPLATE_CODE: 'SMS_1',
    });
    expect(createSmsSender(env, log).name).toBe('aliyun');
    expect(createSmsSender(loadEnv({}), log).name).toBe('console');
  });

  it('reads document limits in megabytes per kind and refuses unknown kinds', () => {
    const env = loadEnv({ DOCUMENT_MAX_FILES: '5', DOCUMENT_MAX_MB: 'pdf=20, MP4=300' });
    expect(env.DOCUMENT_MAX_FILES).toBe(5);
    expect(env.DOCUMENT_MAX_MB).toEqual({ pdf: 20, mp4: 300 });
    const limits = documentLimitsFrom(env.DOCUMENT_MAX_FILES, env.DOCUMENT_MAX_MB);
    expect(limits.maxFiles).toBe(5);
    expect(limits.maxBytes.mp4).toBe(300 * 1024 * 1024);
    expect(limits.maxBytes.png).toBe(DEFAULT_DOCUMENT_LIMITS.maxBytes.png);
    expect(documentLimitsFrom(undefined, undefined)).toEqual(DEFAULT_DOCUMENT_LIMITS);
    expect(() => loadEnv({ DOCUMENT_MAX_MB: 'pdf=20,exe=5' })).toThrow(/DOCUMENT_MAX_MB.*exe/);
    expect(() => loadEnv({ DOCUMENT_MAX_MB: 'pdf=big' })).toThrow(/DOCUMENT_MAX_MB/);
    expect(() => loadEnv({ DOCUMENT_MAX_MB: 'pdf=4096' })).toThrow(/DOCUMENT_MAX_MB/);
    expect(() => loadEnv({ DOCUMENT_MAX_FILES: '0' })).toThrow(/DOCUMENT_MAX_FILES/);
  });
});
