import { describe, expect, it } from 'vitest';
import {
  LINK_QUALITY_THRESHOLDS,
  LinkQualityTracker,
  classifyLink,
  summarizeStats,
  type LinkStatsSample,
} from './link-quality.js';

function sample(over: Partial<LinkStatsSample> = {}): LinkStatsSample {
  return {
    at: 0,
    packetsReceived: 0,
    packetsLost: 0,
    framesDecoded: 0,
    audioSamples: 0,
    hasVideo: true,
    jitterMs: 5,
    rttMs: 20,
    ...over,
  };
}

/** `received` packets (and `lost`) later, with frames decoded, 2 s on. */
function later(
  previous: LinkStatsSample,
  received: number,
  over: Partial<LinkStatsSample> = {},
): LinkStatsSample {
  return sample({
    at: previous.at + 2000,
    packetsReceived: previous.packetsReceived + received,
    packetsLost: previous.packetsLost,
    framesDecoded: previous.framesDecoded + 30,
    audioSamples: previous.audioSamples + 96_000,
    ...over,
  });
}

describe('classifyLink', () => {
  const start = sample({ packetsReceived: 1000, packetsLost: 10, framesDecoded: 300 });

  it('is good when packets and frames arrive with little loss, jitter and delay', () => {
    expect(classifyLink(start, later(start, 500, { packetsLost: 15 }))).toBe('good');
  });

  it('is poor from 2 % of the interval’s packets lost', () => {
    // 10 of 500 + 10 = 1.96 % → good; 11 → 2.15 % → poor.
    expect(classifyLink(start, later(start, 500, { packetsLost: 20 }))).toBe('good');
    expect(classifyLink(start, later(start, 500, { packetsLost: 21 }))).toBe('poor');
  });

  it('is poor with a long round trip, much jitter, or video frozen while sound arrives', () => {
    const { RTT_POOR_MS, JITTER_POOR_MS } = LINK_QUALITY_THRESHOLDS;
    expect(classifyLink(start, later(start, 500, { rttMs: RTT_POOR_MS }))).toBe('poor');
    expect(classifyLink(start, later(start, 500, { rttMs: RTT_POOR_MS - 1 }))).toBe('good');
    expect(classifyLink(start, later(start, 500, { jitterMs: JITTER_POOR_MS }))).toBe('poor');
    expect(classifyLink(start, later(start, 500, { framesDecoded: 300 }))).toBe('poor');
  });

  it('does not count a sound-only stream without frames as frozen', () => {
    const audioOnly = sample({ packetsReceived: 1000, hasVideo: false });
    expect(
      classifyLink(audioOnly, later(audioOnly, 100, { hasVideo: false, framesDecoded: 0 })),
    ).toBe('good');
  });

  it('is lost when no packet at all arrived during the interval', () => {
    expect(classifyLink(start, later(start, 0, { framesDecoded: 300 }))).toBe('lost');
  });

  it('starts over when the totals went back (a new connection)', () => {
    const fresh = sample({ at: 2000, packetsReceived: 200, packetsLost: 1, framesDecoded: 20 });
    expect(classifyLink(start, fresh)).toBe('good');
  });
});

describe('LinkQualityTracker', () => {
  it('says nothing until two samples make an interval, then the verdict', () => {
    const tracker = new LinkQualityTracker();
    const first = sample({ packetsReceived: 100, framesDecoded: 10 });
    expect(tracker.update(first)).toBeNull();
    expect(tracker.update(later(first, 400))).toBe('good');
  });

  it('goes back from poor to good only after two good intervals (no flapping)', () => {
    const tracker = new LinkQualityTracker();
    let current = sample({ packetsReceived: 100, framesDecoded: 10 });
    tracker.update(current);
    current = later(current, 400, { packetsLost: 50 });
    expect(tracker.update(current)).toBe('poor');
    current = later(current, 400);
    expect(tracker.update(current)).toBe('poor');
    current = later(current, 400);
    expect(tracker.update(current)).toBe('good');
  });

  it('is lost at once when the connection goes down, and measures afresh after', () => {
    const tracker = new LinkQualityTracker();
    const first = sample({ packetsReceived: 100, framesDecoded: 10 });
    tracker.update(first);
    tracker.update(later(first, 400));
    expect(tracker.interrupted()).toBe('lost');
    const again = sample({ packetsReceived: 50, framesDecoded: 5 });
    expect(tracker.update(again)).toBe('lost');
    expect(tracker.update(later(again, 300))).toBe('good');
  });
});

describe('summarizeStats', () => {
  it('sums the inbound streams and reads the selected pair’s round trip', () => {
    const reports = [
      { id: 'T', type: 'transport', selectedCandidatePairId: 'CP2' },
      { id: 'CP1', type: 'candidate-pair', currentRoundTripTime: 0.9, nominated: true },
      { id: 'CP2', type: 'candidate-pair', currentRoundTripTime: 0.15 },
      {
        id: 'IA',
        type: 'inbound-rtp',
        kind: 'audio',
        packetsReceived: 500,
        packetsLost: 12,
        jitter: 0.02,
        totalSamplesReceived: 96_000,
      },
      {
        id: 'IV',
        type: 'inbound-rtp',
        kind: 'video',
        packetsReceived: 900,
        packetsLost: 30,
        jitter: 0.035,
        framesDecoded: 450,
      },
      { id: 'OA', type: 'outbound-rtp', kind: 'audio', packetsSent: 1 },
    ];
    expect(summarizeStats(reports, 1234)).toEqual({
      at: 1234,
      packetsReceived: 1400,
      packetsLost: 42,
      framesDecoded: 450,
      audioSamples: 96_000,
      hasVideo: true,
      jitterMs: 20,
      rttMs: 150,
    });
  });

  it('takes the nominated, succeeded pair without a transport report, and null when unknown', () => {
    const pair = {
      id: 'CP',
      type: 'candidate-pair',
      nominated: true,
      state: 'succeeded',
      currentRoundTripTime: 0.05,
    };
    expect(summarizeStats([pair], 0).rttMs).toBe(50);
    expect(summarizeStats([], 0)).toMatchObject({ rttMs: null, jitterMs: null, hasVideo: false });
  });
});
