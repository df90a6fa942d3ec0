import type { FastifyBaseLogger } from 'fastify';
import type { Env } from '../../env.js';
import { AliyunSmsSender } from './aliyun-sender.js';
import { ConsoleSmsSender } from './console-sender.js';
import type { SmsSender } from './sms-sender.js';

/** The SMS sender chosen by SMS_PROVIDER; env validation guarantees the provider's keys are set. */
export function createSmsSender(env: Env, log: Pick<FastifyBaseLogger, 'info'>): SmsSender {
  switch (env.SMS_PROVIDER) {
    case 'console':
      return new ConsoleSmsSender(log);
    case 'aliyun':
      return new AliyunSmsSender({
        accessKeyId: env.ALIYUN_SMS_ACCESS_KEY_ID ?? '',
        accessKeySecret: env.ALIYUN_SMS_ACCESS_KEY_SECRET ?? '',
        signName: env.ALIYUN_SMS_SIGN_NAME ?? '',
        templateCode: env.ALIYUN_SMS_TEMPLATE_CODE ?? '',
        ...(env.ALIYUN_SMS_ENDPOINT ? { endpoint: env.ALIYUN_SMS_ENDPOINT } : {}),
      });
  }
}
