import { expect } from 'vitest';
import { DEMO_STAFF_PASSWORD } from './demo-fixture.js';
import { TestClient, type TestApp } from './test-app.js';

/** A demo candidate logged in with exam code and admission number (test helper). */
export async function loginCandidate(
  test: TestApp,
  examCode: string,
  admissionNumber: string,
): Promise<TestClient> {
  return (await loginCandidateWithId(test, examCode, admissionNumber)).client;
}

/** Like `loginCandidate`, with the candidate's user id from the login answer (test helper). */
export async function loginCandidateWithId(
  test: TestApp,
  examCode: string,
  admissionNumber: string,
): Promise<{ client: TestClient; id: string }> {
  const client = new TestClient(test.app);
  const response = await client.post('/api/auth/login/admission', {
    schoolSlug: 'demo',
    examCode,
    admissionNumber,
  });
  expect(response.statusCode).toBe(200);
  return { client, id: response.json<{ user: { id: string } }>().user.id };
}

/** A demo staff member logged in with the demo password (test helper). */
export async function loginStaff(test: TestApp, login: string): Promise<TestClient> {
  const client = new TestClient(test.app);
  const response = await client.post('/api/auth/login/staff', {
    schoolSlug: 'demo',
    login,
    password: DEMO_STAFF_PASSWORD,
  });
  expect(response.statusCode).toBe(200);
  return client;
}

/** The id of the candidate's registration with this admission number (test helper). */
export async function registrationIdOf(
  client: TestClient,
  admissionNumber: string,
): Promise<string> {
  const items = (await client.get('/api/me/registrations')).json<{
    items: { registrationId: string; admissionNumber: string }[];
  }>().items;
  const found = items.find((item) => item.admissionNumber === admissionNumber);
  if (!found) throw new Error(`no registration ${admissionNumber}`);
  return found.registrationId;
}

/** Audit entries whose action starts with the prefix, as the school admin reads them. */
export async function auditEntries(admin: TestClient, actionPrefix: string) {
  const response = await admin.get(
    `/api/admin/audit-log?action=${encodeURIComponent(actionPrefix)}&pageSize=100`,
  );
  expect(response.statusCode).toBe(200);
  return response.json<{
    items: { action: string; targetId: string; actorName: string; detail: string | null }[];
  }>().items;
}
