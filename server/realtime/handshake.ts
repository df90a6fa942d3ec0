import type { IncomingHttpHeaders } from 'node:http';
import { PHONE_COOKIE } from '../../shared/api/phone.js';
import type { SessionUser } from '../../shared/api/auth.js';
import type { ErrorCode } from '../../shared/errors.js';
import { socketAuthSchema } from '../../shared/events.js';
import type { AuthService } from '../auth/service.js';
import { SESSION_COOKIE } from '../auth/session-plugin.js';
import { sha256Hex } from '../auth/tokens.js';
import type { PhoneRepo } from '../phone/repo.js';

/** Who is on the other end of a socket, settled at the handshake. */
export type SocketIdentity =
  | { kind: 'user'; user: SessionUser }
  | {
      kind: 'phone';
      pairingId: string;
      registrationId: string;
      sessionId: string;
      schoolId: string;
      userId: string;
    };

/** A refused handshake; its message is the error code the client sees in `connect_error`. */
export class HandshakeRefused extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
    this.name = 'HandshakeRefused';
  }
}

/**
 * A browser always sends Origin on a WebSocket; a page of another site must not ride on our
 * cookies (cross-site WebSocket hijacking). Same-origin polling may omit it, so a missing Origin
 * passes; a present one must name the host the request was sent to. That host is the proxy's
 * `X-Forwarded-Host` only behind a trusted proxy (TRUST_PROXY): anyone else can send the header.
 */
export function isSameOrigin(headers: IncomingHttpHeaders, trustProxy: boolean): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  const host = (trustProxy ? headers['x-forwarded-host'] : undefined) ?? headers.host;
  if (!host || origin === 'null') return false;
  try {
    return new URL(origin).host === String(host).split(',')[0]?.trim();
  } catch {
    return false;
  }
}

export interface HandshakeDeps {
  auth: AuthService;
  phones: PhoneRepo;
  parseCookie: (header: string) => Record<string, string | undefined>;
  /** Whether X-Forwarded-Host names our host (TRUST_PROXY). */
  trustProxy: boolean;
}

/**
 * The login session cookie makes a user socket, the phone cookie (a claimed, unrevoked pairing) a
 * phone socket. A client that says `{ client: 'phone' }` is only ever taken for the phone.
 */
export async function identifySocket(
  deps: HandshakeDeps,
  headers: IncomingHttpHeaders,
  handshakeAuth: unknown,
): Promise<SocketIdentity> {
  if (!isSameOrigin(headers, deps.trustProxy)) throw new HandshakeRefused('FORBIDDEN');
  const cookies = deps.parseCookie(headers.cookie ?? '');
  const claimed = socketAuthSchema.safeParse(handshakeAuth ?? {});
  const asPhone = claimed.success && claimed.data.client === 'phone';

  const sessionToken = cookies[SESSION_COOKIE];
  if (!asPhone && sessionToken) {
    const session = await deps.auth.authenticate(sessionToken);
    if (session) return { kind: 'user', user: session.user };
  }
  const deviceSecret = cookies[PHONE_COOKIE];
  if (deviceSecret) {
    const paired = await deps.phones.pairedByDeviceHash(sha256Hex(deviceSecret));
    if (paired) {
      return {
        kind: 'phone',
        pairingId: paired.pairingId,
        registrationId: paired.registrationId,
        sessionId: paired.sessionId,
        schoolId: paired.schoolId,
        userId: paired.userId,
      };
    }
  }
  throw new HandshakeRefused(asPhone || deviceSecret ? 'PHONE_NOT_PAIRED' : 'UNAUTHENTICATED');
}
