// A phone photo is often stored sideways with an EXIF note saying how to turn it; browsers obey
// the note. Re-encoding keeps only pixels, so the turn is applied to the pixels first, or the
// re-encoded photo would show sideways.

/** Pixels with 4 bytes (RGBA) each, row-major. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The EXIF Orientation (1–8) of a JPEG's APP1 segment; 1 (as stored) when it has none. */
export function jpegOrientation(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1] ?? 0;
    // Start of scan: the metadata segments are over.
    if (marker === 0xda) return 1;
    const length = view.getUint16(offset + 2);
    if (
      marker === 0xe1 &&
      offset + 10 <= bytes.length &&
      view.getUint32(offset + 4) === 0x45786966
    ) {
      return orientationOfTiff(view, offset + 10, Math.min(bytes.length, offset + 2 + length));
    }
    offset += 2 + length;
  }
  return 1;
}

function orientationOfTiff(view: DataView, start: number, end: number): number {
  if (start + 8 > end) return 1;
  const little = view.getUint16(start) === 0x4949;
  const ifd = start + view.getUint32(start + 4, little);
  if (ifd + 2 > end) return 1;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** The pixels turned and mirrored as EXIF Orientation says, so they show upright with no note. */
export function applyOrientation(image: RgbaImage, orientation: number): RgbaImage {
  if (orientation <= 1 || orientation > 8) return image;
  const { width, height } = image;
  const swaps = orientation >= 5;
  const out: RgbaImage = {
    width: swaps ? height : width,
    height: swaps ? width : height,
    data: new Uint8Array(image.data.length),
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [toX, toY] = target(orientation, x, y, width, height);
      const from = (y * width + x) * 4;
      out.data.set(image.data.subarray(from, from + 4), (toY * out.width + toX) * 4);
    }
  }
  return out;
}

/** Where the stored pixel (x, y) goes in the upright picture (EXIF 2.3, tag 0x0112). */
function target(orientation: number, x: number, y: number, w: number, h: number): [number, number] {
  switch (orientation) {
    case 2:
      return [w - 1 - x, y];
    case 3:
      return [w - 1 - x, h - 1 - y];
    case 4:
      return [x, h - 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [h - 1 - y, x];
    case 7:
      return [h - 1 - y, w - 1 - x];
    default:
      return [y, w - 1 - x];
  }
}
