import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getMyMockAttempt,
  listMyMockAttempts,
  saveMyMockAnswer,
  startMyMockAttempt,
  submitMyMockAttempt,
  type MockAttemptDetail,
} from '../../../../shared/api/mock-attempt.js';
import { callApi } from '../../../api/client.js';
import type { AnswerSender } from '../written-exam/answer-queue.js';
import { timedSender } from '../written-exam/save-sender.js';

/** A mock attempt and how far the server clock is ahead of this browser's. */
export interface MockSnapshot {
  detail: MockAttemptDetail;
  /** serverTime − browser time when the answer arrived. */
  offsetMs: number;
}

const listKey = (registrationId: string) => ['me', 'registrations', registrationId, 'mock'];
const attemptKey = (registrationId: string, attemptId: string) => [
  ...listKey(registrationId),
  attemptId,
];
const snapshotOf = (detail: MockAttemptDetail): MockSnapshot => ({
  detail,
  offsetMs: Date.parse(detail.serverTime) - Date.now(),
});

/** Whether the exam has a mock paper, whether one may start now, and the past attempts. */
export function useMockExam(registrationId: string) {
  return useQuery({
    queryKey: listKey(registrationId),
    queryFn: () => callApi(listMyMockAttempts, { params: { registrationId } }),
  });
}

/** One mock attempt: its paper and answers while in progress, its result once submitted. */
export function useMockAttempt(registrationId: string, attemptId: string) {
  return useQuery({
    queryKey: attemptKey(registrationId, attemptId),
    queryFn: async () =>
      snapshotOf(await callApi(getMyMockAttempt, { params: { registrationId, attemptId } })),
  });
}

/** Keeps an attempt the server answered with, and has the list read again (its scores). */
function useStoreDetail(registrationId: string) {
  const queryClient = useQueryClient();
  return (detail: MockAttemptDetail) => {
    queryClient.setQueryData(
      attemptKey(registrationId, detail.attempt.attemptId),
      snapshotOf(detail),
    );
    void queryClient.invalidateQueries({ queryKey: listKey(registrationId), exact: true });
  };
}

/** 开始模拟 / 继续模拟: the server answers the attempt in progress, or a new one. */
export function useStartMock(registrationId: string) {
  const store = useStoreDetail(registrationId);
  return useMutation({
    mutationFn: () => callApi(startMyMockAttempt, { params: { registrationId } }),
    onSuccess: store,
    meta: { insideSession: true },
  });
}

/** 交卷 of a mock attempt: the answer carries its result. */
export function useSubmitMock(registrationId: string, attemptId: string) {
  const store = useStoreDetail(registrationId);
  return useMutation({
    mutationFn: () => callApi(submitMyMockAttempt, { params: { registrationId, attemptId } }),
    onSuccess: store,
    meta: { insideSession: true },
  });
}

/** The autosave of one mock attempt, with the formal attempt's timeout and error reading. */
export function mockSaveSender(registrationId: string, attemptId: string): AnswerSender {
  return timedSender((paperQuestionId, answer, seq) =>
    callApi(saveMyMockAnswer, {
      params: { registrationId, attemptId, paperQuestionId },
      body: { answer, seq },
    }),
  );
}
