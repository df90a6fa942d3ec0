import jpeg from 'jpeg-js';

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
