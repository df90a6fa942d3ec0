import { createHash, randomUUID } from 'node:crypto';
import type { Database } from '../db/client.js';
import { storedFile } from '../db/schema/index.js';
import { AppError } from '../errors/app-error.js';
import type { FileStorage } from './storage.js';

/** What a file is for; the first part of its storage key. */
export type FilePurpose =
  | 'reference-photos'
  | 'documents'
  | 'snapshots'
  | 'answer-files'
  | 'question-images'
  /** The AI monitor's JPEG of a flag (server/proctoring/evidence-service.ts). */
  | 'evidence';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/pdf': 'pdf',
};

export interface SavedFile {
  id: string;
  storageKey: string;
}

/**
 * Stores bytes under a key we generate (`<school>/<purpose>/<uuid>.<ext>`, never a user's file
 * name) and records them in `stored_file`. Bytes first: a crash leaves an orphan file, never a
 * row without bytes.
 */
export async function saveStoredFile(
  db: Database,
  storage: FileStorage,
  file: { schoolId: string; purpose: FilePurpose; bytes: Uint8Array; mimeType: string },
): Promise<SavedFile> {
  const id = randomUUID();
  const extension = EXTENSIONS[file.mimeType] ?? 'bin';
  const storageKey = `${file.schoolId}/${file.purpose}/${id}.${extension}`;
  await storage.put(storageKey, file.bytes);
  await db.insert(storedFile).values({
    id,
    schoolId: file.schoolId,
    storageKey,
    mimeType: file.mimeType,
    sizeBytes: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
  });
  return { id, storageKey };
}

/**
 * The bytes under a storage key. Bytes gone from storage (a lost volume, a partial restore)
 * answer NOT_FOUND like a missing row, never a 500.
 */
export async function readStoredBytes(
  storage: FileStorage,
  storageKey: string,
  what: string,
): Promise<Buffer> {
  try {
    return await storage.get(storageKey);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw AppError.notFound(what);
    throw error;
  }
}
