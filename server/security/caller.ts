import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { HttpMethod } from '../../shared/api/contract.js';

/** What a test sends: a JSON body, raw bytes (upload routes), or nothing. */
export interface OutgoingRequest {
  method: HttpMethod;
  url: string;
  json?: unknown;
  /** Sent as is with this content type (JSON text the client wrote by hand, file bytes). */
  raw?: { payload: string | Buffer; contentType: string };
}

/**
 * A browser-like caller for the security tests: keeps its cookies (session, CSRF, phone) and
 * sends the CSRF header on mutations, and can also send raw bytes and hand-written JSON.
 */
export class Caller {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    readonly label: string,
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** The Cookie header this caller sends (also for its sockets). */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async send(request: OutgoingRequest): Promise<LightMyRequestResponse> {
    if (request.method !== 'GET' && !this.cookies.has('invigil_csrf')) {
      await this.send({ method: 'GET', url: '/api/auth/csrf' });
    }
    const csrf = this.cookies.get('invigil_csrf');
    const headers: Record<string, string> = { cookie: this.cookieHeader() };
    if (request.method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    let payload: string | Buffer | undefined;
    if (request.raw) {
      headers['content-type'] = request.raw.contentType;
      payload = request.raw.payload;
    } else if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(request.json);
    }
    const response = await this.app.inject({
      method: request.method,
      url: request.url,
      headers,
      ...(payload === undefined ? {} : { payload }),
    });
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0)) {
        this.cookies.delete(cookie.name);
      } else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get(url: string) {
    return this.send({ method: 'GET', url });
  }

  post(url: string, json: unknown = {}) {
    return this.send({ method: 'POST', url, json });
  }

  put(url: string, json: unknown = {}) {
    return this.send({ method: 'PUT', url, json });
  }

  /** Sends the request and fails loudly unless it succeeded (for building fixtures). */
  async ok(request: OutgoingRequest): Promise<LightMyRequestResponse> {
    const response = await this.send(request);
    if (response.statusCode >= 300) {
      throw new Error(
        `${this.label}: ${request.method} ${request.url} answered ${String(response.statusCode)} ${response.body.slice(0, 300)}`,
      );
    }
    return response;
  }
}
