/** A text message to one phone. `code` is set for verification codes so providers can template it. */
export interface SmsMessage {
  phone: string;
  text: string;
  code?: string;
}

/** Sends text messages. Implementations: console (development) and real HTTP providers. */
export interface SmsSender {
  readonly name: string;
  send(message: SmsMessage): Promise<void>;
}

/** Thrown by a sender when the provider refused or could not be reached. */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly providerCode?: string,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}
