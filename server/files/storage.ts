import { mkdir, readFile, rename, rm, statfs, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/** Where file bytes live: a local folder now, S3-compatible storage later. Keys are ours, never user names. */
export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer>;
  /** Space left for new files, when the storage can tell (a local disk can, S3 cannot). */
  freeBytes?(): Promise<number | null>;
}

export class LocalFolderStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + sep)) throw new Error('storage key escapes the root');
    return path;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename, so a crash never leaves half a file under the final name; a failed
    // write (a full disk) removes its partial file, so it does not hold on to the last space.
    const partial = `${path}.partial`;
    try {
      await writeFile(partial, bytes);
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async freeBytes(): Promise<number | null> {
    try {
      const stats = await statfs(this.root);
      return stats.bavail * stats.bsize;
    } catch {
      // The folder is made on the first write; until then the disk is not known.
      return null;
    }
  }
}
