import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../server/vision/image-codec.js';
import { createRgbImage } from '../server/vision/raster.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('..', import.meta.url));
const shipped = (path: string) => join(repo, path);

// An operator's folder, made of the public-domain photos the project ships: two photos of Eileen
// Collins (the demo reference and the fixture camera frame made from it), one of Grace Hopper,
// the cameraman, and a picture without a face that the quality gates must refuse.
describe('npm run face:evaluate', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'face-evaluate-'));
    const put = (identity: string, name: string, from: string) => {
      mkdirSync(join(folder, identity), { recursive: true });
      copyFileSync(shipped(from), join(folder, identity, name));
    };
    put('collins', 'roster.png', 'server/demo/photos/eileen-collins.png');
    put('collins', 'webcam.png', 'e2e/fixtures/faces/same-person.png');
    put('hopper', 'portrait.png', 'e2e/fixtures/faces/different-person.png');
    put('cameraman', 'photo.png', 'server/demo/photos/cameraman.png');
    mkdirSync(join(folder, 'nobody'));
    writeFileSync(join(folder, 'nobody', 'wall.png'), encodePng(createRgbImage(320, 240, 90)));
    writeFileSync(join(folder, 'notes.txt'), 'not a photo folder');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const evaluate = (...args: string[]) =>
    run('npx', ['tsx', 'tools/face-evaluate.ts', folder, ...args], { cwd: repo });

  it('prints the pairs, the refused photos and the error rates, ending with the summary line', async () => {
    const { stdout } = await evaluate();
    const lines = stdout.trim().split('\n');
    // Snapshots of Collins (2) and Hopper are compared with every other photo that has a face;
    // the cameraman's three-quarter profile is found in the photo but not in its webcam frame.
    expect(lines).toContain('identities 4, photos 5, genuine pairs 2, impostor pairs 7');
    expect(stdout).toMatch(/refused by the quality gates: no_face 2;/);
    expect(stdout).toMatch(/refused: .*nobody\/wall\.png \(no_face\)/);
    expect(stdout).toMatch(/photos without a face to use as reference: 1/);
    // Both photos of Collins match each other; no stranger matches anyone.
    expect(stdout).toMatch(/at threshold 0\.\d{3}: FAR 0\.00 % \(0\/7\), FRR 0\.00 % \(0\/2\)/);
    expect(stdout).toMatch(/equal error rate 0\.00 %/);
    expect(stdout).toMatch(/time per verification .*: p50 \d+ ms, p95 \d+ ms/);
    expect(lines.at(-1)).toMatch(/^face-evaluate: threshold 0\.\d{3}, FAR 0\.00 %, FRR 0\.00 %$/);
  }, 120_000);

  it('reports the rates at the threshold asked for: at 1.0 every genuine pair is rejected', async () => {
    const { stdout } = await evaluate('--raw', '--threshold', '1');
    expect(stdout).toMatch(/condition: photos as they are \(--raw\)/);
    expect(stdout.trim().split('\n').at(-1)).toBe(
      'face-evaluate: threshold 1.000, FAR 0.00 %, FRR 100.00 %',
    );
  }, 120_000);

  it('refuses a folder without photos with its usage', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'face-evaluate-empty-'));
    await expect(
      run('npx', ['tsx', 'tools/face-evaluate.ts', empty], { cwd: repo }),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('fewer than two photos') });
    rmSync(empty, { recursive: true });
  });
});
