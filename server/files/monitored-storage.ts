import { AppError } from '../errors/app-error.js';
import type { ServiceHealth } from '../system/health.js';
import type { FileStorage } from './storage.js';

/** Error codes of a write refused for space: a full disk, or a user's or project's quota. */
const NO_SPACE_CODES = new Set(['ENOSPC', 'EDQUOT']);

export function isNoSpaceError(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    NO_SPACE_CODES.has(error.code)
  );
}

/**
 * The app's storage as every route sees it: a write refused for space answers 507 STORAGE_FULL
 * (never a 500) and tells the node's health (`/api/ready`, `/metrics`); files already stored are
 * never touched, since every write goes to a new key.
 */
export class MonitoredStorage implements FileStorage {
  constructor(
    private readonly inner: FileStorage,
    private readonly health: ServiceHealth,
  ) {}

  async put(key: string, bytes: Uint8Array): Promise<void> {
    try {
      await this.inner.put(key, bytes);
    } catch (error) {
      if (!isNoSpaceError(error)) {
        this.health.storageWriteFailed('other');
        throw error;
      }
      this.health.storageWriteFailed('no_space');
      throw AppError.of('STORAGE_FULL', 'file storage has no space left');
    }
    this.health.storageWritten();
  }

  get(key: string): Promise<Buffer> {
    return this.inner.get(key);
  }

  freeBytes(): Promise<number | null> {
    return this.inner.freeBytes ? this.inner.freeBytes() : Promise.resolve(null);
  }
}
