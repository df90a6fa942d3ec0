import { attemptIdbStore } from './attempt-idb-store.js';
import type { EventStorage, StoredEvent } from './event-queue.js';

/** The attempt's unsent events in IndexedDB: they outlive a reload, a crash, a restart. */
export function indexedDbEventStorage(factory: IDBFactory): EventStorage {
  return attemptIdbStore<StoredEvent>(
    factory,
    { database: 'invigil-attempt-events', store: 'events' },
    'id',
  );
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
