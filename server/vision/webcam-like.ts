// What the browser sends when a candidate sits in front of a webcam, made from any photo: the
// picture scaled so the face (Human's box) is about 240 px wide, cut to 640×480 around the face
// (grey where the photo ends) and saved as JPEG q85, as the check-in page captures it. Used by
// the face evaluation so a roster-style crop is judged the way a live snapshot would be.
import { encodeJpeg } from './image-codec.js';
import { createRgbImage, pasteRgb, resizeRgb, type Rect, type RgbImage } from './raster.js';

export const WEBCAM_FRAME = { width: 640, height: 480, faceWidthPx: 240, jpegQuality: 85 } as const;

/** The 640×480 JPEG frame around `face` (a box in `photo`'s pixels). */
export function webcamLikeSnapshot(photo: RgbImage, face: Rect): Uint8Array {
  const scale = WEBCAM_FRAME.faceWidthPx / Math.max(1, face.width);
  const scaled = resizeRgb(
    photo,
    Math.max(1, Math.round(photo.width * scale)),
    Math.max(1, Math.round(photo.height * scale)),
  );
  const centreX = (face.x + face.width / 2) * scale;
  const centreY = (face.y + face.height / 2) * scale;
  const frame = createRgbImage(WEBCAM_FRAME.width, WEBCAM_FRAME.height, 128);
  pasteRgb(
    frame,
    scaled,
    Math.round(WEBCAM_FRAME.width / 2 - centreX),
    Math.round(WEBCAM_FRAME.height / 2 - centreY),
  );
  return encodeJpeg(frame, WEBCAM_FRAME.jpegQuality);
}
