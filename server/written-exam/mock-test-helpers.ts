import { expect } from 'vitest';
import type { MockAttemptDetail, MyMockExam } from '../../shared/api/mock-attempt.js';
import type { AttemptQuestion } from '../../shared/api/written-exam.js';
import type { Answer } from '../../shared/questions/answer-schema.js';
import type { TestClient } from '../test/test-app.js';

/** A candidate's mock exam through its routes (shared/api/mock-attempt.ts), for tests. */
export function mockExamOf(client: TestClient, registrationId: string) {
  const base = `/api/me/registrations/${registrationId}/mock-attempts`;
  return {
    list: async () => {
      const response = await client.get(base);
      expect(response.statusCode).toBe(200);
      return response.json<MyMockExam>();
    },
    start: () => client.post(base),
    get: (attemptId: string) => client.get(`${base}/${attemptId}`),
    save: (attemptId: string, paperQuestionId: string, answer: Answer, seq: number) =>
      client.put(`${base}/${attemptId}/answers/${paperQuestionId}`, { answer, seq }),
    submit: (attemptId: string) => client.post(`${base}/${attemptId}/submit`),
  };
}

/** Starts (or continues) a mock attempt and answers it, expecting success. */
export async function startedMock(mock: ReturnType<typeof mockExamOf>) {
  const response = await mock.start();
  expect(response.statusCode).toBe(200);
  return response.json<MockAttemptDetail>();
}

/** The attempt's question of this type (the demo's mock paper has one of each). */
export function questionOfType(
  detail: MockAttemptDetail,
  type: AttemptQuestion['question']['type'],
) {
  const found = detail.attempt.sections
    .flatMap((section) => section.questions)
    .find((question) => question.question.type === type);
  if (!found) throw new Error(`no ${type} question`);
  return found;
}

/** An error answer's status and code. */
export function refusal(response: { statusCode: number; json: () => unknown }) {
  return {
    status: response.statusCode,
    code: (response.json() as { error?: { code: string } }).error?.code,
  };
}
