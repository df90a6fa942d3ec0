import { eq } from 'drizzle-orm';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_PHOTO_MAX_BYTES } from '../../shared/api/roster.js';
import { appUser, storedFile } from '../db/schema/index.js';
import { DEMO_CANDIDATES, seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { decodeImage } from '../vision/image-codec.js';
import { jpegOrientation } from '../vision/exif-orientation.js';
import { sidewaysJpeg } from '../vision/test-images.js';
import { RosterClient } from './roster-client-test-helpers.js';
import { buildZip } from './roster-test-helpers.js';

const MB = 1024 * 1024;
const JPEG = sidewaysJpeg(32, 16, 1);

describe('roster photos: a zip of reference photos named by ID or admission number', () => {
  let test: TestApp;
  let admin: RosterClient;
  let flAdmin: RosterClient;
  let png: Buffer;
  const examIds: Record<string, string> = {};
  const [zhang, li, wang] = DEMO_CANDIDATES;
  const photosUrl = (code: string) =>
    `/api/admin/exams/${examIds[code] ?? ''}/roster/photos?name=photos.zip`;
  const photoOf = async (idNumber: string) => {
    const [row] = await test.database.db
      .select({ photoFileId: appUser.photoFileId })
      .from(appUser)
      .where(eq(appUser.idNumber, idNumber));
    return row?.photoFileId ?? null;
  };
  const storedCount = async () => (await test.database.db.select().from(storedFile)).length;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await RosterClient.login(test, 'admin');
    flAdmin = await RosterClient.login(test, 'fl_admin');
    const items = (await admin.client.get('/api/admin/exams')).json<{
      items: { id: string; code: string }[];
    }>().items;
    for (const item of items) examIds[item.code] = item.id;
    png = await readFile(fileURLToPath(new URL('../demo/photos/cameraman.png', import.meta.url)));
  });
  afterAll(() => test.close());

  it('matches by ID number and by admission number, ignoring folders, and lists the rest', async () => {
    const before = { li: await photoOf(li.idNumber), wang: await photoOf(wang.idNumber) };
    const zip = buildZip([
      { name: `../../etc/${li.idNumber}.jpg`, data: JPEG },
      { name: 'photos/WRT2026002.PNG', data: png },
      { name: 'nobody.png', data: png },
      { name: `${zhang.idNumber}.png`, data: Buffer.from('not an image at all') },
      { name: '__MACOSX/._WRT2026002.PNG', data: Buffer.alloc(10) },
    ]);
    const response = await admin.upload(photosUrl('WRT2026'), zip);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      matched: 2,
      unmatched: ['nobody.png', `${zhang.idNumber}.png`],
      rejected: [],
    });
    // 张三 is not registered in WRT2026: his name does not match there.
    const liPhoto = await photoOf(li.idNumber);
    const wangPhoto = await photoOf(wang.idNumber);
    expect(liPhoto).not.toBe(before.li);
    expect(wangPhoto).not.toBe(before.wang);
    const [stored] = await test.database.db
      .select()
      .from(storedFile)
      .where(eq(storedFile.id, liPhoto ?? ''));
    expect(stored?.mimeType).toBe('image/jpeg');
    expect(stored?.storageKey).toMatch(/^[0-9a-f-]+\/reference-photos\/[0-9a-f-]+\.jpg$/);
  });

  it('rejects entries that are not PNG/JPEG by content or are too large', async () => {
    const zip = buildZip([
      { name: `${zhang.idNumber}.jpg`, data: Buffer.from('%PDF-1.7 pretending to be a photo') },
      { name: 'INT2026002.png', data: Buffer.concat([png, Buffer.alloc(ROSTER_PHOTO_MAX_BYTES)]) },
    ]);
    const response = await admin.upload(photosUrl('INT2026'), zip);
    expect(response.json()).toEqual({
      matched: 0,
      unmatched: [],
      rejected: [
        { name: `${zhang.idNumber}.jpg`, reason: 'not_an_image' },
        { name: 'INT2026002.png', reason: 'too_large' },
      ],
    });
  });

  it('stores only pixels: HTML riding on a PNG is refused, a sideways JPEG is stored upright', async () => {
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const zip = buildZip([
      { name: `${li.idNumber}.jpg`, data: sidewaysJpeg(32, 16, 6) },
      { name: 'WRT2026002.png', data: Buffer.concat([png.subarray(0, 33), html]) },
    ]);
    expect((await admin.upload(photosUrl('WRT2026'), zip)).json()).toEqual({
      matched: 1,
      unmatched: [],
      rejected: [{ name: 'WRT2026002.png', reason: 'not_an_image' }],
    });
    const trailing = buildZip([{ name: 'WRT2026002.png', data: Buffer.concat([png, html]) }]);
    expect((await admin.upload(photosUrl('WRT2026'), trailing)).json()).toEqual({
      matched: 0,
      unmatched: [],
      rejected: [{ name: 'WRT2026002.png', reason: 'not_an_image' }],
    });
    const [stored] = await test.database.db
      .select()
      .from(storedFile)
      .where(eq(storedFile.id, (await photoOf(li.idNumber)) ?? ''));
    const bytes = await test.storage.get(stored?.storageKey ?? '');
    expect(jpegOrientation(bytes)).toBe(1);
    const image = decodeImage(bytes);
    expect([image.width, image.height]).toEqual([16, 32]);
    expect(image.data[0]).toBeGreaterThan(200); // the red half on top
  });

  it('refuses zip bombs whole and stores nothing', async () => {
    const files = await storedCount();
    const zeros = buildZip([
      { name: `${li.idNumber}.png`, data: png },
      { name: 'WRT2026002.png', data: Buffer.alloc(300 * MB) },
    ]);
    const bomb = await admin.upload(photosUrl('WRT2026'), zeros);
    expect(bomb.statusCode).toBe(400);
    expect(bomb.json<{ error: { code: string } }>().error.code).toBe('ARCHIVE_REJECTED');

    // Small declared sizes, but the entry inflates to far more than it says.
    const liar = buildZip([
      { name: `${li.idNumber}.png`, data: png },
      {
        name: 'WRT2026002.png',
        data: Buffer.concat([png, Buffer.alloc(4 * MB)]),
        declaredSize: png.length,
      },
    ]);
    const lying = await admin.upload(photosUrl('WRT2026'), liar);
    expect(lying.json<{ error: { code: string } }>().error.code).toBe('ARCHIVE_REJECTED');

    const many = buildZip(
      Array.from({ length: 25_001 }, (_, i) => ({
        name: `${String(i)}.png`,
        data: Buffer.alloc(0),
        deflate: false,
      })),
    );
    const tooMany = await admin.upload(photosUrl('WRT2026'), many);
    expect(tooMany.json<{ error: { code: string } }>().error.code).toBe('ARCHIVE_REJECTED');
    expect(await storedCount()).toBe(files);
  });

  it('keeps a college admin to the exams of their college', async () => {
    const zip = buildZip([{ name: `${li.idNumber}.png`, data: png }]);
    expect((await flAdmin.upload(photosUrl('WRT2026'), zip)).statusCode).toBe(404);
    const own = await flAdmin.upload(photosUrl('INT2026'), zip);
    expect(own.json()).toMatchObject({ matched: 1 });
  });
});
