import { describe, expect, it, vi } from 'vitest';
import { SnapshotQueue, type SnapshotOutcome, type StoredSnapshot } from './evidence-queue.js';
import { memorySnapshotStorage } from './evidence-storage.js';

const ATTEMPT = 'attempt-1';
const jpeg = (text: string) => new Blob([text], { type: 'image/jpeg' });

/** A server that answers each upload with the next of `outcomes` (then `done`). */
function server(...outcomes: SnapshotOutcome[]) {
  const received: string[] = [];
  const send = vi.fn((snapshot: StoredSnapshot) => {
    received.push(snapshot.eventId);
    return Promise.resolve(outcomes.shift() ?? 'done');
  });
  return { send, received };
}

describe('SnapshotQueue', () => {
  it('sends a snapshot at once and forgets it once the server has it', async () => {
    const storage = memorySnapshotStorage();
    const { send, received } = server('done');
    const queue = new SnapshotQueue(ATTEMPT, storage, send);
    await queue.add('event-1', jpeg('a'));
    expect(received).toEqual(['event-1']);
    expect(await storage.list(ATTEMPT)).toEqual([]);
    expect(queue.isWaiting).toBe(false);
  });

  it('keeps a snapshot whose event has not arrived, in order, and sends it on the next flush', async () => {
    const storage = memorySnapshotStorage();
    const { send, received } = server('later', 'later');
    const queue = new SnapshotQueue(ATTEMPT, storage, send);
    await queue.add('event-1', jpeg('a'));
    await queue.add('event-2', jpeg('b'));
    expect(queue.isWaiting).toBe(true);
    expect((await storage.list(ATTEMPT)).map((item) => item.eventId)).toEqual([
      'event-1',
      'event-2',
    ]);
    await queue.flush();
    expect(received).toEqual(['event-1', 'event-1', 'event-1', 'event-2']);
    expect(queue.isWaiting).toBe(false);
  });

  it('drops a snapshot refused for good and goes on with the next', async () => {
    const storage = memorySnapshotStorage();
    const { send, received } = server('later', 'dropped', 'done');
    const queue = new SnapshotQueue(ATTEMPT, storage, send);
    await queue.add('event-1', jpeg('a'));
    await queue.add('event-2', jpeg('b'));
    expect(received).toEqual(['event-1', 'event-1', 'event-2']);
    expect(await storage.list(ATTEMPT)).toEqual([]);
  });

  it('sends after a reload what the page before could not', async () => {
    const storage = memorySnapshotStorage();
    const offline = new SnapshotQueue(ATTEMPT, storage, () => Promise.reject(new Error('offline')));
    await offline.add('event-1', jpeg('a'));
    expect(await storage.list(ATTEMPT)).toHaveLength(1);

    const { send, received } = server();
    await new SnapshotQueue(ATTEMPT, storage, send).flush();
    expect(received).toEqual(['event-1']);
    expect(await storage.list(ATTEMPT)).toEqual([]);
  });
});
