import { hmacHex, randomToken, safeEqual } from './tokens.js';

/** The cookie a browser gets after a password login, naming it trusted for that account. */
export const TRUSTED_DEVICE_COOKIE = 'invigil_trust';
export const TRUSTED_DEVICE_DAYS = 90;

/** Which client a login attempt counts against. */
export interface LoginClient {
  client: string;
  /** The browser logged into this account before: others' failures never slow it down. */
  isTrusted: boolean;
}

/**
 * Trusted browsers (OWASP "device cookies"): a browser that logged into an account carries a
 * signed token for it, and its attempts count on their own instead of with its IP address, so
 * someone guessing from the same network (a school's NAT) cannot slow the real user down.
 */
export class TrustedDevices {
  constructor(private readonly secret: string) {}

  clientOf(subject: string, cookie: string | undefined, ip: string): LoginClient {
    const [device, mac] = (cookie ?? '').split('.');
    if (device && mac && safeEqual(mac, this.macOf(subject, device))) {
      return { client: `device:${device}`, isTrusted: true };
    }
    return { client: `ip:${ip}`, isTrusted: false };
  }

  /** A new cookie value naming this browser trusted for the subject. */
  issue(subject: string): string {
    const device = randomToken(16);
    return `${device}.${this.macOf(subject, device)}`;
  }

  private macOf(subject: string, device: string): string {
    return hmacHex(this.secret, `trusted-device:${subject}:${device}`);
  }
}
