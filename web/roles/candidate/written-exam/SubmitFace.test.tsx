import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkMyFaceAtSubmit, type SubmitFaceStatus } from '../../../../shared/api/submit-face.js';
import { getMyAttempt, submitMyAttempt } from '../../../../shared/api/written-exam.js';
import { FakeApi } from '../../../test/fake-api.js';
import { attemptView, myAttempt } from './written-exam-fixtures.test-support.js';
import { renderExam } from './written-exam-page.test-support.js';

// 交卷时人脸识别 in the 确认交卷 dialog: 确认交卷 stays disabled until the server's verdict opens
// it. The camera and the JPEG are the browser's (stubbed here; the journey uses a real camera).

vi.mock('../../../vision/snapshot.js', () => ({
  waitForVideoFrame: () => Promise.resolve(),
  encodeSnapshot: () => Promise.resolve('A'.repeat(400)),
}));

const MINUTE = 60_000;
const needed: SubmitFaceStatus = {
  attemptsUsed: 0,
  attemptsAllowed: 3,
  lastVerdict: null,
  passed: false,
  canSubmit: false,
};
const open = (submitFace: SubmitFaceStatus) =>
  attemptView({ submitOpensAt: new Date(Date.now() - MINUTE).toISOString(), submitFace });

function withCamera(getUserMedia: () => Promise<MediaStream>) {
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: { getUserMedia },
  });
}

beforeEach(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'mediaDevices');
  sessionStorage.clear();
  localStorage.clear();
});

describe('交卷 with the face check', () => {
  it('takes a photo, shows a failed verdict with the photos left, then submits after a match', async () => {
    withCamera(() =>
      Promise.resolve({
        getTracks: () => [],
        getVideoTracks: () => [],
        getAudioTracks: () => [],
      } as unknown as MediaStream),
    );
    const attempt = open(needed);
    const api = new FakeApi()
      .on(getMyAttempt, myAttempt(attempt))
      .on(checkMyFaceAtSubmit, {
        result: {
          id: '00000000-0000-4000-8000-0000000000f1',
          source: 'submit',
          verdict: 'mismatch',
          score: 0.3,
          threshold: 0.65,
          quality: null,
          liveness: null,
          createdAt: new Date().toISOString(),
        },
        status: { ...needed, attemptsUsed: 1, lastVerdict: 'mismatch' },
      })
      .on(submitMyAttempt, {
        ...attempt,
        state: 'submitted',
        submittedAt: new Date().toISOString(),
        submitReason: 'manual',
        submitFace: null,
      });
    const page = renderExam(api);
    await page.user.click(await screen.findByRole('button', { name: /交卷/ }));
    const dialog = within(await screen.findByRole('dialog', { name: '确认交卷' }));
    expect(dialog.getByRole('heading', { name: '交卷前人脸识别' })).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: /确认交卷/ })).toBeDisabled();
    expect(dialog.getByText('还可拍照 3 次')).toBeInTheDocument();

    await page.user.click(await dialog.findByRole('button', { name: /拍照识别/ }));
    expect(await dialog.findByRole('alert')).toHaveTextContent(
      '识别未通过：与报名照片不一致。请调整后重试。',
    );
    expect(dialog.getByText('还可拍照 2 次')).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: /确认交卷/ })).toBeDisabled();
    expect(api.requestsTo(checkMyFaceAtSubmit)[0]?.body).toEqual({ image: 'A'.repeat(400) });

    api.on(checkMyFaceAtSubmit, {
      result: {
        id: '00000000-0000-4000-8000-0000000000f2',
        source: 'submit',
        verdict: 'match',
        score: 0.9,
        threshold: 0.65,
        quality: null,
        liveness: null,
        createdAt: new Date().toISOString(),
      },
      status: { ...needed, attemptsUsed: 2, lastVerdict: 'match', passed: true, canSubmit: true },
    });
    await page.user.click(dialog.getByRole('button', { name: /拍照识别/ }));
    expect(await dialog.findByText('人脸识别通过，可以交卷。')).toBeInTheDocument();
    await page.user.click(dialog.getByRole('button', { name: /确认交卷/ }));
    expect(await screen.findByText('交卷成功')).toBeInTheDocument();
    expect(api.requestsTo(submitMyAttempt)).toHaveLength(1);
  });

  it('says what to do when the camera cannot open, and that the answers are safe', async () => {
    withCamera(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const api = new FakeApi().on(getMyAttempt, myAttempt(open(needed)));
    const page = renderExam(api);
    await page.user.click(await screen.findByRole('button', { name: /交卷/ }));
    const dialog = within(await screen.findByRole('dialog', { name: '确认交卷' }));
    const alert = await dialog.findByRole('alert');
    expect(alert).toHaveTextContent('无法打开摄像头');
    expect(alert).toHaveTextContent('您的答案已保存');
    expect(dialog.getByRole('button', { name: /确认交卷/ })).toBeDisabled();
  });

  it('lets a candidate whose photos are used up submit, saying it was recorded', async () => {
    const usedUp = {
      ...needed,
      attemptsUsed: 3,
      lastVerdict: 'mismatch' as const,
      canSubmit: true,
    };
    const api = new FakeApi().on(getMyAttempt, myAttempt(open(usedUp)));
    const page = renderExam(api);
    await page.user.click(await screen.findByRole('button', { name: /交卷/ }));
    const dialog = within(await screen.findByRole('dialog', { name: '确认交卷' }));
    expect(dialog.getByText('人脸识别未通过，已记录')).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: /确认交卷/ })).toBeEnabled();
  });
});
