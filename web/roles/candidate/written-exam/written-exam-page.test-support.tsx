import { screen, within } from '@testing-library/react';
import { recordMyAttemptEvents } from '../../../../shared/api/attempt-events.js';
import { saveMyAnswer } from '../../../../shared/api/written-exam.js';
import type { FakeApi } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { readyState } from '../check-in/check-in-fixtures.test-support.js';
import type { AnswerStorage } from './answer-queue.js';
import { memoryStorage } from './answer-storage.js';
import { memoryEventStorage } from './signals/event-storage.js';
import { EXAM_PATH, EXAM_URL } from './written-exam-fixtures.test-support.js';
import { WrittenExamPage } from './WrittenExamPage.js';

// What WrittenExamPage.test.tsx renders and answers with: the page, the server acknowledging or
// not hearing saves, and the answer sheet's buttons.

export const WRITTEN = readyState({
  examKind: 'written',
  examName: '2026 年学位英语考试',
  noticeText: '考试期间请勿离开座位。',
});

/**
 * The page with its answers and its event log in memory; the server takes every event (the
 * page logs going offline and back, which several of these tests do).
 */
export function renderExam(api: FakeApi, storage: AnswerStorage = memoryStorage()) {
  api.on(recordMyAttemptEvents, (request) => ({
    stored: (request.body as { events: unknown[] }).events.length,
    duplicates: 0,
  }));
  return render(<WrittenExamPage storage={storage} eventStorage={memoryEventStorage()} />, {
    path: EXAM_PATH,
    url: EXAM_URL,
    user: sessionUser(),
    api,
  });
}

/** The server acknowledging every save. */
export const acknowledging = (api: FakeApi) =>
  api.on(saveMyAnswer, (request) => ({
    seq: (request.body as { seq: number }).seq,
    late: false,
  }));

/** The network down for saves: the request never gets an answer. */
export const offline = (api: FakeApi) =>
  api.on(saveMyAnswer, () => {
    throw new TypeError('Failed to fetch');
  });

export const gridButton = (name: string | RegExp) =>
  within(screen.getByRole('navigation', { name: '答题卡' })).getByRole('button', { name });

export const savedBodies = (api: FakeApi) =>
  api.requestsTo(saveMyAnswer).map((request) => [request.params.paperQuestionId, request.body]);
