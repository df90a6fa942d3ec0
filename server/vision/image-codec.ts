// Turns uploaded snapshot bytes into RGB pixels without native code: PNG through `pngjs`, JPEG
// through `jpeg-js` (both pure JavaScript); binary PPM is read here because the offline
// evaluation converts Debian's JPEG samples with `djpeg`.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { applyOrientation, jpegOrientation } from './exif-orientation.js';
import { assertWholePng } from './png-structure.js';
import type { RgbImage } from './raster.js';

export type ImageFormat = 'png' | 'jpeg' | 'ppm';

export class UnsupportedImageError extends Error {
  constructor(readonly reason: 'unknown_format' | 'corrupt' | 'too_large') {
    super(`cannot decode image: ${reason}`);
    this.name = 'UnsupportedImageError';
  }
}

export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes[0] === 0x50 && bytes[1] === 0x36) return 'ppm';
  return null;
}

interface RgbaPixels {
  width: number;
  height: number;
  data: Uint8Array;
}

function isRgbaPixels(value: unknown): value is RgbaPixels {
  if (typeof value !== 'object' || value === null) return false;
  const { width, height, data } = value as Record<string, unknown>;
  return typeof width === 'number' && typeof height === 'number' && data instanceof Uint8Array;
}

function rgbaToRgb(pixels: RgbaPixels): RgbImage {
  const count = pixels.width * pixels.height;
  const data = new Uint8Array(count * 3);
  for (let i = 0; i < count; i++) {
    data[i * 3] = pixels.data[i * 4] ?? 0;
    data[i * 3 + 1] = pixels.data[i * 4 + 1] ?? 0;
    data[i * 3 + 2] = pixels.data[i * 4 + 2] ?? 0;
  }
  return { width: pixels.width, height: pixels.height, data };
}

function decodePpm(bytes: Uint8Array): RgbImage {
  const header: string[] = [];
  let offset = 0;
  // "P6 <width> <height> <maxval>" separated by whitespace, then one whitespace byte.
  while (header.length < 4 && offset < bytes.length) {
    while (offset < bytes.length && /\s/.test(String.fromCharCode(bytes[offset] ?? 0))) offset++;
    if (bytes[offset] === 0x23) {
      while (offset < bytes.length && bytes[offset] !== 0x0a) offset++;
      continue;
    }
    let token = '';
    while (offset < bytes.length && !/\s/.test(String.fromCharCode(bytes[offset] ?? 0))) {
      token += String.fromCharCode(bytes[offset] ?? 0);
      offset++;
    }
    header.push(token);
  }
  const [, width, height, maxValue] = header.map(Number);
  if (!width || !height || maxValue !== 255) throw new UnsupportedImageError('corrupt');
  const data = bytes.slice(offset + 1, offset + 1 + width * height * 3);
  if (data.length !== width * height * 3) throw new UnsupportedImageError('corrupt');
  return { width, height, data };
}

/**
 * The most pixels we decode (a 12-megapixel camera photo fits twice). A few hundred kilobytes of
 * compressed image can declare a picture of gigabytes; it is refused before decoding.
 */
export const MAX_PIXELS = 25_000_000;

/** Refuses a PNG whose header (IHDR: width and height at bytes 16–23) declares too many pixels. */
function refuseHugePng(bytes: Uint8Array): void {
  if (bytes.length < 24) throw new UnsupportedImageError('corrupt');
  const header = new DataView(bytes.buffer, bytes.byteOffset, 24);
  const pixels = header.getUint32(16) * header.getUint32(20);
  if (pixels === 0) throw new UnsupportedImageError('corrupt');
  if (pixels > MAX_PIXELS) throw new UnsupportedImageError('too_large');
}

/** Decodes PNG or JPEG bytes to RGBA, every byte of the picture read (not only its header). */
function decodeRgba(bytes: Uint8Array, format: 'png' | 'jpeg'): RgbaPixels {
  if (format === 'png') {
    refuseHugePng(bytes);
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    assertWholePng(buffer);
    const pixels = PNG.sync.read(buffer);
    if (!isRgbaPixels(pixels)) throw new UnsupportedImageError('corrupt');
    return pixels;
  }
  // The limits keep a crafted JPEG from asking for gigabytes of pixels.
  const pixels = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: MAX_PIXELS / 1_000_000,
    maxMemoryUsageInMB: 256,
  });
  if (!isRgbaPixels(pixels)) throw new UnsupportedImageError('corrupt');
  return pixels;
}

