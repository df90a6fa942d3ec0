import type { AnswerStorage, StoredAnswer } from './answer-queue.js';

const DB_NAME = 'invigil-answers';
const STORE = 'answers';

/** Resolves with a request's result, or rejects with its error (the event log uses it too). */
export function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves once a write transaction is committed (durable), not merely requested. */
export function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DB_NAME, 1);
  request.onupgradeneeded = () => {
    // One record per attempt and question: only the latest answer of each is kept.
    request.result.createObjectStore(STORE, { keyPath: ['attemptId', 'paperQuestionId'] });
  };
  return done(request);
}

/**
 * The answers of this browser in IndexedDB, which outlives a reload, a crash and a browser
 * restart. Opened on first use; a failure rejects the call (the queue then says so).
 */
export function indexedDbStorage(factory: IDBFactory): AnswerStorage {
  let database: Promise<IDBDatabase> | null = null;
  const open = () => (database ??= openDatabase(factory));
  return {
    async list(attemptId) {
      const db = await open();
      const store = db.transaction(STORE, 'readonly').objectStore(STORE);
      // Arrays sort after strings: [id] … [id, []] spans every question of the attempt.
      const range = IDBKeyRange.bound([attemptId], [attemptId, []]);
      return (await done(store.getAll(range))) as StoredAnswer[];
    },
    async put(record) {
      const db = await open();
      const transaction = db.transaction(STORE, 'readwrite');
      transaction.objectStore(STORE).put(record);
      await committed(transaction);
    },
  };
}

/** Records in memory only (no IndexedDB: tests, very old browsers): they end with the page. */
export function memoryStorage(): AnswerStorage {
  const records = new Map<string, StoredAnswer>();
  return {
    list: (attemptId) =>
      Promise.resolve(
        [...records.values()]
          .filter((record) => record.attemptId === attemptId)
          .map((record) => structuredClone(record)),
      ),
    put: (record) => {
      records.set(`${record.attemptId}/${record.paperQuestionId}`, structuredClone(record));
      return Promise.resolve();
    },
  };
}

let shared: AnswerStorage | null = null;

/** The storage the page uses: IndexedDB where the browser has it. */
export function answerStorage(): AnswerStorage {
  shared ??= 'indexedDB' in globalThis ? indexedDbStorage(indexedDB) : memoryStorage();
  return shared;
}
