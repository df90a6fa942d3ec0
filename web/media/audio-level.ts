/** Speech sits around 0.02–0.2 RMS; this gain puts normal speech in the upper half of the meter. */
const LEVEL_GAIN = 4;

/** Samples per block whose RMS is one reading (about 21 ms at 48 kHz, a syllable's onset). */
export const LEVEL_BLOCK = 1024;

/**
 * Turns samples (-1..1) into a 0..1 meter level: the RMS of the loudest block of
 * `LEVEL_BLOCK` samples, so a short sound anywhere in a long window still shows at full height.
 */
export function levelOfSamples(samples: Float32Array): number {
  let loudest = 0;
  for (let start = 0; start < samples.length; start += LEVEL_BLOCK) {
    const end = Math.min(samples.length, start + LEVEL_BLOCK);
    let sum = 0;
    for (const sample of samples.subarray(start, end)) sum += sample * sample;
    loudest = Math.max(loudest, Math.sqrt(sum / (end - start)));
  }
  return Math.min(1, loudest * LEVEL_GAIN);
}

/**
 * Samples the analyser keeps: more than one reading's interval (8192 at 48 kHz is 170 ms, the
 * timer reads every 100 ms), so no sound falls between two readings. A 1024-sample window read
 * every 100 ms saw a fifth of the signal: a short periodic sound (a click, Chromium's fake
 * microphone beeping 20 ms every 500 ms) could be missed for good when its period and the
 * timer's lined up.
 */
const ANALYSER_SAMPLES = 8192;

/**
 * Reads a microphone's level with a WebAudio AnalyserNode about ten times a second (a timer,
 * not animation frames, so a hidden tab still measures). Call `stop()` to release the context.
 */
export class AudioLevelMeter {
  private readonly context: AudioContext;
  private readonly timer: number;
  private peakLevel = 0;

  constructor(stream: MediaStream, onLevel: (level: number, peak: number) => void) {
    this.context = new AudioContext();
    const analyser = this.context.createAnalyser();
    analyser.fftSize = ANALYSER_SAMPLES;
    this.context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    // A context created before a user gesture starts suspended in some browsers.
    void this.context.resume().catch(() => undefined);
    this.timer = window.setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const level = levelOfSamples(samples);
      this.peakLevel = Math.max(this.peakLevel, level);
      onLevel(level, this.peakLevel);
    }, 100);
  }

  /** The loudest level measured so far, 0..1. */
  get peak(): number {
    return this.peakLevel;
  }

  stop(): void {
    window.clearInterval(this.timer);
    void this.context.close().catch(() => undefined);
  }
}

/**
 * Plays a short test tone made by an OscillatorNode (no audio file to ship), fading in and out
 * so it does not click. Resolves when it has finished; `signal` stops it early.
 */
export async function playTestTone(
  options: { durationMs?: number; frequency?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const { durationMs = 1500, frequency = 660, signal } = options;
  const context = new AudioContext();
  try {
    await context.resume();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const start = context.currentTime;
    const end = start + durationMs / 1000;
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(0.3, start + 0.05);
    gain.gain.setValueAtTime(0.3, end - 0.1);
    gain.gain.linearRampToValueAtTime(0, end);
    oscillator.connect(gain).connect(context.destination);
    const ended = new Promise<void>((resolve) => {
      oscillator.onended = () => resolve();
      signal?.addEventListener('abort', () => oscillator.stop(), { once: true });
    });
    oscillator.start(start);
    oscillator.stop(end);
    await ended;
  } finally {
    await context.close().catch(() => undefined);
  }
}
