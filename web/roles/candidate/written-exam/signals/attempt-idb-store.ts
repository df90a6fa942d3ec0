import { committed, done } from '../answer-storage.js';

// One IndexedDB database per kind of thing the attempt's page keeps until the server has it
// (events, evidence snapshots), each apart from the answers' and from each other: nothing done
// in one can touch, upgrade or block another. Items are keyed by [attemptId, their own id].

export interface AttemptIdbStore<T extends { attemptId: string }> {
  list(attemptId: string): Promise<T[]>;
  put(item: T): Promise<void>;
  remove(attemptId: string, ids: readonly string[]): Promise<void>;
}

/**
 * A store of `T` in its own database, keyed by [attemptId, item[idField]]. The names are part of
 * what browsers already hold (an earlier page's unsent items): never rename them.
 */
export function attemptIdbStore<T extends { attemptId: string }>(
  factory: IDBFactory,
  names: { database: string; store: string },
  idField: keyof T & string,
): AttemptIdbStore<T> {
  const STORE = names.store;
  let database: Promise<IDBDatabase> | null = null;
  const open = () =>
    (database ??= (() => {
      const request = factory.open(names.database, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(STORE, { keyPath: ['attemptId', idField] });
      };
      return done(request);
    })());
  return {
    async list(attemptId) {
      const db = await open();
      const store = db.transaction(STORE, 'readonly').objectStore(STORE);
      // Arrays sort after strings: [id] … [id, []] spans every item of the attempt.
      const range = IDBKeyRange.bound([attemptId], [attemptId, []]);
      return (await done(store.getAll(range))) as T[];
    },
    async put(item) {
      const db = await open();
      const transaction = db.transaction(STORE, 'readwrite');
      transaction.objectStore(STORE).put(item);
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
