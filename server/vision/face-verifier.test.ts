import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHumanFaceEngine } from './face-engine.js';
import { verifyFace, type ReferenceFace } from './face-verifier.js';
import { decodeImage, encodePng, UnsupportedImageError } from './image-codec.js';
import { coverRgb, createRgbImage, pasteRgb, resizeRgb, type RgbImage } from './raster.js';

// Real engine, loaded once for the file (about half a second); every case is one inference.
const engine = createHumanFaceEngine();

const read = (path: string) => new Uint8Array(readFileSync(path));
const referencePhoto = read('server/demo/photos/eileen-collins.png');
const samePerson = read('e2e/fixtures/faces/same-person.png');
const differentPerson = read('e2e/fixtures/faces/different-person.png');
const collinsReference: ReferenceFace = {
  kind: 'photo',
  fileId: 'demo-eileen-collins',
  bytes: referencePhoto,
};

function onGreyCanvas(parts: { image: RgbImage; x: number; y: number }[]): Uint8Array {
  const canvas = createRgbImage(640, 480, 128);
  for (const part of parts) pasteRgb(canvas, part.image, part.x, part.y);
  return encodePng(canvas);
}

describe('verifyFace', () => {
  beforeAll(() => engine.load());

  it('matches the same person as the reference photo, above the threshold', async () => {
    const result = await verifyFace(engine, samePerson, collinsReference, 0.65);
    expect(result.verdict).toBe('match');
    expect(result.score).toBeGreaterThan(0.65);
    expect(result.quality.faces).toBe(1);
    expect(result.quality.faceSizePx).toBeGreaterThanOrEqual(150);
    expect(result.embedding?.length).toBeGreaterThan(100);
  });

  it('refuses a different person', async () => {
    const result = await verifyFace(engine, differentPerson, collinsReference, 0.65);
    expect(result.verdict).toBe('mismatch');
    expect(result.score).toBeLessThan(0.65);
  });

  it('uses a passed snapshot embedding as the reference for a later re-check', async () => {
    const passed = await verifyFace(engine, samePerson, collinsReference, 0.65);
    const stored: ReferenceFace = { kind: 'embedding', embedding: passed.embedding ?? [] };
    const recheck = await verifyFace(engine, samePerson, stored, 0.65);
    expect(recheck.verdict).toBe('match');
    expect(recheck.score).toBeGreaterThan(0.95);
    expect((await verifyFace(engine, differentPerson, stored, 0.65)).verdict).toBe('mismatch');
  });

  it('reports no face on a picture of an empty room', async () => {
    const empty = createRgbImage(640, 480, 0);
    for (let i = 0; i < empty.data.length; i++) empty.data[i] = ((i / 3) % 640) >> 2;
    const result = await verifyFace(engine, encodePng(empty), collinsReference, 0.65);
    expect(result).toMatchObject({ verdict: 'no_face', score: null, embedding: null });
    expect(result.quality.faces).toBe(0);
  });

  it('reports a face too small to compare when the candidate sits far away', async () => {
    const far = resizeRgb(decodeImage(samePerson), 200, 150);
    const result = await verifyFace(
      engine,
      onGreyCanvas([{ image: far, x: 220, y: 160 }]),
      collinsReference,
      0.65,
    );
    expect(result.verdict).toBe('face_too_small');
    expect(result.quality.faceSizePx).toBeLessThan(150);
    expect(result.score).toBeNull();
  });

  it('reports two faces side by side', async () => {
    const left = coverRgb(decodeImage(samePerson), 320, 400);
    const right = coverRgb(decodeImage(differentPerson), 320, 400);
    const snapshot = onGreyCanvas([
      { image: left, x: 0, y: 40 },
      { image: right, x: 320, y: 40 },
    ]);
    const result = await verifyFace(engine, snapshot, collinsReference, 0.65);
    expect(result.verdict).toBe('multiple_faces');
    expect(result.quality.faces).toBe(2);
    expect(result.embedding).toBeNull();
  });

  it('says there is no reference instead of guessing', async () => {
    const result = await verifyFace(engine, samePerson, null, 0.65);
    expect(result).toMatchObject({
      verdict: 'no_reference',
      referenceProblem: 'missing',
      score: null,
    });
    expect(result.embedding).not.toBeNull();
    const blankPhoto: ReferenceFace = {
      kind: 'photo',
      fileId: 'blank',
      bytes: encodePng(createRgbImage(200, 250, 200)),
    };
    const withBlank = await verifyFace(engine, samePerson, blankPhoto, 0.65);
    expect(withBlank).toMatchObject({
      verdict: 'no_reference',
      referenceProblem: 'no_face_in_photo',
    });
  });

  it('rejects bytes that are not a picture', async () => {
    await expect(
      verifyFace(engine, new TextEncoder().encode('not an image'), collinsReference, 0.65),
    ).rejects.toBeInstanceOf(UnsupportedImageError);
  });
});
