import { describe, expect, it } from 'vitest';
import { jpegOrientation } from './exif-orientation.js';
import { pngWithComment, sidewaysJpeg } from './test-images.js';
import {
  assertDecodableImage,
  decodeImage,
  encodePng,
  reencodeImage,
  UnsupportedImageError,
} from './image-codec.js';

/** A PNG signature and an IHDR chunk declaring the size, without any pixel data. */
function pngDeclaring(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, 13);
  bytes.set([0x49, 0x48, 0x44, 0x52], 12); // IHDR
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}

function reasonOf(bytes: Uint8Array): string | null {
  try {
    decodeImage(bytes);
    return null;
  } catch (error) {
    return error instanceof UnsupportedImageError ? error.reason : 'other';
  }
}

describe('decoding snapshots', () => {
  it('round-trips a PNG', () => {
    const image = { width: 2, height: 1, data: new Uint8Array([255, 0, 0, 0, 0, 255]) };
    expect(decodeImage(encodePng(image))).toEqual(image);
  });

  it('refuses a small PNG that declares a gigantic picture, before decoding it', () => {
    expect(reasonOf(pngDeclaring(30_000, 30_000))).toBe('too_large');
  });

  it('refuses bytes that are no image, and a truncated one', () => {
    expect(reasonOf(new TextEncoder().encode('MZ not an image at all'))).toBe('unknown_format');
    expect(reasonOf(pngDeclaring(640, 480))).toBe('corrupt');
    expect(reasonOf(pngDeclaring(0, 10))).toBe('corrupt');
  });
});

describe('checking and re-encoding uploaded pictures', () => {
  const png = Buffer.from(
    encodePng({ width: 2, height: 1, data: new Uint8Array([255, 0, 0, 0, 0, 255]) }),
  );
  const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');

  it('refuses a PNG signature followed by HTML, and a truncated JPEG', () => {
    expect(() => assertDecodableImage(Buffer.concat([png.subarray(0, 33), html]))).toThrow(
      UnsupportedImageError,
    );
    const whole = sidewaysJpeg(32, 16, 1);
    expect(assertDecodableImage(whole)).toBe('jpeg');
    expect(() => assertDecodableImage(whole.subarray(0, 200))).toThrow(UnsupportedImageError);
  });

  it('refuses bytes after the end of a PNG', () => {
    expect(() => assertDecodableImage(Buffer.concat([png, html]))).toThrow(UnsupportedImageError);
  });

  it('keeps only the pixels: metadata riding in the picture is gone', () => {
    const withText = pngWithComment(html.toString());
    expect(assertDecodableImage(withText)).toBe('png');
    const reencoded = reencodeImage(withText);
    expect(reencoded.mimeType).toBe('image/png');
    expect(reencoded.bytes.includes(Buffer.from('<script>'))).toBe(false);
    expect(decodeImage(reencoded.bytes)).toEqual(decodeImage(png));
  });

  it('turns a JPEG upright by its EXIF orientation and drops the note', () => {
    const sideways = sidewaysJpeg(32, 16, 6);
    expect(jpegOrientation(sideways)).toBe(6);
    const upright = reencodeImage(sideways);
    expect(jpegOrientation(upright.bytes)).toBe(1);
    const image = decodeImage(upright.bytes);
    expect([image.width, image.height]).toEqual([16, 32]);
    // Turned 90° clockwise: the left (red) half is now on top.
    const top = image.data.subarray(0, 3);
    const bottom = image.data.subarray(image.data.length - 3);
    expect(top[0]).toBeGreaterThan(200);
    expect(bottom[2]).toBeGreaterThan(200);
  });
});
