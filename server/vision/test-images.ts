import jpeg from 'jpeg-js';
import { crc32 } from 'node:zlib';
import { encodePng } from './image-codec.js';

/**
 * A JPEG of `width`×`height`, left half red and right half blue, carrying an EXIF Orientation
 * (1: as stored; 6: show it turned 90° clockwise) (test helper).
 */
export function sidewaysJpeg(width: number, height: number, orientation: number): Buffer {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data.set(x < width / 2 ? [255, 0, 0, 255] : [0, 0, 255, 255], (y * width + x) * 4);
    }
  }
  const plain = jpeg.encode({ width, height, data }, 95).data;
  // APP1 "Exif\0\0", big-endian TIFF, one IFD entry: Orientation (0x0112), SHORT, 1 value.
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0,
    0x2a,
    0,
    0,
    0,
    8,
    0,
    1,
    0x01,
    0x12,
    0,
    3,
    0,
    0,
    0,
    1,
    0,
    orientation,
    0,
    0,
    0,
    0,
    0,
    0,
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([plain.subarray(0, 2), app1, payload, plain.subarray(2)]);
}

/** A tEXt chunk (keyword, NUL, text) with its length and CRC. */
function textChunk(keyword: string, text: string): Buffer {
  const body = Buffer.concat([Buffer.from(`tEXt${keyword}\0`, 'latin1'), Buffer.from(text)]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), body.length + 4);
  return chunk;
}

/** A whole 2×1 PNG carrying `text` in a tEXt chunk right after its header (test helper). */
export function pngWithComment(text: string): Buffer {
  const png = Buffer.from(
    encodePng({ width: 2, height: 1, data: new Uint8Array([255, 0, 0, 0, 0, 255]) }),
  );
  // Signature (8) and IHDR (25) first, as PNG requires.
  return Buffer.concat([png.subarray(0, 33), textChunk('Comment', text), png.subarray(33)]);
}
