import { attemptIdbStore } from './attempt-idb-store.js';
import type { SnapshotStorage, StoredSnapshot } from './evidence-queue.js';

/** The attempt's unsent snapshots in IndexedDB: they outlive a reload, a crash, a restart. */
export function indexedDbSnapshotStorage(factory: IDBFactory): SnapshotStorage {
  const store = attemptIdbStore<StoredSnapshot>(
    factory,
    { database: 'invigil-attempt-evidence', store: 'snapshots' },
    'eventId',
  );
  return {
    list: (attemptId) => store.list(attemptId),
    put: (snapshot) => store.put(snapshot),
    remove: (attemptId, eventId) => store.remove(attemptId, [eventId]),
  };
}

/** Snapshots in memory only (tests, browsers without IndexedDB): they end with the page. */
export function memorySnapshotStorage(): SnapshotStorage {
  const snapshots = new Map<string, StoredSnapshot>();
  return {
    list: (attemptId) =>
      Promise.resolve([...snapshots.values()].filter((item) => item.attemptId === attemptId)),
    put: (snapshot) => {
      snapshots.set(`${snapshot.attemptId}/${snapshot.eventId}`, snapshot);
      return Promise.resolve();
    },
    remove: (attemptId, eventId) => {
      snapshots.delete(`${attemptId}/${eventId}`);
      return Promise.resolve();
    },
  };
}

let shared: SnapshotStorage | null = null;

/** The storage the page uses: IndexedDB where the browser has it. */
export function snapshotStorage(): SnapshotStorage {
  shared ??=
    'indexedDB' in globalThis ? indexedDbSnapshotStorage(indexedDB) : memorySnapshotStorage();
  return shared;
}
