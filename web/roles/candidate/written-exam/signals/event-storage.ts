import { committed, done } from '../answer-storage.js';
import type { EventStorage, StoredEvent } from './event-queue.js';

// A database of its own, apart from the answers' (answer-storage.ts): nothing done here can
// touch, upgrade or block the answers.
const DB_NAME = 'invigil-attempt-events';
const STORE = 'events';

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DB_NAME, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(STORE, { keyPath: ['attemptId', 'id'] });
  };
  return done(request);
}

/** The attempt's unsent events in IndexedDB: they outlive a reload, a crash, a restart. */
export function indexedDbEventStorage(factory: IDBFactory): EventStorage {
  let database: Promise<IDBDatabase> | null = null;
  const open = () => (database ??= openDatabase(factory));
  return {
    async list(attemptId) {
      const db = await open();
      const store = db.transaction(STORE, 'readonly').objectStore(STORE);
      // Arrays sort after strings: [id] … [id, []] spans every event of the attempt.
      const range = IDBKeyRange.bound([attemptId], [attemptId, []]);
      return (await done(store.getAll(range))) as StoredEvent[];
    },
    async put(event) {
      const db = await open();
      const transaction = db.transaction(STORE, 'readwrite');
      transaction.objectStore(STORE).put(event);
      await committed(transaction);
    },
    async remove(attemptId, ids) {
      const db = await open();
      const transaction = db.transaction(STORE, 'readwrite');
      const store = transaction.objectStore(STORE);
      for (const id of ids) store.delete([attemptId, id]);
      await committed(transaction);
    },
  };
}

/** Events in memory only (tests, browsers without IndexedDB): they end with the page. */
export function memoryEventStorage(): EventStorage {
  const events = new Map<string, StoredEvent>();
  return {
    list: (attemptId) =>
      Promise.resolve(
        [...events.values()]
          .filter((event) => event.attemptId === attemptId)
          .map((event) => structuredClone(event)),
      ),
    put: (event) => {
      events.set(`${event.attemptId}/${event.id}`, structuredClone(event));
      return Promise.resolve();
    },
    remove: (attemptId, ids) => {
      for (const id of ids) events.delete(`${attemptId}/${id}`);
      return Promise.resolve();
    },
  };
}

let shared: EventStorage | null = null;

/** The storage the page uses: IndexedDB where the browser has it. */
export function eventStorage(): EventStorage {
  shared ??= 'indexedDB' in globalThis ? indexedDbEventStorage(indexedDB) : memoryEventStorage();
  return shared;
}
