import { describe, expect, it } from 'vitest';
import { HeartbeatWriter, type PhoneHeartbeat } from './heartbeat-writer.js';

const beat = (registrationId: string, second: number): PhoneHeartbeat => ({
  registrationId,
  schoolId: 's',
  at: new Date(Date.UTC(2026, 10, 26, 8, 0, second)),
});

describe('HeartbeatWriter', () => {
  it('writes the heartbeats of a moment in one batch, the latest per phone, then answers all', async () => {
    const batches: PhoneHeartbeat[][] = [];
    const writer = new HeartbeatWriter(async (batch) => {
      batches.push(batch);
      await Promise.resolve();
    }, 10);
    const answered = Promise.all([
      writer.touch(beat('r1', 1)),
      writer.touch(beat('r2', 1)),
      writer.touch(beat('r1', 3)),
      writer.touch(beat('r1', 2)), // arrived late, older: not written over the newer one
    ]);
    await answered;
    expect(batches).toEqual([[beat('r1', 3), beat('r2', 1)]]);
    await writer.touch(beat('r2', 9));
    expect(batches).toHaveLength(2);
  });

  it('fails every waiting heartbeat of a batch whose write failed', async () => {
    const writer = new HeartbeatWriter(() => Promise.reject(new Error('db down')), 10);
    const results = await Promise.allSettled([
      writer.touch(beat('r1', 1)),
      writer.touch(beat('r2', 1)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});
