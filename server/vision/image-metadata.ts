import { jpegOrientation } from './exif-orientation.js';
import { reencodeImage } from './image-codec.js';

// Photos candidates upload (answer photos, identity documents) carry what the camera wrote:
// where it was taken (GPS), when, the phone's make and serial, a thumbnail of the uncropped
// picture. Staff need only the picture. These remove that without decoding a pixel (a 12 MP
// photo re-encoded in JavaScript would hold the server for seconds): the segments or chunks that
// hold metadata are dropped and the image data copied as it was. A JPEG keeps its colour profile
// (APP2), Adobe's colour note (APP14) and the turn it is shown with, rewritten as a one-entry EXIF.

/** JPEG markers whose segments stay: JFIF (APP0), ICC profile (APP2), Adobe (APP14). */
const KEPT_APP_MARKERS = new Set([0xe0, 0xe2, 0xee]);

/** The JPEG without EXIF, XMP, IPTC, comments and other application segments; null when malformed. */
export function stripJpegMetadata(bytes: Uint8Array): Buffer | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const orientation = jpegOrientation(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  if (orientation !== 1) kept.push(orientationSegment(orientation));
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    // Fill bytes before a marker.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    // Start of scan: the image data (and the markers inside it) copied up to the end of image.
    // Entropy-coded data never holds FF D9 (an FF there is followed by 00), so the first one is
    // the end; bytes after it (an archive appended, say) are dropped.
    if (marker === 0xda) {
      const end = endOfImage(bytes, offset);
      if (end === null) return null;
      kept.push(bytes.subarray(offset, end));
      return Buffer.concat(kept);
    }
    const length = view.getUint16(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) return null;
    const isMetadata =
      (marker >= 0xe0 && marker <= 0xef && !KEPT_APP_MARKERS.has(marker)) || marker === 0xfe;
    if (!isMetadata) kept.push(bytes.subarray(offset, offset + 2 + length));
    offset += 2 + length;
  }
  return null;
}

function endOfImage(bytes: Uint8Array, from: number): number | null {
  for (let index = from; index + 1 < bytes.length; index++) {
    if (bytes[index] === 0xff && bytes[index + 1] === 0xd9) return index + 2;
  }
  return null;
}

/** An APP1 EXIF segment holding only IFD0 with the Orientation tag (big-endian TIFF). */
function orientationSegment(orientation: number): Uint8Array {
  const segment = Buffer.alloc(2 + 2 + 6 + 8 + 2 + 12 + 4);
  let at = 0;
  at = segment.writeUInt16BE(0xffe1, at);
  at = segment.writeUInt16BE(segment.length - 2, at);
  at += segment.write('Exif\0\0', at, 'latin1');
  at += segment.write('MM', at, 'latin1');
  at = segment.writeUInt16BE(42, at);
  at = segment.writeUInt32BE(8, at);
  at = segment.writeUInt16BE(1, at);
  at = segment.writeUInt16BE(0x0112, at);
  at = segment.writeUInt16BE(3, at);
  at = segment.writeUInt32BE(1, at);
  at = segment.writeUInt16BE(orientation, at);
  at = segment.writeUInt16BE(0, at);
  segment.writeUInt32BE(0, at);
  return segment;
}

/** PNG chunks that hold words or dates rather than the picture: text, EXIF, the time stamp. */
const PNG_METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);
const PNG_SIGNATURE_LENGTH = 8;

/** The PNG without its text, EXIF and time chunks; null when malformed. */
export function stripPngMetadata(bytes: Uint8Array): Buffer | null {
  if (bytes.length < PNG_SIGNATURE_LENGTH) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const kept: Uint8Array[] = [bytes.subarray(0, PNG_SIGNATURE_LENGTH)];
  let offset = PNG_SIGNATURE_LENGTH;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const end = offset + 12 + length;
    if (end > bytes.length) return null;
    const type = Buffer.from(bytes.subarray(offset + 4, offset + 8)).toString('latin1');
    if (!PNG_METADATA_CHUNKS.has(type)) kept.push(bytes.subarray(offset, end));
    offset = end;
    if (type === 'IEND') return Buffer.concat(kept);
  }
  return null;
}

/**
 * The photo without its metadata. One whose structure cannot be walked that way (though it
 * decodes) is re-encoded instead, slower but with nothing but pixels.
 */
export function withoutMetadata(bytes: Buffer, kind: 'png' | 'jpeg'): Buffer {
  const stripped = kind === 'jpeg' ? stripJpegMetadata(bytes) : stripPngMetadata(bytes);
  return stripped ?? reencodeImage(bytes).bytes;
}
