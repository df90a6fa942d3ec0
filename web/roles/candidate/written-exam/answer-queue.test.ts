import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../../shared/questions/answer-schema.js';
import { AnswerQueue, type AnswerSender, type SendOutcome } from './answer-queue.js';
import { memoryStorage } from './answer-storage.js';

const ATTEMPT = 'attempt-1';
const choice = (optionId: string): Answer => ({ type: 'single_choice', optionId });
const essay = (text: string): Answer => ({ type: 'essay', text });

interface Sent {
  id: string;
  answer: Answer;
  seq: number;
}

/**
 * A server the test answers by hand: each save waits until the test resolves it with an
 * outcome, so the test decides what happens while a save is on its way.
 */
function handServer() {
  const sent: Sent[] = [];
  const waiting: ((outcome: SendOutcome) => void)[] = [];
  const send: AnswerSender = (id, answer, seq) => {
    sent.push({ id, answer, seq });
    return new Promise((resolve) => waiting.push(resolve));
  };
  const answerNext = async (outcome: SendOutcome) => {
    const resolve = waiting.shift();
    if (!resolve) throw new Error('no save is waiting');
    resolve(outcome);
    // Let the queue take the answer and send what it sends next.
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  };
  return { sent, send, answerNext, waitingCount: () => waiting.length };
}

/** A server that answers every save at once with the same outcome. */
function instantServer(outcome: () => SendOutcome) {
  const sent: Sent[] = [];
  const send: AnswerSender = (id, answer, seq) => {
    sent.push({ id, answer, seq });
    return Promise.resolve(outcome());
  };
  return { sent, send };
}

let clock = 0;
const now = () => (clock += 1);

