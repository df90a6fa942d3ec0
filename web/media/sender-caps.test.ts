import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MEDIA_BUDGET, type MediaBudget } from '../../shared/api/media.js';
import { MediaSession } from './media-session.js';
import { FakeLink, FakeRelay, fakeTrack } from './p2p-fakes.test-support.js';
import { P2PTransport } from './p2p-transport.js';
import {
  BUDGET_RETRY_MS,
  audioEncoding,
  cachedMediaBudget,
  senderCapsOf,
  videoEncoding,
} from './sender-caps.js';

const registrationId = '00000000-0000-4000-8000-000000000001';

describe('videoEncoding', () => {
  const proctoringCamera = DEFAULT_MEDIA_BUDGET.proctoring.camera.full;

  it('scales a 640×480 camera down to 360 lines, at most 15 fps and 280 kbit/s', () => {
    expect(videoEncoding(proctoringCamera, 480)).toEqual({
      maxBitrate: 280_000,
      maxFramerate: 15,
      scaleResolutionDownBy: 1.333,
      priority: 'low',
      networkPriority: 'low',
    });
  });

  it('never scales a small camera up, nor one whose size the browser does not say', () => {
    expect(videoEncoding(proctoringCamera, 240).scaleResolutionDownBy).toBe(1);
    expect(videoEncoding(proctoringCamera, undefined).scaleResolutionDownBy).toBe(1);
  });

  it('sends the microphone first', () => {
    expect(audioEncoding(24)).toEqual({
      maxBitrate: 24_000,
      priority: 'high',
      networkPriority: 'high',
    });
  });
});

describe('senderCapsOf', () => {
  it('gives an examiner camera the camera caps, and silent watchers the small picture', () => {
    expect(senderCapsOf(DEFAULT_MEDIA_BUDGET, 'interview', 'staff', 'full')).toEqual({
      video: DEFAULT_MEDIA_BUDGET.interview.camera.full,
      audioKbps: 40,
    });
    expect(senderCapsOf(DEFAULT_MEDIA_BUDGET, 'proctoring', 'phone', 'low').video).toEqual({
      maxKbps: 100,
      maxHeight: 180,
      maxFps: 8,
    });
  });
});

describe('the P2P transport applies the budget per viewer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeLink.created = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A candidate PC publishing its camera, an examiner in the call and a proctor watching. */
  function setUp(budget: MediaBudget) {
    const relay = new FakeRelay();
    const session = (socket: string) =>
      new MediaSession(
        new P2PTransport({
          signaling: relay.connect(socket),
          createLink: (_ice, events) => new FakeLink(events),
          mediaBudget: () => Promise.resolve(budget),
          newPeerId: () => `${socket}-peer`,
        }),
      );
    return { pc: session('pc'), examiner: session('examiner'), proctor: session('proctor') };
  }

  it('sends the call its full picture and a silent watcher the small one, at the exam quality', async () => {
    const { pc, examiner, proctor } = setUp(DEFAULT_MEDIA_BUDGET);
    pc.publish(
      [fakeTrack('camera'), fakeTrack('microphone', 'audio')],
      { registrationId, source: 'camera' },
      'interview',
    );
    await vi.advanceTimersByTimeAsync(0);
    examiner.subscribe({ registrationId, source: 'camera' }, 'full');
    await vi.advanceTimersByTimeAsync(0);
    proctor.subscribe({ registrationId, source: 'camera' }, 'low');
    await vi.advanceTimersByTimeAsync(0);

    const publisherLinks = FakeLink.created.filter((link) => link.caps !== null);
    expect(publisherLinks.map((link) => link.caps)).toEqual([
      { video: DEFAULT_MEDIA_BUDGET.interview.camera.full, audioKbps: 40 },
      { video: DEFAULT_MEDIA_BUDGET.interview.camera.low, audioKbps: 40 },
    ]);
  });

  it("follows the server's budget rather than the defaults", async () => {
    const campus = structuredClone(DEFAULT_MEDIA_BUDGET);
    campus.proctoring.camera.full.maxKbps = 600;
    const { pc, examiner } = setUp(campus);
    pc.publish([fakeTrack('camera')], { registrationId, source: 'camera' });
    await vi.advanceTimersByTimeAsync(0);
    examiner.subscribe({ registrationId, source: 'camera' });
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeLink.created[0]?.caps?.video.maxKbps).toBe(600);
  });
});

describe('cachedMediaBudget', () => {
  it('asks the server once, and after a failure uses the defaults until asking again', async () => {
    let now = 0;
    const campus = structuredClone(DEFAULT_MEDIA_BUDGET);
    campus.interview.audioKbps = 64;
    const fetchBudget = vi
      .fn<() => Promise<MediaBudget>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(campus);
    const budget = cachedMediaBudget(fetchBudget, () => now);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    expect(await budget()).toEqual(DEFAULT_MEDIA_BUDGET);
    now += BUDGET_RETRY_MS - 1;
    expect(await budget()).toEqual(DEFAULT_MEDIA_BUDGET);
    expect(fetchBudget).toHaveBeenCalledTimes(1);
    now += 1;
    expect(await budget()).toEqual(campus);
    expect(await budget()).toEqual(campus);
    expect(fetchBudget).toHaveBeenCalledTimes(2);
  });
});
