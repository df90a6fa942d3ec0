import { expect } from 'vitest';
import type { AttemptView } from '../../shared/api/written-exam.js';
import type { Answer } from '../../shared/questions/answer-schema.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import {
  checkedInWrittenCandidate,
  seedWrittenPaper,
  setWrittenRules,
  writtenExam,
} from '../written-exam/written-test-helpers.js';

// The demo's written exam with 李四 and 王五 submitted on the four-question sample paper (the
// essay, 15 points, is the fourth), for the marking tests of admins and 阅卷人 (test helper).

const MINUTE = 60_000;

export interface MarkingWorld {
  test: TestApp;
  examId: string;
  sessionId: string;
  essayId: string;
  attemptIds: { li: string; wang: string };
  admin: TestClient;
}

/** The demo seeded, the sample paper sat and submitted by 李四 and 王五 with their essays. */
export async function markingWorld(rules: {
  doubleMarking?: boolean;
  markingDifferenceThreshold?: number;
}): Promise<MarkingWorld> {
  const test = await createTestApp();
  await seedDemoInto(test);
  // 交卷 without the demo's face check: submit-face.test.ts covers it.
  await setWrittenRules(test, { faceCheckAtSubmit: false, ...rules });
  const { startsAt, examId, sessionId } = await writtenExam(test.database.db);
  const { ids } = await seedWrittenPaper(test.database.db);
  const at = (minutes: number) => {
    test.clock.set(new Date(startsAt.getTime() + minutes * MINUTE));
  };
  const sit = async (admissionNumber: string, essay: string) => {
    const who = await checkedInWrittenCandidate(test, admissionNumber);
    const attempt = `/api/me/registrations/${who.registrationId}/attempt`;
    const started = await who.client.post(`${attempt}/start`);
    expect(started.statusCode, started.body).toBe(200);
    const answers: Answer[] = [
      { type: 'single_choice', optionId: 'B' },
      { type: 'multiple_choice', optionIds: ['A', 'B'] },
      { type: 'fill_blank', blanks: ['Since'] },
      { type: 'essay', text: essay },
    ];
    for (const [index, answer] of answers.entries()) {
      const saved = await who.client.put(`${attempt}/answers/${ids[index] ?? ''}`, {
        answer,
        seq: 1,
      });
      expect(saved.statusCode).toBe(200);
    }
    return { who, attemptId: started.json<AttemptView>().attemptId };
  };
  at(25);
  const li = await sit('WRT2026001', '我的家乡在江南，小桥流水。');
  at(26);
  const wang = await sit('WRT2026002', 'My home town is by the sea.');
  at(31);
  for (const { who } of [li, wang]) {
    const response = await who.client.post(
      `/api/me/registrations/${who.registrationId}/attempt/submit`,
    );
    expect(response.json<AttemptView>().state).toBe('submitted');
  }
  return {
    test,
    examId,
    sessionId,
    essayId: ids[3] ?? '',
    attemptIds: { li: li.attemptId, wang: wang.attemptId },
    admin: await loginStaff(test, 'admin'),
  };
}

/** The status and error code of a refused request. */
export function refusal(response: { statusCode: number; json: () => unknown }) {
  return {
    status: response.statusCode,
    code: (response.json() as { error?: { code: string } }).error?.code,
  };
}
