import { describe, expect, it } from 'vitest';
import { decodeImage, encodePng, UnsupportedImageError } from './image-codec.js';

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
