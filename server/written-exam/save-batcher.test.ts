import { describe, expect, it } from 'vitest';
import { SaveBatcher } from './save-batcher.js';

// The group commit's rules, with writers that record what they were given.

interface Save {
  attempt: string;
  value: string;
}

function recorder(failOn?: string) {
  const batches: string[][] = [];
  const alone: string[] = [];
  let release: () => void = () => {};
  const gate = { isHeld: false };
  const held = () =>
    gate.isHeld ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  const batcher = new SaveBatcher<Save, string>({
    keyOf: (save) => save.attempt,
    maxInFlight: 1,
    writeBatch: async (saves) => {
      batches.push(saves.map((save) => save.value));
      await held();
      if (saves.some((save) => save.value === failOn)) throw new Error('the statement failed');
      return saves.map((save) => `stored ${save.value}`);
    },
    writeOne: async (save) => {
      alone.push(save.value);
      await held();
      if (save.value === failOn) throw new Error(`${save.value} failed`);
      return `stored ${save.value}`;
    },
  });
  return { batcher, batches, alone, gate, release: () => release() };
}

describe('SaveBatcher', () => {
  it('sends a save at a quiet moment alone, and saves arriving together as one batch', async () => {
    const { batcher, batches, alone } = recorder();
    expect(await batcher.save({ attempt: 'a', value: 'a1' })).toBe('stored a1');
    expect(alone).toEqual(['a1']);
    const together = await Promise.all(
      ['b', 'c', 'd'].map((attempt) => batcher.save({ attempt, value: `${attempt}1` })),
    );
    expect(together).toEqual(['stored b1', 'stored c1', 'stored d1']);
    expect(batches).toEqual([['b1', 'c1', 'd1']]);
  });

  it('writes one save per attempt at a time, in order, the rest gathering meanwhile', async () => {
    const { batcher, batches, alone, gate, release } = recorder();
    gate.isHeld = true;
    const first = batcher.save({ attempt: 'a', value: 'a1' });
    await new Promise((resolve) => setImmediate(resolve));
    // While a1 is being written: a2 waits for it; b1 and c1 gather with it.
    const later = [
      batcher.save({ attempt: 'a', value: 'a2' }),
      batcher.save({ attempt: 'b', value: 'b1' }),
      batcher.save({ attempt: 'c', value: 'c1' }),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    expect(alone).toEqual(['a1']);
    gate.isHeld = false;
    release();
    expect(await first).toBe('stored a1');
    expect(await Promise.all(later)).toEqual(['stored a2', 'stored b1', 'stored c1']);
    expect(batches).toEqual([['a2', 'b1', 'c1']]);
  });

  it('tries each save of a failed batch alone, so only the bad one fails', async () => {
    const { batcher, alone } = recorder('b1');
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c'].map((attempt) => batcher.save({ attempt, value: `${attempt}1` })),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(alone).toEqual(['a1', 'b1', 'c1']);
  });
});
