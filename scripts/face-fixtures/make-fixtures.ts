// Builds e2e/fixtures/faces/* from public-domain photos (see e2e/fixtures/faces/SOURCES.md):
//   sh scripts/face-fixtures/fetch-sources.sh && npx tsx scripts/face-fixtures/make-fixtures.ts
// The y4m files are Chromium fake-camera inputs (640×480, 4:2:0, one frame that Chromium loops).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImage, encodePng } from '../../server/vision/image-codec.js';
import { adjustBrightness, cropRgb, mirrorRgb, resizeRgb } from '../../server/vision/raster.js';
import { encodeY4m } from './y4m.js';

const sources = process.env.SOURCES ?? '/tmp/invigil-face-sources';
const out = 'e2e/fixtures/faces';

// Grace Hopper comes from matplotlib's JPEG, converted to PPM by fetch-sources.sh; without it the
// committed frame is reused, so the y4m can be rebuilt from the repository alone.
const hopperPpm = join(sources, 'images/grace_hopper.ppm');
const hopperFrame = existsSync(hopperPpm)
  ? resizeRgb(
      cropRgb(decodeImage(readFileSync(hopperPpm)), { x: 0, y: 20, width: 512, height: 384 }),
      640,
      480,
    )
  : decodeImage(readFileSync(join(out, 'different-person.png')));

// "Same person as the demo reference": the same NASA portrait as server/demo/photos, but cropped
// closer, mirrored, upscaled (blurrier) and dimmed, as a webcam would differ. Not a second photo.
const collins = decodeImage(readFileSync('server/demo/photos/eileen-collins.png'));
const collinsFrame = adjustBrightness(
  resizeRgb(mirrorRgb(cropRgb(collins, { x: 45, y: 0, width: 360, height: 270 })), 640, 480),
  0.88,
  6,
);

writeFileSync(join(out, 'same-person.y4m'), encodeY4m([collinsFrame]));
writeFileSync(join(out, 'different-person.y4m'), encodeY4m([hopperFrame]));
writeFileSync(join(out, 'same-person.png'), encodePng(collinsFrame));
writeFileSync(join(out, 'different-person.png'), encodePng(hopperFrame));
console.log('wrote', out);
