import { describe, expect, it } from 'vitest';
import { AttemptEventQueue, type EventSendOutcome, type StoredEvent } from './event-queue.js';
import { memoryEventStorage } from './event-storage.js';

// The attempt's event queue without a page: a scripted server, a hand-moved clock.

const ATTEMPT = '00000000-0000-4000-8000-000000000080';
const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function scripted(...outcomes: EventSendOutcome['kind'][]) {
  const batches: StoredEvent[][] = [];
  const send = (events: readonly StoredEvent[]) => {
    batches.push([...events]);
    const outcome: EventSendOutcome = { kind: outcomes.shift() ?? 'saved' };
    return Promise.resolve(outcome);
  };
  return { batches, send };
}

/** Ids unique across queues (pages), as crypto.randomUUID's are. */
let n = 0;

function queueWith(server: ReturnType<typeof scripted>, storage = memoryEventStorage()) {
  let now = 1_000;
  const queue = new AttemptEventQueue({
    attemptId: ATTEMPT,
    storage,
    send: server.send,
    now: () => now++,
    newId: () => idOf(++n),
  });
  return { queue, storage };
}

describe('AttemptEventQueue', () => {
  it('sends in the order things happened, at most 50 to a batch, and forgets what was acknowledged', async () => {
    const server = scripted('failed');
    const { queue, storage } = queueWith(server);
    const first = n + 1;
    for (let i = 0; i < 60; i++) queue.record(i % 2 === 0 ? 'page_hidden' : 'page_visible');
    await queue.flush();
    expect(queue.getSnapshot()).toMatchObject({ pending: 60, isFailing: true });
    expect(await storage.list(ATTEMPT)).toHaveLength(60);

    await queue.flush();
    const sent = server.batches.slice(1);
    expect(sent.map((batch) => batch.length)).toEqual([50, 10]);
    expect(sent.flat().map((event) => event.id)).toEqual(
      Array.from({ length: 60 }, (_, i) => idOf(first + i)),
    );
    expect(sent.flat()[1]?.type).toBe('page_visible');
    await queue.settled();
    expect(await storage.list(ATTEMPT)).toEqual([]);
    expect(queue.getSnapshot()).toMatchObject({ pending: 0, isFailing: false });
  });

  it('replays what an earlier page left, before what happens now', async () => {
    const storage = memoryEventStorage();
    const first = queueWith(scripted('failed'), storage);
    first.queue.record('screen_share_started', { surface: 'monitor' });
    await first.queue.flush();
    await first.queue.settled();

    const server = scripted();
    const { queue } = queueWith(server, storage);
    queue.record('page_hidden');
    await queue.flush();
    expect(server.batches.flat().map((event) => [event.type, event.detail])).toEqual([
      ['screen_share_started', { surface: 'monitor' }],
      ['page_hidden', undefined],
    ]);
  });

  it('drops what the server refuses for good, and stops once the attempt is closed', async () => {
    const server = scripted('dropped', 'closed');
    const { queue, storage } = queueWith(server);
    queue.record('page_hidden');
    await queue.flush();
    expect(queue.getSnapshot()).toMatchObject({ pending: 0, isClosed: false });
    queue.record('page_visible');
    await queue.flush();
    expect(queue.getSnapshot()).toMatchObject({ pending: 0, isClosed: true });
    queue.record('page_hidden');
    await queue.flush();
    expect(server.batches).toHaveLength(2);
    await queue.settled();
    expect(await storage.list(ATTEMPT)).toEqual([]);
  });
});
