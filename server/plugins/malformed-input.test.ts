import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/errors.js';
import { DEMO_CANDIDATES, DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { loadRouteTable } from '../security/route-table.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: {
          content: Record<string, { schema: { properties?: Record<string, unknown> } }>;
        };
      }
    >
  >;
}

const BAD_PATH_VALUES = [
  'not-a-uuid',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(180),
  '%00',
  '00000000-0000-0000-0000-000000000000',
];
/** A well-formed id nothing has: the bad bodies get past the path to body validation and on. */
const UNKNOWN_ID = '7d5a0c8e-4b1f-4c2a-9e3d-5f6a7b8c9d0e';
const huge = 'x'.repeat(200_000);
const overLimit = JSON.stringify({ blob: 'y'.repeat(2 * 1024 * 1024) });

interface BadBody {
  label: string;
  payload: string;
}

/** Bodies a careless or hostile client sends (built once per set of field names). */
const badBodiesFor = new Map<string, BadBody[]>();
function badBodies(properties: string[]): BadBody[] {
  const key = properties.join(',');
  const known = badBodiesFor.get(key);
  if (known) return known;
  const wrongTypes = Object.fromEntries(properties.map((name) => [name, { nested: [1, 2] }]));
  const hugeStrings = Object.fromEntries(properties.map((name) => [name, huge]));
  const bodies = [
    { label: 'garbage JSON', payload: '{"schoolSlug": "demo", ' },
    { label: 'not an object', payload: '[1,2,3]' },
    { label: 'null', payload: 'null' },
    { label: 'wrong types', payload: JSON.stringify(wrongTypes) },
    {
      label: 'unknown fields',
      payload: JSON.stringify({ unexpected: true, __proto__: { admin: true } }),
    },
    { label: 'huge strings', payload: JSON.stringify(hugeStrings) },
    { label: 'over the body limit', payload: overLimit },
  ];
  badBodiesFor.set(key, bodies);
  return bodies;
}

/**
 * The requests for one operation. Fastify parses the body, then validates the path before the
 * body, so a bad path never reaches the body: each bad path value goes once (with an empty
 * object), and every bad body goes with a well-formed path, where it reaches body validation
 * and, when it passes, the handler. (Every bad path with every bad body repeated the same
 * refusals five times over and took most of this file's half minute.)
 */
function requestsFor(
  path: string,
  method: string,
  properties: string[],
): { url: string; body: BadBody | null }[] {
  const hasParams = path.includes('{');
  const badUrls = hasParams
    ? BAD_PATH_VALUES.map((value) => path.replace(/\{\w+\}/g, value))
    : [`${path}?unexpected=${encodeURIComponent(huge.slice(0, 3000))}`];
  const goodUrl = path.replace(/\{\w+\}/g, UNKNOWN_ID);
  if (method === 'get') {
    return [...(hasParams ? [] : [goodUrl]), ...badUrls].map((url) => ({ url, body: null }));
  }
  return [
    ...badUrls.map((url) => ({ url, body: { label: 'empty object', payload: '{}' } })),
    ...badBodies(properties).map((body) => ({ url: goodUrl, body })),
  ];
}

describe('Malformed input on every route of the OpenAPI document', () => {
  let test: TestApp;
  let document: OpenApiDocument;
  const clients: Record<string, TestClient> = {};

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    document = (
      await test.app.inject({ method: 'GET', url: '/api/docs/json' })
    ).json<OpenApiDocument>();
    clients.anonymous = new TestClient(test.app);
    await clients.anonymous.get('/api/auth/csrf');
    clients.admin = new TestClient(test.app);
    await clients.admin.post('/api/auth/login/staff', {
      schoolSlug: 'demo',
      login: 'admin',
      password: DEMO_STAFF_PASSWORD,
    });
    clients.candidate = new TestClient(test.app);
    await clients.candidate.post('/api/auth/login/id-number', {
      schoolSlug: 'demo',
      idNumber: DEMO_CANDIDATES[2].idNumber,
      password: DEMO_CANDIDATES[2].idNumber.slice(-6),
    });
    await clients.candidate.post('/api/auth/password/change', {
      currentPassword: DEMO_CANDIDATES[2].idNumber.slice(-6),
      newPassword: 'Candidate2026',
    });
  });
  afterAll(() => test.close());

  it('documents every API route of the route table, and no other', async () => {
    // `/api/a/:id` as OpenAPI writes it: `/api/a/{id}`.
    const declared = (await loadRouteTable()).map(
      (route) => `${route.method} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`,
    );
    const documented = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/') && !path.startsWith('/api/docs'))
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      );
    expect(documented.sort()).toEqual(declared.sort());
  });

  it('never answers with a 5xx, and every error has the error body', async () => {
    let checked = 0;
    const codes = new Set<string>();
    for (const [path, operations] of Object.entries(document.paths)) {
      // Logout would end the sessions the rest of the loop needs; it takes no input anyway.
      if (!path.startsWith('/api/') || path.startsWith('/api/docs') || path === '/api/auth/logout')
        continue;
      for (const [method, operation] of Object.entries(operations)) {
        const properties = Object.keys(
          operation.requestBody?.content['application/json']?.schema.properties ?? {},
        );
        for (const [role, client] of Object.entries(clients)) {
          for (const { url, body } of requestsFor(path, method, properties)) {
            const csrf = client.cookie('invigil_csrf') ?? '';
            const response = await test.app.inject({
              method: method.toUpperCase() as 'GET',
              url,
              headers: {
                'content-type': 'application/json',
                cookie: `invigil_csrf=${csrf}; invigil_sid=${client.cookie('invigil_sid') ?? ''}`,
                'x-csrf-token': csrf,
              },
              ...(body ? { payload: body.payload } : {}),
            });
            const where = `${role} ${method.toUpperCase()} ${url.slice(0, 80)} (${body?.label ?? 'none'}) → ${response.statusCode}`;
            expect(response.statusCode, where).toBeLessThan(500);
            if (response.statusCode >= 400) {
              const parsed = errorBodySchema.safeParse(response.json());
              expect(parsed.success, `${where}: ${response.body.slice(0, 200)}`).toBe(true);
              if (parsed.success) codes.add(parsed.data.error.code);
            }
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    // The bad input reached each layer: parsing, size limit, validation, and access control.
    expect([...codes]).toEqual(
      expect.arrayContaining([
        'BAD_REQUEST',
        'PAYLOAD_TOO_LARGE',
        'VALIDATION_FAILED',
        'UNAUTHENTICATED',
        'FORBIDDEN',
      ]),
    );
  }, 180_000);
});
