import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { crc32, deflateSync } from 'node:zlib';
import type { TestClient } from '../test/test-app.js';

/** Small real files for the document tests, built byte by byte. */

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A valid 1×1 grey PNG: signature, IHDR, IDAT, IEND. */
export function tinyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The signature and IHDR of a PNG, the way a large image starts. */
export function pngHead(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(4000, 0);
  header.writeUInt32BE(3000, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header)]);
}

/** A minimal one-page PDF. */
export function tinyPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
      '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\n' +
      'trailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}

/** The start of a Windows executable (MZ header). */
export function exeHeader(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

/** A zip (stored, not compressed) holding these entries in this order. */
export function zipOf(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORD_CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/** A .docx-shaped zip whose telling parts come after `padding` bytes of another entry. */
export function docxWithPadding(padding: number): Buffer {
  return zipOf([
    { name: 'docProps/thumbnail.bin', data: Buffer.alloc(padding, 7) },
    { name: '[Content_Types].xml', data: Buffer.from(WORD_CONTENT_TYPES) },
    { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
  ]);
}

/**
 * A body that yields `head` and then zeros in 64 KB chunks up to `totalBytes`, counting what the
 * server pulled, so a test can tell a refusal came before the body was read.
 */
export function countingBody(
  head: Buffer,
  totalBytes: number,
): { body: Readable; pulled(): number } {
  const CHUNK = 64 * 1024;
  let pulled = 0;
  const zeros = Buffer.alloc(CHUNK);
  function* chunks(): Generator<Buffer> {
    let sent = 0;
    while (sent < totalBytes) {
      const chunk = sent === 0 ? Buffer.concat([head, zeros]).subarray(0, CHUNK) : zeros;
      const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
      sent += piece.length;
      pulled = sent;
      yield piece;
    }
  }
  return { body: Readable.from(chunks(), { objectMode: false }), pulled: () => pulled };
}

/** Uploads one document the way the web app does: raw bytes, the name in `?name=`. */
export function uploadAs(
  app: FastifyInstance,
  client: TestClient,
  name: string,
  payload: Buffer | Readable,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url: `/api/me/documents?name=${encodeURIComponent(name)}`,
    headers: {
      cookie: `invigil_sid=${client.cookie('invigil_sid') ?? ''}; invigil_csrf=${client.cookie('invigil_csrf') ?? ''}`,
      'x-csrf-token': client.cookie('invigil_csrf') ?? '',
      'content-type': 'application/octet-stream',
      ...headers,
    },
    payload,
  });
}
