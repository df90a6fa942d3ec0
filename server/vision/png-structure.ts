// pngjs decodes leniently: a PNG signature and header followed by anything (HTML, a truncated
// file) still "decodes" to blank pixels. This check is strict, so a file is a PNG only when it is
// one from its first byte to its last.
import { crc32, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Samples per pixel by colour type: grey, RGB, palette, grey + alpha, RGBA. */
const CHANNELS: Partial<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Adam7 passes: first column and row, then the steps between them. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

export class MalformedPngError extends Error {
  constructor(reason: string) {
    super(`not a whole PNG: ${reason}`);
    this.name = 'MalformedPngError';
  }
}

interface Header {
  width: number;
  height: number;
  bitsPerPixel: number;
  interlaced: boolean;
}

function readHeader(data: Buffer): Header {
  if (data.length !== 13) throw new MalformedPngError('IHDR length');
  const width = data.readUInt32BE(0);
  const height = data.readUInt32BE(4);
  const bitDepth = data[8] ?? 0;
  const channels = CHANNELS[data[9] ?? -1];
  if (width === 0 || height === 0 || channels === undefined || ![1, 2, 4, 8, 16].includes(bitDepth))
    throw new MalformedPngError('IHDR values');
  return { width, height, bitsPerPixel: bitDepth * channels, interlaced: data[12] === 1 };
}

/** Bytes the image data inflates to: per row a filter byte and the packed samples. */
function inflatedSize(header: Header): number {
  const rows = (width: number, height: number) =>
    width === 0 || height === 0 ? 0 : height * (1 + Math.ceil((width * header.bitsPerPixel) / 8));
  if (!header.interlaced) return rows(header.width, header.height);
  let total = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    total += rows(
      Math.ceil(Math.max(0, header.width - x0) / dx),
      Math.ceil(Math.max(0, header.height - y0) / dy),
    );
  }
  return total;
}

/**
 * Refuses (MalformedPngError) unless the bytes are exactly one PNG: the signature, IHDR first,
 * every chunk whole with a correct CRC, image data that inflates to exactly the declared picture,
 * and IEND as the last bytes of the file. Call it after the pixel-count limit.
 */
export function assertWholePng(bytes: Buffer): void {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new MalformedPngError('signature');
  let offset = 8;
  let header: Header | null = null;
  const imageData: Buffer[] = [];
  for (;;) {
    if (offset + 12 > bytes.length) throw new MalformedPngError('truncated');
    const length = bytes.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) throw new MalformedPngError('truncated chunk');
    const typeAndData = bytes.subarray(offset + 4, offset + 8 + length);
    if (crc32(typeAndData) !== bytes.readUInt32BE(offset + 8 + length))
      throw new MalformedPngError('chunk CRC');
    const type = typeAndData.subarray(0, 4).toString('latin1');
    const data = typeAndData.subarray(4);
    if (header === null && type !== 'IHDR') throw new MalformedPngError('IHDR first');
    if (type === 'IHDR') header = readHeader(data);
    if (type === 'IDAT') imageData.push(data);
    offset = end;
    if (type === 'IEND') break;
  }
  if (offset !== bytes.length) throw new MalformedPngError('bytes after IEND');
  if (!header || imageData.length === 0) throw new MalformedPngError('no image data');
  const expected = inflatedSize(header);
  let inflated: Buffer;
  try {
    inflated = inflateSync(Buffer.concat(imageData), { maxOutputLength: expected + 1 });
  } catch {
    throw new MalformedPngError('image data');
  }
  if (inflated.length !== expected) throw new MalformedPngError('image data size');
}
