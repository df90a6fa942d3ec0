import { committed, done } from '../answer-storage.js';
import type { SnapshotStorage, StoredSnapshot } from './evidence-queue.js';

// A database of its own, apart from the answers' and the events': a full disk or a broken
// store here can never touch them.
const DB_NAME = 'invigil-attempt-evidence';
const STORE = 'snapshots';

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DB_NAME, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(STORE, { keyPath: ['attemptId', 'eventId'] });
  };
  return done(request);
}

/** The attempt's unsent snapshots in IndexedDB: they outlive a reload, a crash, a restart. */
export function indexedDbSnapshotStorage(factory: IDBFactory): SnapshotStorage {
  let database: Promise<IDBDatabase> | null = null;
  const open = () => (database ??= openDatabase(factory));
  return {
    async list(attemptId) {
      const db = await open();
      const store = db.transaction(STORE, 'readonly').objectStore(STORE);
      const range = IDBKeyRange.bound([attemptId], [attemptId, []]);
      return (await done(store.getAll(range))) as StoredSnapshot[];
    },
    async put(snapshot) {
      const db = await open();
      const transaction = db.transaction(STORE, 'readwrite');
      transaction.objectStore(STORE).put(snapshot);
      await committed(transaction);
    },
    async remove(attemptId, eventId) {
      const db = await open();
      const transaction = db.transaction(STORE, 'readwrite');
      transaction.objectStore(STORE).delete([attemptId, eventId]);
      await committed(transaction);
    },
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
