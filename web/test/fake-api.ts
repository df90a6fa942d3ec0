import { vi } from 'vitest';
import type { RouteContract, RouteOutput } from '../../shared/api/contract.js';
import { ERRORS, type ErrorBody, type ErrorCode } from '../../shared/errors.js';

/** One request the page sent, as the server would have read it. */
export interface FakeRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

/** The server refusing a request: the code's status and the error body the real server sends. */
export class FakeRefusal {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly issues?: NonNullable<ErrorBody['error']['issues']>,
  ) {
    this.status = ERRORS[code].status;
  }

  body(): ErrorBody {
    const { code, issues } = this;
    const error = { code, message: ERRORS[code].en, requestId: 'req-test' };
    return { error: issues === undefined ? error : { ...error, issues } };
  }
}

/** The server refusing with a code and, as some codes carry them, its issues. */
export const refuse = (code: ErrorCode, issues?: NonNullable<ErrorBody['error']['issues']>) =>
  new FakeRefusal(code, issues);

type Reply<C extends RouteContract> = RouteOutput<C> | FakeRefusal;
type Answer<C extends RouteContract> = Reply<C> | ((request: FakeRequest) => Reply<C>);

/** Response bodies are data, never functions: a function computes the answer per request. */
function answersByFunction<C extends RouteContract>(
  answer: Answer<C>,
): answer is (request: FakeRequest) => Reply<C> {
  return typeof answer === 'function';
}

interface Route {
  contract: RouteContract;
  pattern: RegExp;
  names: string[];
  answer: (request: FakeRequest) => unknown;
}

function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]+)/g, (_, name) => {
    names.push(String(name));
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

/**
 * The network, and only the network, of a component test: `fetch` answers each route of the
 * shared contracts with a typed body (checked against the route's response schema, so a fixture
 * cannot drift from what the server sends) or with the server's error body. A request to a route
 * the test did not expect fails the test with its method and path.
 */
export class FakeApi {
  readonly requests: FakeRequest[] = [];
  readonly unexpected: string[] = [];
  private readonly routes: Route[] = [];

  /** Answers every later call of the route with this body, refusal, or function of the request. */
  on<C extends RouteContract>(contract: C, answer: Answer<C>): this {
    const { pattern, names } = compile(contract.path);
    const reply = answersByFunction(answer) ? answer : () => answer;
    // The newest answer wins, so a test can change what the server says halfway.
    this.routes.unshift({ contract, pattern, names, answer: reply });
    return this;
  }

  /** The requests sent to one route, oldest first. */
  requestsTo(contract: RouteContract): FakeRequest[] {
    const { pattern } = compile(contract.path);
    return this.requests.filter(
      (request) => request.method === contract.method && pattern.test(request.path),
    );
  }

  /**
   * Replaces the global fetch and XMLHttpRequest (uploads) for this test, undone by the set-up's
   * vi.unstubAllGlobals.
   */
  install(): this {
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      Promise.resolve(this.answer(input, init)),
    );
    vi.stubGlobal('XMLHttpRequest', fakeXhrAnswering(this));
    return this;
  }

  /** The answer the server gives to one request (for fetch and the XHR fake alike). */
  answer(input: RequestInfo | URL, init: RequestInit = {}): Response {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      window.location.href,
    );
    const method = (init.method ?? 'GET').toUpperCase();
    for (const route of this.routes) {
      const match = route.contract.method === method ? route.pattern.exec(url.pathname) : null;
      if (!match) continue;
      const params = Object.fromEntries(
        route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]),
      );
      const body =
        typeof init.body === 'string'
          ? (JSON.parse(init.body) as unknown)
          : (init.body ?? undefined);
      const request = { method, path: url.pathname, params, query: url.searchParams, body };
      this.requests.push(request);
      const reply = route.answer(request);
      if (reply instanceof FakeRefusal) return json(reply.status, reply.body());
      return json(200, route.contract.response.parse(reply));
    }
    this.unexpected.push(`${method} ${url.pathname}`);
    return json(500, refuse('INTERNAL').body());
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * XMLHttpRequest as the upload client uses it (open, headers, upload progress, send, onload),
 * answered by the fake server: the whole body counts as sent at once.
 */
function fakeXhrAnswering(api: FakeApi) {
  return class FakeXMLHttpRequest {
    status = 0;
    responseText = '';
    readonly upload: { onprogress: ((event: ProgressEvent) => void) | null } = {
      onprogress: null,
    };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private method = 'GET';
    private url = '';
    private headers = new Headers();
    private answered: Headers = new Headers();

    open(method: string, url: string): void {
      this.method = method;
      this.url = url;
    }

    setRequestHeader(name: string, value: string): void {
      this.headers.set(name, value);
    }

    getAllResponseHeaders(): string {
      return [...this.answered].map(([name, value]) => `${name}: ${value}`).join('\r\n');
    }

    abort(): void {
      this.onabort?.();
    }

    send(body: Blob | null): void {
      const response = api.answer(this.url, { method: this.method, headers: this.headers, body });
      void response.text().then((text) => {
        const size = body?.size ?? 0;
        this.upload.onprogress?.(
          new ProgressEvent('progress', { lengthComputable: true, loaded: size, total: size }),
        );
        this.status = response.status;
        this.answered = response.headers;
        this.responseText = text;
        this.onload?.();
      });
    }
  };
}
