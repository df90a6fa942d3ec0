import { eq } from 'drizzle-orm';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_PHOTO_MAX_BYTES } from '../../shared/api/roster.js';
import { CheckInRepo } from '../check-in/repo.js';
import { appUser, registration } from '../db/schema/index.js';
import { decodeImage, reencodeImage, sniffImageFormat } from '../vision/image-codec.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries, loginCandidate } from '../test/demo-logins.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { RosterClient } from './roster-client-test-helpers.js';

/** A real 64×48 JPEG (grey), as a phone or scanner would send. */
const JPEG = jpeg.encode({ width: 64, height: 48, data: Buffer.alloc(64 * 48 * 4, 128) }, 90).data;

/**
 * Whether the stored photo shows the same picture as what was uploaded: it is re-encoded on the
 * way in (nothing that rode along survives), so the bytes differ but the pixels do not (PNG), or
 * the size does (JPEG, lossy). Compared as booleans: a diff of two images' bytes takes minutes.
 */
/** The size of what is stored for an upload (re-encoding is deterministic). */
const storedSize = (upload: Buffer) => reencodeImage(upload).bytes.length;

function samePicture(stored: Buffer | null, uploaded: Buffer): boolean {
  if (!stored) return false;
  const [a, b] = [decodeImage(stored), decodeImage(uploaded)];
  if (a.width !== b.width || a.height !== b.height) return false;
  return sniffImageFormat(uploaded) !== 'png' || Buffer.from(a.data).equals(Buffer.from(b.data));
}

describe('roster photos one at a time: upload or replace a candidate’s reference photo', () => {
  let test: TestApp;
  let admin: RosterClient;
  let png: Buffer;
  const registrationOf: Record<string, { id: string; userId: string }> = {};
  const photoUrl = (admissionNumber: string, name = 'photo.png') =>
    `/api/admin/registrations/${registrationOf[admissionNumber]?.id ?? ''}/photo?name=${name}`;
  /** The bytes the next face check of this candidate compares with. */
  const referenceBytes = async (admissionNumber: string) => {
    const photo = await new CheckInRepo(test.database.db).referencePhotoOf(
      registrationOf[admissionNumber]?.userId ?? '',
    );
    return photo ? test.storage.get(photo.storageKey) : null;
  };
  const photoFileIdOf = async (admissionNumber: string) => {
    const [row] = await test.database.db
      .select({ photoFileId: appUser.photoFileId })
      .from(appUser)
      .where(eq(appUser.id, registrationOf[admissionNumber]?.userId ?? ''));
    return row?.photoFileId ?? null;
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await RosterClient.login(test, 'admin');
    for (const row of await test.database.db.select().from(registration)) {
      registrationOf[row.admissionNumber] = { id: row.id, userId: row.userId };
    }
    png = await readFile(fileURLToPath(new URL('../demo/photos/cameraman.png', import.meta.url)));
  });
  afterAll(() => test.close());

  it('adds a photo to a candidate without one; the roster and the face check see it', async () => {
    expect(await referenceBytes('INT2026003')).toBeNull();
    const response = await admin.upload(photoUrl('INT2026003'), png, 'PUT');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      registrationId: registrationOf.INT2026003?.id,
      hasPhoto: true,
    });
    expect(samePicture(await referenceBytes('INT2026003'), png)).toBe(true);
    const sessionId = (
      await test.database.db
        .select({ sessionId: registration.sessionId })
        .from(registration)
        .where(eq(registration.admissionNumber, 'INT2026003'))
    )[0]?.sessionId;
    const roster = await admin.client.get(`/api/sessions/${sessionId ?? ''}/roster`);
    const entry = roster
      .json<{ items: { admissionNumber: string; hasPhoto: boolean }[] }>()
      .items.find((item) => item.admissionNumber === 'INT2026003');
    expect(entry?.hasPhoto).toBe(true);
  });

  it('replaces an existing photo and records who did it', async () => {
    const before = await photoFileIdOf('INT2026001');
    expect(before).not.toBeNull();
    const response = await admin.upload(photoUrl('INT2026001', 'new.jpg'), JPEG, 'PUT');
    expect(response.statusCode).toBe(200);
    expect(await photoFileIdOf('INT2026001')).not.toBe(before);
    expect(samePicture(await referenceBytes('INT2026001'), JPEG)).toBe(true);
    const entries = await auditEntries(admin.client, 'roster.photo_set');
    expect(entries.map((entry) => [entry.actorName, entry.detail])).toEqual([
      ['学校管理员', `INT2026001: replaced (image/jpeg, ${String(storedSize(JPEG))} bytes)`],
      ['学校管理员', `INT2026003: added (image/png, ${String(storedSize(png))} bytes)`],
    ]);
  });

  it('refuses what is not a PNG or JPEG, or too large, and keeps the old photo', async () => {
    const before = await photoFileIdOf('INT2026001');
    const fake = await admin.upload(
      photoUrl('INT2026001', 'photo.png'),
      Buffer.from('<svg/>'),
      'PUT',
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const huge = Buffer.concat([png, Buffer.alloc(ROSTER_PHOTO_MAX_BYTES)]);
    const large = await admin.upload(photoUrl('INT2026001'), huge, 'PUT');
    expect(large.statusCode).toBe(413);
    expect(large.json().error.code).toBe('FILE_TOO_LARGE');
    expect(await photoFileIdOf('INT2026001')).toBe(before);
  });

  it('lets only the admins of the candidate’s exam change the photo', async () => {
    const before = await photoFileIdOf('WRT2026002');
    // The written exam belongs to no college: the 外国语学院 admin does not manage it.
    const flAdmin = await RosterClient.login(test, 'fl_admin');
    expect((await flAdmin.upload(photoUrl('WRT2026002'), png, 'PUT')).statusCode).toBe(404);
    expect((await flAdmin.upload(photoUrl('INT2026004'), png, 'PUT')).statusCode).toBe(200);
    const candidate = await loginCandidate(test, 'WRT2026', 'WRT2026002');
    const own = await candidate.put(photoUrl('WRT2026002'));
    expect(own.statusCode).toBe(403);
    const unknown = `/api/admin/registrations/00000000-0000-4000-8000-000000000000/photo?name=a.png`;
    expect((await admin.upload(unknown, png, 'PUT')).statusCode).toBe(404);
    expect(await photoFileIdOf('WRT2026002')).toBe(before);
  });
});
