// Writes YUV4MPEG2 (4:2:0) video that Chromium's `--use-file-for-fake-video-capture` plays in a
// loop as the camera. Converting here means the fixtures need no ffmpeg.
import type { RgbImage } from '../../server/vision/raster.js';

// BT.601 limited range, what `ffmpeg -pix_fmt yuv420p` produces from an RGB picture.
function toYuv420(image: RgbImage): Uint8Array {
  const { width, height, data } = image;
  const chromaWidth = width / 2;
  const chromaHeight = height / 2;
  const out = new Uint8Array(width * height + 2 * chromaWidth * chromaHeight);
  const uOffset = width * height;
  const vOffset = uOffset + chromaWidth * chromaHeight;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const r = data[i] ?? 0;
      const g = data[i + 1] ?? 0;
      const b = data[i + 2] ?? 0;
      out[y * width + x] = Math.round(16 + 0.257 * r + 0.504 * g + 0.098 * b);
    }
  }
  for (let cy = 0; cy < chromaHeight; cy++) {
    for (let cx = 0; cx < chromaWidth; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const i = ((cy * 2 + dy) * width + cx * 2 + dx) * 3;
        r += data[i] ?? 0;
        g += data[i + 1] ?? 0;
        b += data[i + 2] ?? 0;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      out[uOffset + cy * chromaWidth + cx] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
      out[vOffset + cy * chromaWidth + cx] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
    }
  }
  return out;
}

/** One y4m file from frames of equal, even size. */
export function encodeY4m(frames: readonly RgbImage[], fps = 10): Uint8Array {
  const first = frames[0];
  if (!first) throw new Error('no frames');
  if (first.width % 2 || first.height % 2) throw new Error('4:2:0 needs an even width and height');
  const header = `YUV4MPEG2 W${first.width} H${first.height} F${fps}:1 Ip A1:1 C420jpeg\n`;
  const parts: Uint8Array[] = [new TextEncoder().encode(header)];
  for (const frame of frames) {
    if (frame.width !== first.width || frame.height !== first.height)
      throw new Error('frame size differs');
    parts.push(new TextEncoder().encode('FRAME\n'), toYuv420(frame));
  }
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
