import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { jpegOrientation } from './exif-orientation.js';
import { decodeImage, encodeJpeg, encodePng } from './image-codec.js';
import { stripJpegMetadata, stripPngMetadata, withoutMetadata } from './image-metadata.js';

// A photo's metadata (GPS, camera serial, comments, data appended after it) is gone after the
// upload; the picture itself, its pixels and the way it is turned, is what it was.

const WIDTH = 24;
const HEIGHT = 16;
const image = {
  width: WIDTH,
  height: HEIGHT,
  data: new Uint8Array(Array.from({ length: WIDTH * HEIGHT * 3 }, (_, index) => (index * 7) % 256)),
};
const SECRETS = ['GPS 31.2304N 121.4737E', 'SERIAL-00012345', 'PK\x03\x04appended'];

/** An APP1 EXIF with IFD0 holding Orientation and a string tag (ImageDescription) with a secret. */
function exifSegment(orientation: number, secret: string): Buffer {
  const text = Buffer.from(`${secret}\0`, 'latin1');
  const tiff = Buffer.alloc(8 + 2 + 2 * 12 + 4 + text.length);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(2, 8);
  // 0x010e ImageDescription, ASCII, its text after the IFD.
  tiff.writeUInt16LE(0x010e, 10);
  tiff.writeUInt16LE(2, 12);
  tiff.writeUInt32LE(text.length, 14);
  tiff.writeUInt32LE(8 + 2 + 24 + 4, 18);
  tiff.writeUInt16LE(0x0112, 22);
  tiff.writeUInt16LE(3, 24);
  tiff.writeUInt32LE(1, 26);
  tiff.writeUInt16LE(orientation, 30);
  text.copy(tiff, 8 + 2 + 24 + 4);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

function segment(marker: number, text: string): Buffer {
  const body = Buffer.from(text, 'latin1');
  const header = Buffer.alloc(4);
  header.writeUInt16BE(marker, 0);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const hasSecret = (bytes: Buffer) => SECRETS.some((secret) => bytes.includes(secret, 0, 'latin1'));

describe('photo metadata', () => {
  it('drops EXIF, XMP and comments from a JPEG, keeps its pixels and its turn', () => {
    const plain = Buffer.from(encodeJpeg(image, 90));
    const camera = Buffer.concat([
      plain.subarray(0, 2),
      exifSegment(6, SECRETS[0] ?? ''),
      segment(0xffe1, `http://ns.adobe.com/xap/1.0/\0${SECRETS[1] ?? ''}`),
      segment(0xfffe, SECRETS[1] ?? ''),
      plain.subarray(2),
      Buffer.from(SECRETS[2] ?? '', 'latin1'),
    ]);
    expect(hasSecret(camera)).toBe(true);
    expect(jpegOrientation(camera)).toBe(6);

    const stripped = stripJpegMetadata(camera);
    if (!stripped) throw new Error('the JPEG was not read');
    expect(hasSecret(stripped)).toBe(false);
    expect(jpegOrientation(stripped)).toBe(6);
    expect(decodeImage(stripped)).toEqual(decodeImage(plain));
    expect(withoutMetadata(camera, 'jpeg')).toEqual(stripped);
  });

  it('writes no EXIF at all for a JPEG shown as stored', () => {
    const plain = Buffer.from(encodeJpeg(image, 90));
    const camera = Buffer.concat([plain.subarray(0, 2), exifSegment(1, 'x'), plain.subarray(2)]);
    expect(stripJpegMetadata(camera)).toEqual(plain);
  });

  it('drops text, EXIF and time chunks from a PNG, keeps its pixels', () => {
    const plain = Buffer.from(encodePng(image));
    const afterHeader = 8 + 12 + 13;
    const camera = Buffer.concat([
      plain.subarray(0, afterHeader),
      pngChunk('tEXt', Buffer.from(`Comment\0${SECRETS[0] ?? ''}`, 'latin1')),
      pngChunk('eXIf', exifSegment(1, SECRETS[1] ?? '').subarray(10)),
      pngChunk('tIME', Buffer.from([0x07, 0xea, 12, 4, 10, 0, 0])),
      plain.subarray(afterHeader),
    ]);
    expect(decodeImage(camera)).toEqual(decodeImage(plain));
    const stripped = stripPngMetadata(camera);
    if (!stripped) throw new Error('the PNG was not read');
    expect(hasSecret(stripped)).toBe(false);
    expect(stripped).toEqual(plain);
  });
});
