import { describe, expect, it, vi } from 'vitest';
import { RELOAD_GRACE_MS, reloadForChunkError } from './reload-on-chunk-error.js';

function memory(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('reloadForChunkError', () => {
  it('reloads once for a failed chunk, not again at once, and again much later', () => {
    const storage = memory();
    const reload = vi.fn();
    let now = 1_000_000;
    const deps = { storage, reload, now: () => now };
    expect(reloadForChunkError(deps)).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
    now += 5_000;
    expect(reloadForChunkError(deps)).toBe(false);
    expect(reload).toHaveBeenCalledTimes(1);
    now += RELOAD_GRACE_MS;
    expect(reloadForChunkError(deps)).toBe(true);
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('never reloads where storage is refused, so it cannot loop', () => {
    const reload = vi.fn();
    const storage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => undefined,
    };
    expect(reloadForChunkError({ storage, reload, now: () => 0 })).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });
});
