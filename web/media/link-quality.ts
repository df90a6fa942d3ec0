/**
 * How well a remote stream arrives (issue 19 §2): staff see 网络良好 / 网络较差 / 网络中断 on
 * the candidate's tiles, read from the receiving peer connection's getStats every
 * LINK_QUALITY_INTERVAL_MS. Pure: the browser's reports go in as plain objects.
 */
export type LinkQuality = 'good' | 'poor' | 'lost';

/** What one subscription has received so far (totals since its connection started). */
export interface LinkStatsSample {
  /** When it was read (ms, any monotonic clock). */
  at: number;
  /** RTP packets received and lost, audio and video together (inbound-rtp). */
  packetsReceived: number;
  packetsLost: number;
  /** Video frames decoded and audio samples received (inbound-rtp). */
  framesDecoded: number;
  audioSamples: number;
  /** Whether the connection carries a video stream (a PC without a camera sends sound only). */
  hasVideo: boolean;
  /**
   * The inbound audio's jitter (ms), null when not reported. Not the video's: a frame's packets
   * leave in a burst, so video jitter is high (50–120 ms measured) on a perfect link.
   */
  jitterMs: number | null;
  /** The selected candidate pair's current round-trip time (ms), null when not reported. */
  rttMs: number | null;
}

/** How often a tile reads the stats; also the interval the classifier compares. */
export const LINK_QUALITY_INTERVAL_MS = 2_000;

/**
 * The thresholds (docs/performance.md "Bad network"), chosen around what a call still does
 * well: Opus conceals about 2 % loss, 300 ms of round trip is where talking over each other
 * starts, 30 ms of audio jitter already fills the jitter buffer.
 * - lost: no packet at all arrived during the interval (audio is always sent, even muted);
 * - poor: ≥ LOSS_POOR of the interval's packets lost, or a round trip ≥ RTT_POOR_MS, or
 *   audio jitter ≥ JITTER_POOR_MS, or a video stream that decoded no frame while sound arrived;
 * - good otherwise. Back from poor to good only after GOOD_STREAK good intervals in a row, so
 *   a link at the edge does not flap (and screen readers are not told every 2 s).
 */
export const LINK_QUALITY_THRESHOLDS = {
  LOSS_POOR: 0.02,
  RTT_POOR_MS: 300,
  JITTER_POOR_MS: 30,
  GOOD_STREAK: 2,
} as const;

/** One interval's verdict from two samples of the same connection (`previous` first). */
export function classifyLink(previous: LinkStatsSample, current: LinkStatsSample): LinkQuality {
  const received = current.packetsReceived - previous.packetsReceived;
  // A new connection (a restart) starts its totals again: compare with nothing.
  if (received < 0) return classifyLink(emptySample(current), current);
  if (received === 0) return 'lost';
  const lost = Math.max(0, current.packetsLost - previous.packetsLost);
  const { LOSS_POOR, RTT_POOR_MS, JITTER_POOR_MS } = LINK_QUALITY_THRESHOLDS;
  const framesStopped = current.hasVideo && current.framesDecoded === previous.framesDecoded;
  if (
    lost / (lost + received) >= LOSS_POOR ||
    (current.rttMs ?? 0) >= RTT_POOR_MS ||
    (current.jitterMs ?? 0) >= JITTER_POOR_MS ||
    framesStopped
  ) {
    return 'poor';
  }
  return 'good';
}

function emptySample(like: LinkStatsSample): LinkStatsSample {
  return { ...like, packetsReceived: 0, packetsLost: 0, framesDecoded: 0, audioSamples: 0 };
}

/**
 * Follows one subscription's samples: `update` returns what to show (null until two samples
 * make an interval), `interrupted` says the connection itself is down (lost at once).
 */
export class LinkQualityTracker {
  #previous: LinkStatsSample | null = null;
  #shown: LinkQuality | null = null;
  #goodStreak = 0;

  get quality(): LinkQuality | null {
    return this.#shown;
  }

  update(sample: LinkStatsSample): LinkQuality | null {
    const previous = this.#previous;
    this.#previous = sample;
    if (!previous) return this.#shown;
    const verdict = classifyLink(previous, sample);
    if (verdict !== 'good') {
      this.#goodStreak = 0;
      this.#shown = verdict;
    } else {
      this.#goodStreak += 1;
      const isRecovering = this.#shown === 'poor';
      if (!isRecovering || this.#goodStreak >= LINK_QUALITY_THRESHOLDS.GOOD_STREAK) {
        this.#shown = 'good';
      }
    }
    return this.#shown;
  }

  /** The connection went down (reconnecting): lost now, and the next sample starts afresh. */
  interrupted(): LinkQuality {
    this.#previous = null;
    this.#goodStreak = 0;
    this.#shown = 'lost';
    return this.#shown;
  }
}

/** The fields of one stats report this module reads (every report has `type` and `id`). */
type StatsReport = Readonly<Record<string, unknown>>;

function numberOf(report: StatsReport, field: string): number {
  const value = report[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * Sums a receiving connection's reports (`RTCStatsReport.values()`) into a sample: its
 * inbound-rtp streams, and the round trip of the candidate pair its transport selected (the
 * nominated, succeeded pair when no transport report names one).
 */
export function summarizeStats(reports: Iterable<StatsReport>, at: number): LinkStatsSample {
  const sample: LinkStatsSample = {
    at,
    packetsReceived: 0,
    packetsLost: 0,
    framesDecoded: 0,
    audioSamples: 0,
    hasVideo: false,
    jitterMs: null,
    rttMs: null,
  };
  const all = [...reports];
  const selectedPairs = new Set(
    all
      .filter((report) => report.type === 'transport')
      .map((report) => report.selectedCandidatePairId)
      .filter((id): id is string => typeof id === 'string'),
  );
  for (const report of all) {
    if (report.type === 'inbound-rtp') {
      sample.packetsReceived += numberOf(report, 'packetsReceived');
      sample.packetsLost += Math.max(0, numberOf(report, 'packetsLost'));
      sample.framesDecoded += numberOf(report, 'framesDecoded');
      sample.audioSamples += numberOf(report, 'totalSamplesReceived');
      if (report.kind === 'video') sample.hasVideo = true;
      if (report.kind === 'audio' && typeof report.jitter === 'number') {
        sample.jitterMs = Math.max(sample.jitterMs ?? 0, report.jitter * 1000);
      }
    }
    const isSelected =
      report.type === 'candidate-pair' &&
      (selectedPairs.size > 0
        ? selectedPairs.has(String(report.id))
        : report.nominated === true && report.state === 'succeeded');
    if (isSelected && typeof report.currentRoundTripTime === 'number') {
      sample.rttMs = report.currentRoundTripTime * 1000;
    }
  }
  return sample;
}
