import type { FastifyBaseLogger } from 'fastify';
import type { SmsMessage, SmsSender } from './sms-sender.js';

export interface OutboxEntry {
  phone: string;
  text: string;
  sentAt: Date;
}

/**
 * Development sender: writes the message to the server log and keeps the last ones in memory
 * for the demo's outbox page. Never used when a real provider is configured.
 */
export class ConsoleSmsSender implements SmsSender {
  readonly name = 'console';
  private readonly outbox: OutboxEntry[] = [];

  constructor(
    private readonly log: Pick<FastifyBaseLogger, 'info'>,
    private readonly keep = 50,
  ) {}

  send(message: SmsMessage): Promise<void> {
    this.log.info({ phone: message.phone, sms: message.text }, 'console SMS sender');
    this.outbox.unshift({ phone: message.phone, text: message.text, sentAt: new Date() });
    this.outbox.length = Math.min(this.outbox.length, this.keep);
    return Promise.resolve();
  }

  recent(): readonly OutboxEntry[] {
    return this.outbox;
  }
}