function rethrown(error: unknown): UnsupportedImageError {
  return error instanceof UnsupportedImageError ? error : new UnsupportedImageError('corrupt');
}

/** Decodes PNG, JPEG or binary PPM bytes to RGB. */
export function decodeImage(bytes: Uint8Array): RgbImage {
  const format = sniffImageFormat(bytes);
  try {
    switch (format) {
      case 'png':
      case 'jpeg':
        return rgbaToRgb(decodeRgba(bytes, format));
      case 'ppm':
        return decodePpm(bytes);
      case null:
        throw new UnsupportedImageError('unknown_format');
    }
  } catch (error) {
    throw rethrown(error);
  }
}

/**
 * Whether the bytes are a whole PNG or JPEG picture: decoded to the last pixel, so a PNG
 * signature followed by HTML (or a truncated file) is refused. Throws UnsupportedImageError.
 */
export function assertDecodableImage(bytes: Uint8Array): 'png' | 'jpeg' {
  const format = sniffImageFormat(bytes);
  if (format !== 'png' && format !== 'jpeg') throw new UnsupportedImageError('unknown_format');
  try {
    decodeRgba(bytes, format);
  } catch (error) {
    throw rethrown(error);
  }
  return format;
}

/** JPEG quality of re-encoded photos: no visible loss, and the face checks compare as before. */
const REENCODED_JPEG_QUALITY = 92;

/**
 * The picture's pixels and nothing else: decoded and encoded again in its own format, upright
 * (EXIF orientation applied) and without metadata, comments or bytes after its end.
 */
export function reencodeImage(bytes: Uint8Array): { bytes: Buffer; mimeType: string } {
  const format = sniffImageFormat(bytes);
  if (format !== 'png' && format !== 'jpeg') throw new UnsupportedImageError('unknown_format');
  let pixels: RgbaPixels;
  try {
    pixels = decodeRgba(bytes, format);
  } catch (error) {
    throw rethrown(error);
  }
  if (format === 'png') {
    const png = Object.assign(new PNG({ width: pixels.width, height: pixels.height }), {
      data: Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.length),
    });
    return { bytes: PNG.sync.write(png), mimeType: 'image/png' };
  }
  const upright = applyOrientation(pixels, jpegOrientation(bytes));
  const encoded = jpeg.encode(
    { width: upright.width, height: upright.height, data: upright.data },
    REENCODED_JPEG_QUALITY,
  );
  return { bytes: encoded.data, mimeType: 'image/jpeg' };
}

/** RGB to RGBA with every pixel opaque, as both encoders take it. */
function opaqueRgba(image: RgbImage): Buffer {
  const count = image.width * image.height;
  const rgba = Buffer.alloc(count * 4, 255);
  for (let i = 0; i < count; i++) {
    rgba[i * 4] = image.data[i * 3] ?? 0;
    rgba[i * 4 + 1] = image.data[i * 3 + 1] ?? 0;
    rgba[i * 4 + 2] = image.data[i * 3 + 2] ?? 0;
  }
  return rgba;
}

/** Encodes RGB as an 8-bit RGBA PNG (tests, fixtures, evidence snapshots). */
export function encodePng(image: RgbImage): Uint8Array {
  const rgba = opaqueRgba(image);
  return new Uint8Array(
    PNG.sync.write(
      Object.assign(new PNG({ width: image.width, height: image.height }), { data: rgba }),
    ),
  );
}

/** Encodes RGB as a baseline JPEG (the browser's snapshot format; evaluation, evidence frames). */
export function encodeJpeg(image: RgbImage, quality = 85): Uint8Array {
  const rgba = opaqueRgba(image);
  const encoded = jpeg.encode({ width: image.width, height: image.height, data: rgba }, quality);
  return new Uint8Array(encoded.data);
}
