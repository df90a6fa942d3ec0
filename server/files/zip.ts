import yauzl from 'yauzl';
import { AppError } from '../errors/app-error.js';

/** What an archive may hold before it is refused whole as a zip bomb (ARCHIVE_REJECTED). */
export interface ZipLimits {
  maxEntries: number;
  /** The sum of the uncompressed sizes the archive declares, and of what it really inflates to. */
  maxTotalBytes: number;
  /** Entries larger than this (uncompressed) must not inflate more than maxRatio times. */
  ratioCheckFromBytes: number;
  maxRatio: number;
}

/** One file of an archive as its central directory describes it. */
export interface ZipEntryInfo {
  /** The name as stored: may hold folders or `..`; never use it as a path. */
  name: string;
  compressedBytes: number;
  uncompressedBytes: number;
  isDirectory: boolean;
  isEncrypted: boolean;
}

/** A checked archive: its entries, and a way to inflate one with its size enforced. */
export interface OpenZip {
  entries: ZipEntryInfo[];
  /** Inflates an entry; refuses (ARCHIVE_REJECTED) when it yields more than it declared. */
  read(entry: ZipEntryInfo): Promise<Buffer>;
  /** Inflates an entry only to count it (same refusals as `read`), holding none of its bytes. */
  drain(entry: ZipEntryInfo): Promise<void>;
  close(): void;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** Whether bytes start like a zip archive (XLSX, DOCX and plain zips alike). */
export function looksLikeZip(head: Buffer): boolean {
  return head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC);
}

function rejected(message: string): AppError {
  return AppError.withIssues('ARCHIVE_REJECTED', [{ path: 'file', message }]);
}

function fromBuffer(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      // Names are decoded here, not by yauzl, which refuses `../` names outright: they are
      // listed back to the admin as unmatched, and never used as paths anyway.
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: false },
      (error, zip) => {
        if (error) reject(error);
        else resolve(zip);
      },
    );
  });
}

function listEntries(zip: yauzl.ZipFile, limits: ZipLimits): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      if (entries.length > limits.maxEntries) {
        zip.close();
        reject(rejected(`more than ${String(limits.maxEntries)} entries`));
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => {
      resolve(entries);
    });
    zip.on('error', reject);
    zip.readEntry();
  });
}

function checkDeclaredSizes(entries: yauzl.Entry[], limits: ZipLimits): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw rejected(`more than ${String(limits.maxTotalBytes)} bytes uncompressed`);
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioCheckFromBytes && ratio > limits.maxRatio) {
      throw rejected(`an entry inflates more than ${String(limits.maxRatio)} times`);
    }
  }
}

function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: { left: number }, keep: boolean) {
  return new Promise<Buffer>((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) {
        reject(rejected('an entry cannot be read'));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        budget.left -= chunk.length;
        if (size > entry.uncompressedSize || budget.left < 0) {
          stream.destroy();
          reject(rejected('an entry inflates beyond its declared size'));
          return;
        }
        if (keep) chunks.push(chunk);
      });
      // yauzl's own size check (validateEntrySizes) ends here too when an entry lies.
      stream.on('error', () => {
        reject(rejected('an entry inflates beyond its declared size'));
      });
      stream.on('end', () => {
        resolve(keep ? Buffer.concat(chunks, size) : Buffer.alloc(0));
      });
    });
  });
}

/**
 * Opens a zip held in memory after checking what its central directory declares (entry count,
 * total uncompressed size, compression ratio of big entries); a bomb is refused with
 * ARCHIVE_REJECTED before anything is inflated, an unreadable archive with `unreadable`.
 */
export async function openZip(
  bytes: Buffer,
  limits: ZipLimits,
  unreadable: () => AppError = () => rejected('not a readable zip archive'),
): Promise<OpenZip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await fromBuffer(bytes);
  } catch {
    throw unreadable();
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw rejected(`more than ${String(limits.maxEntries)} entries`);
  }
  let raw: yauzl.Entry[];
  try {
    raw = await listEntries(zip, limits);
    checkDeclaredSizes(raw, limits);
  } catch (error) {
    zip.close();
    if (error instanceof AppError) throw error;
    throw unreadable();
  }
  const byInfo = new Map<ZipEntryInfo, yauzl.Entry>();
  const entries = raw.map((entry) => {
    const name = decodeName(entry.fileNameRaw, entry.generalPurposeBitFlag);
    const info: ZipEntryInfo = {
      name,
      compressedBytes: entry.compressedSize,
      uncompressedBytes: entry.uncompressedSize,
      isDirectory: name.endsWith('/'),
      isEncrypted: entry.isEncrypted(),
    };
    byInfo.set(info, entry);
    return info;
  });
  const budget = { left: limits.maxTotalBytes };
  const open = (info: ZipEntryInfo, keep: boolean) => {
    const entry = byInfo.get(info);
    if (!entry) return Promise.reject(new Error('entry of another archive'));
    if (info.isEncrypted) return Promise.reject(rejected('encrypted entries are not supported'));
    return inflate(zip, entry, budget, keep);
  };
  return {
    entries,
    read: (info) => open(info, true),
    drain: async (info) => {
      await open(info, false);
    },
    close: () => {
      zip.close();
    },
  };
}

/**
 * Checks an archive that is kept as it is (a document uploaded as .zip, .docx, .xlsx, .pptx) so
 * that whoever unpacks it later gets no bomb: what its directory declares (entries, total size,
 * ratio), then what each entry really inflates to, counted without holding the bytes. Encrypted
 * entries cannot be inflated and are held to what they declare.
 */
export async function assertSafeZip(
  bytes: Buffer,
  limits: ZipLimits,
  unreadable: () => AppError,
): Promise<void> {
  const zip = await openZip(bytes, limits, unreadable);
  // Many small entries of zeros pass the per-entry ratio; the whole archive is held to it too.
  const declared = zip.entries.reduce((sum, entry) => sum + entry.uncompressedBytes, 0);
  if (declared > limits.ratioCheckFromBytes && declared / bytes.length > limits.maxRatio) {
    zip.close();
    throw rejected(`the archive inflates more than ${String(limits.maxRatio)} times`);
  }
  try {
    for (const entry of zip.entries) {
      if (!entry.isDirectory && !entry.isEncrypted) await zip.drain(entry);
    }
  } finally {
    zip.close();
  }
}

const UTF8_NAME_FLAG = 0x800;

/** Entry names are UTF-8 when flagged; zips made on a Chinese Windows use GBK without the flag. */
function decodeName(raw: Buffer, flags: number): string {
  if (flags & UTF8_NAME_FLAG) return new TextDecoder('utf-8').decode(raw);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw);
  }
}

/** The last part of an entry name without its extension: `../a/b/110.jpg` → `110`. */
export function entryStem(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}
