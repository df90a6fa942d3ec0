import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/errors.js';
import { DEMO_CANDIDATES, DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { apiRouteTable } from '../test/route-table.js';
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
const huge = 'x'.repeat(200_000);

/** Bodies a careless or hostile client sends. */
function badBodies(properties: string[]): { label: string; payload: string }[] {
  const wrongTypes = Object.fromEntries(properties.map((name) => [name, { nested: [1, 2] }]));
  const hugeStrings = Object.fromEntries(properties.map((name) => [name, huge]));
  return [
    { label: 'garbage JSON', payload: '{"schoolSlug": "demo", ' },
    { label: 'not an object', payload: '[1,2,3]' },
    { label: 'null', payload: 'null' },
    { label: 'wrong types', payload: JSON.stringify(wrongTypes) },
    {
      label: 'unknown fields',
      payload: JSON.stringify({ unexpected: true, __proto__: { admin: true } }),
    },
    { label: 'huge strings', payload: JSON.stringify(hugeStrings) },
    {
      label: 'over the body limit',
      payload: JSON.stringify({ blob: 'y'.repeat(2 * 1024 * 1024) }),
    },
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

  it('documents every API route of the route table, and no other', () => {
    const documented = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/') && !path.startsWith('/api/docs'))
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      );
    expect(documented.sort()).toEqual(apiRouteTable());
  });

  // Every route × role × bad body, one after the other: slow on a busy 2-core machine.
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
        const urls = path.includes('{')
          ? BAD_PATH_VALUES.map((value) => path.replace(/\{\w+\}/g, value))
          : [path, `${path}?unexpected=${encodeURIComponent(huge.slice(0, 3000))}`];
        for (const [role, client] of Object.entries(clients)) {
          for (const url of urls) {
            const bodies =
              method === 'get' ? [{ label: 'none', payload: '' }] : badBodies(properties);
            for (const body of bodies) {
              const csrf = client.cookie('invigil_csrf') ?? '';
              const response = await test.app.inject({
                method: method.toUpperCase() as 'GET',
                url,
                headers: {
                  'content-type': 'application/json',
                  cookie: `invigil_csrf=${csrf}; invigil_sid=${client.cookie('invigil_sid') ?? ''}`,
                  'x-csrf-token': csrf,
                },
                ...(method === 'get' ? {} : { payload: body.payload }),
              });
              const where = `${role} ${method.toUpperCase()} ${url.slice(0, 80)} (${body.label}) → ${response.statusCode}`;
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
