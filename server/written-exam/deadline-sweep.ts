import type { AttemptRepo } from './attempt-repo.js';
import type { AttemptService, PaperCache } from './attempt-service.js';
import type { MockAttemptService } from './mock-attempt-service.js';
import type { OutageService } from './outage-service.js';

/** Attempts submitted per sweep at most; the next sweep takes the rest. */
const SWEEP_BATCH = 200;

/**
 * Submits what the server's clock says is due (docs/design.md "Jobs"): every `intervalMs`, and
 * once at start, which catches up on attempts whose deadline passed while the server was down.
 * No Redis is needed: each attempt is decided again under its row lock, so two nodes sweeping at
 * once submit it once. Mock attempts (模拟考试) are swept too, each by its own deadline
 * (mock-clock.ts), so an abandoned one ends scored. After that, outages (outage-service.ts): an
 * attempt whose candidate is away at its deadline is submitted at the deadline first, and its open
 * outage ends with it, nothing given back. `runOnce` answers how many this call submitted.
 */
export class DeadlineSweep {
  #timer: ReturnType<typeof setInterval> | null = null;
  #running: Promise<number> | null = null;

  constructor(
    private readonly repo: AttemptRepo,
    private readonly attempts: AttemptService,
    private readonly now: () => Date,
    private readonly graceSeconds: number,
    private readonly mocks: Pick<MockAttemptService, 'submitIfDue'>,
    private readonly outages?: Pick<OutageService, 'sweep'>,
  ) {}

  runOnce(): Promise<number> {
    // One sweep at a time per node; a slow one is not overtaken by the next tick.
    this.#running ??= this.sweep().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  start(intervalMs: number, onError: (error: unknown) => void): void {
    if (this.#timer) return;
    const tick = () => {
      this.runOnce().catch(onError);
    };
    tick();
    this.#timer = setInterval(tick, intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => undefined);
  }

  private async sweep(): Promise<number> {
    let submitted = 0;
    const due = await this.repo.dueAttempts(this.now(), this.graceSeconds, SWEEP_BATCH);
    const papers: PaperCache = new Map();
    for (const { id, kind } of due) {
      const isSubmitted =
        kind === 'mock'
          ? await this.mocks.submitIfDue(id)
          : await this.attempts.submitIfDue(id, papers);
      if (isSubmitted) submitted += 1;
    }
    await this.outages?.sweep();
    return submitted;
  }
}