describe('AnswerQueue', () => {
  it("numbers each question's changes on from the server's seq and forgets them once acknowledged", async () => {
    const storage = memoryStorage();
    const server = handServer();
    const queue = new AnswerQueue({ attemptId: ATTEMPT, storage, send: server.send, now });
    await queue.load([{ paperQuestionId: 'q1', answer: choice('A'), seq: 4 }]);
    queue.change('q1', choice('B'));
    queue.change('q2', choice('C'));
    expect(server.sent).toEqual([
      { id: 'q1', answer: choice('B'), seq: 5 },
      { id: 'q2', answer: choice('C'), seq: 1 },
    ]);
    expect(queue.getSnapshot()).toMatchObject({ status: 'saving', pendingIds: ['q1', 'q2'] });
    await server.answerNext({ kind: 'saved' });
    await server.answerNext({ kind: 'saved' });
    expect(queue.getSnapshot()).toMatchObject({ status: 'saved', pendingIds: [] });
    await queue.settled();
    expect(await storage.list(ATTEMPT)).toEqual([
      expect.objectContaining({ paperQuestionId: 'q1', seq: 5, pending: null }),
      expect.objectContaining({ paperQuestionId: 'q2', seq: 1, pending: null }),
    ]);
  });

  it('sends a change made while the previous save is on its way once that one returns', async () => {
    const server = handServer();
    const queue = new AnswerQueue({
      attemptId: ATTEMPT,
      storage: memoryStorage(),
      send: server.send,
      now,
    });
    await queue.load([]);
    queue.change('q1', essay('I'));
    queue.change('q1', essay('I like'));
    queue.change('q1', essay('I like tea'));
    expect(server.sent).toHaveLength(1);
    await server.answerNext({ kind: 'saved' });
    // Only the latest is sent, with the latest seq; the one in between is never needed.
    expect(server.sent.map((save) => [save.answer, save.seq])).toEqual([
      [essay('I'), 1],
      [essay('I like tea'), 3],
    ]);
    expect(queue.getSnapshot().pendingIds).toEqual(['q1']);
    await server.answerNext({ kind: 'saved' });
    expect(queue.getSnapshot().status).toBe('saved');
  });

  it('keeps unacknowledged answers through a lost network and replays them oldest first', async () => {
    const storage = memoryStorage();
    let isOnline = false;
    const server = instantServer(() => (isOnline ? { kind: 'saved' } : { kind: 'failed' }));
    const queue = new AnswerQueue({ attemptId: ATTEMPT, storage, send: server.send, now });
    await queue.load([]);
    queue.change('q3', choice('A'));
    queue.change('q1', choice('B'));
    queue.change('q3', choice('C'));
    await queue.flush();
    expect(queue.getSnapshot()).toMatchObject({ status: 'failing', pendingIds: ['q1', 'q3'] });

    isOnline = true;
    server.sent.length = 0;
    await queue.flush();
    expect(server.sent.map((save) => [save.id, save.answer, save.seq])).toEqual([
      ['q1', choice('B'), 1],
      ['q3', choice('C'), 2],
    ]);
    expect(queue.getSnapshot()).toMatchObject({ status: 'saved', pendingIds: [] });
  });

  it('stops a replay at the first save that gets no answer', async () => {
    const server = instantServer(() => ({ kind: 'failed' }));
    const queue = new AnswerQueue({
      attemptId: ATTEMPT,
      storage: memoryStorage(),
      send: server.send,
      now,
    });
    await queue.load([]);
    for (const id of ['q1', 'q2', 'q3']) queue.change(id, choice('A'));
    await queue.flush();
    server.sent.length = 0;
    await queue.flush();
    expect(server.sent.map((save) => save.id)).toEqual(['q1']);
    expect(queue.getSnapshot().pendingIds).toHaveLength(3);
  });

  it('replays after a reload or a browser restart: a new queue on the same storage sends them', async () => {
    const storage = memoryStorage();
    const offline = instantServer(() => ({ kind: 'failed' }));
    const before = new AnswerQueue({ attemptId: ATTEMPT, storage, send: offline.send, now });
    await before.load([{ paperQuestionId: 'q1', answer: choice('A'), seq: 2 }]);
    before.change('q1', choice('D'));
    before.change('q2', essay('离线时写的'));
    await before.settled();

    const online = instantServer(() => ({ kind: 'saved' }));
    const after = new AnswerQueue({ attemptId: ATTEMPT, storage, send: online.send, now });
    // The server still has the old answer of q1: the local one is newer and is what is shown.
    const shown = await after.load([{ paperQuestionId: 'q1', answer: choice('A'), seq: 2 }]);
    expect(Object.fromEntries(shown)).toEqual({ q1: choice('D'), q2: essay('离线时写的') });
    expect(after.getSnapshot().pendingIds).toEqual(['q1', 'q2']);
    await after.flush();
    expect(online.sent.map((save) => [save.id, save.seq])).toEqual([
      ['q1', 3],
      ['q2', 1],
    ]);
    // The counter continues where it stood.
    after.change('q2', essay('再改一次'));
    expect(online.sent.at(-1)?.seq).toBe(2);
  });

  it('keeps a waiting copy when the page reads the storage twice (React runs effects twice)', async () => {
    const storage = memoryStorage();
    await storage.put({
      attemptId: ATTEMPT,
      paperQuestionId: 'q1',
      seq: 1,
      pending: essay('离线时写的'),
      changedAt: 1,
    });
    const offline = instantServer(() => ({ kind: 'failed' }));
    const queue = new AnswerQueue({ attemptId: ATTEMPT, storage, send: offline.send, now });
    const [first, second] = await Promise.all([queue.load([]), queue.load([])]);
    const again = await queue.load([]);
    for (const shown of [first, second, again])
      expect(shown.get('q1')).toEqual(essay('离线时写的'));
    expect(queue.getSnapshot().pendingIds).toEqual(['q1']);
    await queue.settled();
    expect((await storage.list(ATTEMPT))[0]).toMatchObject({
      seq: 1,
      pending: essay('离线时写的'),
    });
  });

  it("lets the server's answer win when it is as new as the local copy, or newer", async () => {
    const storage = memoryStorage();
    await storage.put({
      attemptId: ATTEMPT,
      paperQuestionId: 'q1',
      seq: 3,
      pending: choice('B'),
      changedAt: 1,
    });
    const server = instantServer(() => ({ kind: 'saved' }));
    const queue = new AnswerQueue({ attemptId: ATTEMPT, storage, send: server.send, now });
    // Saved with seq 3 before the acknowledgement was lost, then changed on another device.
    const shown = await queue.load([{ paperQuestionId: 'q1', answer: choice('C'), seq: 5 }]);
    expect(shown.get('q1')).toEqual(choice('C'));
    expect(queue.getSnapshot().pendingIds).toEqual([]);
    await queue.flush();
    expect(server.sent).toEqual([]);
    queue.change('q1', choice('A'));
    expect(server.sent[0]?.seq).toBe(6);
    await queue.settled();
    expect((await storage.list(ATTEMPT))[0]).toMatchObject({ seq: 6 });
  });

  it('takes ANSWER_SEQ_STALE with its own seq stored as saved: a replay whose acknowledgement was lost', async () => {
    const storage = memoryStorage();
    const server = instantServer(() => ({ kind: 'stale', storedSeq: 1 }));
    const overtaken: string[] = [];
    const queue = new AnswerQueue({ attemptId: ATTEMPT, storage, send: server.send, now });
    queue.subscribeOvertaken((id) => overtaken.push(id));
    await queue.load([]);
    queue.change('q1', choice('A'));
    await queue.flush();
    expect(queue.getSnapshot()).toMatchObject({
      status: 'saved',
      pendingIds: [],
      overtakenIds: [],
    });
    expect(overtaken).toEqual([]);
    await queue.settled();
    expect((await storage.list(ATTEMPT))[0]).toMatchObject({ pending: null, seq: 1 });
  });

  it('does not call an answer overtaken by another device saved, and takes the stored one once read', async () => {
    const storage = memoryStorage();
    const server = handServer();
    const overtaken: string[] = [];
    const queue = new AnswerQueue({ attemptId: ATTEMPT, storage, send: server.send, now });
    queue.subscribeOvertaken((id) => overtaken.push(id));
    await queue.load([{ paperQuestionId: 'q1', answer: choice('A'), seq: 2 }]);
    queue.change('q1', choice('B'));
    // The other computer saved seq 3 and 4 meanwhile: this one's seq 3 is refused.
    await server.answerNext({ kind: 'stale', storedSeq: 4 });
    expect(overtaken).toEqual(['q1']);
    expect(queue.getSnapshot()).toMatchObject({
      status: 'saving',
      pendingIds: [],
      overtakenIds: ['q1'],
    });
    // A reading from before the other device's save does not count; the one after it does.
    expect(queue.takeStored([{ paperQuestionId: 'q1', answer: choice('A'), seq: 2 }])).toEqual(
      new Map(),
    );
    const shown = queue.takeStored([{ paperQuestionId: 'q1', answer: choice('D'), seq: 4 }]);
    expect(shown).toEqual(new Map([['q1', choice('D')]]));
    expect(queue.getSnapshot()).toMatchObject({ status: 'saved', overtakenIds: [] });
    // The next change here is numbered above the other device's, so the server takes it.
    queue.change('q1', choice('C'));
    expect(server.sent.at(-1)).toEqual({ id: 'q1', answer: choice('C'), seq: 5 });
    await queue.settled();
    expect((await storage.list(ATTEMPT))[0]).toMatchObject({ seq: 5, pending: choice('C') });
  });

  it('lets a change made here after being overtaken replace the other device’s answer', async () => {
    const server = handServer();
    const queue = new AnswerQueue({
      attemptId: ATTEMPT,
      storage: memoryStorage(),
      send: server.send,
      now,
    });
    await queue.load([]);
    queue.change('q1', essay('这台电脑'));
    await server.answerNext({ kind: 'stale', storedSeq: 3 });
    queue.change('q1', essay('这台电脑，又改了'));
    expect(queue.getSnapshot()).toMatchObject({ pendingIds: ['q1'], overtakenIds: [] });
    expect(server.sent.at(-1)?.seq).toBe(4);
    // The reading that comes back later does not undo the newer change.
    expect(queue.takeStored([{ paperQuestionId: 'q1', answer: essay('另一台'), seq: 3 }])).toEqual(
      new Map(),
    );
    await server.answerNext({ kind: 'saved' });
    expect(queue.getSnapshot().status).toBe('saved');
  });

  it('stops at ATTEMPT_CLOSED and keeps saying which answers did not reach the server', async () => {
    const storage = memoryStorage();
    const server = handServer();
    const queue = new AnswerQueue({ attemptId: ATTEMPT, storage, send: server.send, now });
    await queue.load([]);
    queue.change('q1', choice('A'));
    queue.change('q2', choice('B'));
    await server.answerNext({ kind: 'saved' });
    await server.answerNext({ kind: 'closed' });
    expect(queue.getSnapshot()).toMatchObject({ status: 'closed', pendingIds: ['q2'] });
    // Nothing more is sent once closed: no change, no replay.
    queue.change('q3', choice('C'));
    await queue.flush();
    expect(server.sent.map((save) => save.id)).toEqual(['q1', 'q2']);
    expect(server.waitingCount()).toBe(0);
    expect(queue.getSnapshot().pendingIds).toEqual(['q2']);
  });

  it('does not let an acknowledgement of an older seq forget a newer change', async () => {
    const storage = memoryStorage();
    const server = handServer();
    const queue = new AnswerQueue({ attemptId: ATTEMPT, storage, send: server.send, now });
    await queue.load([]);
    queue.change('q1', choice('A'));
    queue.change('q1', choice('B'));
    await server.answerNext({ kind: 'saved' });
    await queue.settled();
    // seq 1 is acknowledged, seq 2 is on its way: the stored copy is still seq 2, pending.
    expect((await storage.list(ATTEMPT))[0]).toMatchObject({ seq: 2, pending: choice('B') });
    expect(queue.getSnapshot().pendingIds).toEqual(['q1']);
  });

  it('reports a refused answer and forgets it, since sending it again cannot help', async () => {
    const server = instantServer(() => ({ kind: 'rejected', code: 'ANSWER_TOO_LONG' }));
    const queue = new AnswerQueue({
      attemptId: ATTEMPT,
      storage: memoryStorage(),
      send: server.send,
      now,
    });
    await queue.load([]);
    queue.change('q1', essay('太长了'));
    await queue.flush();
    const snapshot = queue.getSnapshot();
    expect(snapshot.pendingIds).toEqual([]);
    expect(snapshot.rejected.get('q1')).toBe('ANSWER_TOO_LONG');
  });

  it('still sends when this browser cannot keep a copy, and says so', async () => {
    const broken = {
      list: () => Promise.reject(new Error('private mode')),
      put: () => Promise.reject(new Error('quota')),
    };
    const server = instantServer(() => ({ kind: 'saved' }));
    const queue = new AnswerQueue({ attemptId: ATTEMPT, storage: broken, send: server.send, now });
    await queue.load([]);
    queue.change('q1', choice('A'));
    await queue.flush();
    await queue.settled();
    expect(server.sent).toHaveLength(1);
    expect(queue.getSnapshot()).toMatchObject({ status: 'saved', isStorageBroken: true });
  });
});
