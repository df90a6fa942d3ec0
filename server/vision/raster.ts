// Plain RGB pixel buffers and the few operations the face checks, their tests, the evaluation and
// the fixture generator need (crop, scale, mirror, brightness, paste). Pure JavaScript on purpose:
// no native image library is allowed on the server.

/** Packed 8-bit RGB, row-major, no padding: `data.length === width * height * 3`. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export function createRgbImage(width: number, height: number, fill = 0): RgbImage {
  return { width, height, data: new Uint8Array(width * height * 3).fill(fill) };
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Copies a rectangle, clamped to the image. */
export function cropRgb(image: RgbImage, rect: Rect): RgbImage {
  const x0 = Math.max(0, Math.round(rect.x));
  const y0 = Math.max(0, Math.round(rect.y));
  const width = Math.min(image.width - x0, Math.round(rect.width));
  const height = Math.min(image.height - y0, Math.round(rect.height));
  const out = createRgbImage(width, height);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * image.width + x0) * 3;
    out.data.set(image.data.subarray(from, from + width * 3), y * width * 3);
  }
  return out;
}

/** Bilinear resampling; good enough to imitate a webcam's scaler. */
export function resizeRgb(image: RgbImage, width: number, height: number): RgbImage {
  const out = createRgbImage(width, height);
  const scaleX = image.width / width;
  const scaleY = image.height / height;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(image.height - 1, Math.max(0, (y + 0.5) * scaleY - 0.5));
    const y1 = Math.floor(sy);
    const y2 = Math.min(image.height - 1, y1 + 1);
    const fy = sy - y1;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, Math.max(0, (x + 0.5) * scaleX - 0.5));
      const x1 = Math.floor(sx);
      const x2 = Math.min(image.width - 1, x1 + 1);
      const fx = sx - x1;
      for (let c = 0; c < 3; c++) {
        const a = image.data[(y1 * image.width + x1) * 3 + c] ?? 0;
        const b = image.data[(y1 * image.width + x2) * 3 + c] ?? 0;
        const d = image.data[(y2 * image.width + x1) * 3 + c] ?? 0;
        const e = image.data[(y2 * image.width + x2) * 3 + c] ?? 0;
        const top = a + (b - a) * fx;
        const bottom = d + (e - d) * fx;
        out.data[(y * width + x) * 3 + c] = Math.round(top + (bottom - top) * fy);
      }
    }
  }
  return out;
}

/** Left-right mirror, as a front camera preview shows the candidate. */
export function mirrorRgb(image: RgbImage): RgbImage {
  const out = createRgbImage(image.width, image.height);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const from = (y * image.width + x) * 3;
      const to = (y * image.width + (image.width - 1 - x)) * 3;
      out.data[to] = image.data[from] ?? 0;
      out.data[to + 1] = image.data[from + 1] ?? 0;
      out.data[to + 2] = image.data[from + 2] ?? 0;
    }
  }
  return out;
}

/** Multiplies every channel by `gain` and adds `offset`, clamped: a dim room or a bright window. */
export function adjustBrightness(image: RgbImage, gain: number, offset = 0): RgbImage {
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) {
    data[i] = Math.max(0, Math.min(255, Math.round((image.data[i] ?? 0) * gain + offset)));
  }
  return { width: image.width, height: image.height, data };
}

/** Copies `source` into `target` (mutated) with its top-left corner at (x, y), clipped. */
export function pasteRgb(target: RgbImage, source: RgbImage, x: number, y: number): void {
  for (let row = 0; row < source.height; row++) {
    const ty = y + row;
    if (ty < 0 || ty >= target.height) continue;
    const from = Math.max(0, -x);
    const to = Math.min(source.width, target.width - x);
    if (to <= from) continue;
    const start = (row * source.width + from) * 3;
    target.data.set(
      source.data.subarray(start, (row * source.width + to) * 3),
      (ty * target.width + x + from) * 3,
    );
  }
}

/** Scales to cover `width`×`height` (keeping the aspect ratio) and crops the centre. */
export function coverRgb(image: RgbImage, width: number, height: number): RgbImage {
  const scale = Math.max(width / image.width, height / image.height);
  const scaled = resizeRgb(
    image,
    Math.round(image.width * scale),
    Math.round(image.height * scale),
  );
  return cropRgb(scaled, {
    x: (scaled.width - width) / 2,
    y: (scaled.height - height) / 2,
    width,
    height,
  });
}
