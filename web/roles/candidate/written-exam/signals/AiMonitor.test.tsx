import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordMyAttemptEvents } from '../../../../../shared/api/attempt-events.js';
import { getMyAttempt } from '../../../../../shared/api/written-exam.js';
import { FakeApi } from '../../../../test/fake-api.js';
import { render, sessionUser } from '../../../../test/render.js';
import type { BrowserFaceEngine, FaceMeasurement } from '../../../../vision/face-engine.js';
import { memoryStorage } from '../answer-storage.js';
import {
  attemptView,
  EXAM_PATH,
  EXAM_URL,
  myAttempt,
} from '../written-exam-fixtures.test-support.js';
import { WrittenExamPage } from '../WrittenExamPage.js';
import { memoryEventStorage } from './event-storage.js';

// AI 监考 on the written paper (issue 15 §1): jsdom has no camera, no video decoding and no
// worker, so the camera is a stub stream, the video reports a frame, and the face engine is a
// script of what it "sees" frame by frame. The tracker's own rules are in proctor-conditions.

const FACE: FaceMeasurement = {
  box: { x: 200, y: 100, width: 200, height: 220 },
  score: 0.9,
  yawDegrees: 0,
  pitchDegrees: 0,
  eyeOpenness: { left: 0.3, right: 0.3 },
  sharpness: 100,
};

/** An engine that sees `faces()` in every frame; `load` fails when told to. */
function scriptedEngine(faces: () => FaceMeasurement[], fails = false) {
  const measured = vi.fn();
  const engine: BrowserFaceEngine = {
    load: () =>
      fails
        ? Promise.reject(new Error('no wasm'))
        : Promise.resolve({ backend: 'wasm', loadMs: 1 }),
    measure: (_frame, at) => {
      measured();
      return Promise.resolve({ at, width: 640, height: 360, faces: faces(), engineMs: 40 });
    },
    dispose: vi.fn(),
  };
  return { engine, measured };
}

const stopTrack = vi.fn();
beforeEach(() => {
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: {
      getUserMedia: () => {
        const tracks = [{ kind: 'video', stop: stopTrack }];
        return Promise.resolve({
          getTracks: () => tracks,
          getVideoTracks: () => tracks,
          getAudioTracks: () => [],
        });
      },
    },
  });
  vi.spyOn(HTMLMediaElement.prototype, 'readyState', 'get').mockReturnValue(4);
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  vi.stubGlobal('createImageBitmap', () => Promise.resolve({ close: () => undefined }));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

function renderMonitored(engine: BrowserFaceEngine, flagSeconds = 2) {
  const api = new FakeApi()
    .on(getMyAttempt, myAttempt(attemptView(), { aiMonitor: { flagSeconds } }))
    .on(recordMyAttemptEvents, (request) => ({
      stored: (request.body as { events: unknown[] }).events.length,
      duplicates: 0,
    }));
  render(
    <WrittenExamPage
      storage={memoryStorage()}
      eventStorage={memoryEventStorage()}
      createFaceEngine={() => engine}
    />,
    { path: EXAM_PATH, url: EXAM_URL, user: sessionUser(), api },
  );
  return api;
}

interface SentEvent {
  type: string;
  detail?: Record<string, unknown>;
}
const sentEvents = (api: FakeApi) =>
  api
    .requestsTo(recordMyAttemptEvents)
    .flatMap((request) => (request.body as { events: SentEvent[] }).events);

describe('AI 监考 on the written paper', () => {
  it('tells the candidate when no face has been seen for the hold time, logs it, and clears it', async () => {
    let faces: FaceMeasurement[] = [];
    const { engine } = scriptedEngine(() => faces);
    const api = renderMonitored(engine);
    expect(await screen.findByRole('heading', { name: '第1题' })).toBeInTheDocument();
    expect(screen.queryByText(/未检测到您的人脸/)).not.toBeInTheDocument();
    expect(
      await screen.findByText(/未检测到您的人脸/, undefined, { timeout: 5_000 }),
    ).toBeInTheDocument();
    await waitFor(() => expect(sentEvents(api).map((event) => event.type)).toEqual(['ai_no_face']));
    expect(sentEvents(api)[0]?.detail?.heldSeconds).toBeGreaterThanOrEqual(2);

    faces = [FACE];
    await waitFor(() => expect(screen.queryByText(/未检测到您的人脸/)).not.toBeInTheDocument(), {
      timeout: 5_000,
    });
    await waitFor(() =>
      expect(sentEvents(api).map((event) => event.type)).toEqual([
        'ai_no_face',
        'ai_condition_ended',
      ]),
    );
    expect(sentEvents(api)[1]?.detail?.condition).toBe('no_face');
  }, 15_000);

  it('logs once that the monitor cannot run, says so calmly, and the paper stays open', async () => {
    const { engine, measured } = scriptedEngine(() => [], true);
    const api = renderMonitored(engine);
    expect(await screen.findByText(/本电脑无法运行 AI 监考/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '第1题' })).toBeInTheDocument();
    await waitFor(() => expect(sentEvents(api)).toHaveLength(1));
    expect(sentEvents(api)[0]).toMatchObject({
      type: 'ai_monitor_unavailable',
      detail: { reason: 'engine' },
    });
    expect(measured).not.toHaveBeenCalled();
  });
});
