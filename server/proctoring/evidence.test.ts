import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_SNAPSHOT_MAX_BYTES } from '../../shared/api/attempt-evidence.js';
import type { AttemptTimeline } from '../../shared/api/attempt-timeline.js';
import type { AttemptView } from '../../shared/api/written-exam.js';
import { appUser, attempt, attemptEvent, auditLog, storedFile } from '../db/schema/index.js';
import { tinyPng } from '../documents/test-files.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { withoutMetadata } from '../vision/image-metadata.js';
import { sidewaysJpeg } from '../vision/test-images.js';
import {
  checkedInWrittenCandidate,
  seedWrittenPaper,
  setWrittenRules,
  writtenExam,
} from '../written-exam/written-test-helpers.js';

// Evidence snapshots (issue 15 §1) through the routes: 李四's page uploads the AI monitor's JPEG
// of a flag after the flag's event; the demo's proctor of WRT2026 (proctor1) reads it, audited.

const MINUTE = 60_000;
const SECRET = 'GPS 39.9042N 116.4074E';

/** A real JPEG carrying a comment segment (COM) right after its start: metadata to be dropped. */
function jpegWithComment(text: string): Buffer {
  const plain = sidewaysJpeg(32, 24, 1);
  const body = Buffer.from(text, 'latin1');
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([plain.subarray(0, 2), segment, body, plain.subarray(2)]);
}

describe('evidence snapshots (AI 监考截图)', () => {
  let test: TestApp;
  let startsAt: Date;
  let endsAt: Date;
  let li: Awaited<ReturnType<typeof checkedInWrittenCandidate>>;
  let wang: Awaited<ReturnType<typeof checkedInWrittenCandidate>>;
  let proctor: TestClient;
  const flagId = randomUUID();
  const hiddenId = randomUUID();
  const photo = jpegWithComment(SECRET);

  const codeOf = (response: { statusCode: number; json: () => unknown }) => ({
    status: response.statusCode,
    code: (response.json() as { error?: { code: string } }).error?.code,
  });
  const upload = (
    who: typeof li,
    eventId: string,
    payload: Buffer,
    registrationId = who.registrationId,
  ) =>
    test.app.inject({
      method: 'POST',
      url: `/api/me/registrations/${registrationId}/attempt/events/${eventId}/snapshot?name=${eventId}.jpg`,
      headers: {
        cookie: `invigil_sid=${who.client.cookie('invigil_sid') ?? ''}; invigil_csrf=${who.client.cookie('invigil_csrf') ?? ''}`,
        'x-csrf-token': who.client.cookie('invigil_csrf') ?? '',
        'content-type': 'application/octet-stream',
      },
      payload,
    });
  const sendEvents = (who: typeof li, events: { id: string; type: string }[]) =>
    who.client.post(`/api/me/registrations/${who.registrationId}/attempt/events`, {
      events: events.map((event) => ({ ...event, at: test.clock.now().toISOString() })),
    });
  const snapshotOf = (client: TestClient, eventId = flagId, registrationId = li.registrationId) =>
    client.get(`/api/registrations/${registrationId}/attempt/events/${eventId}/snapshot`);
  const views = () =>
    test.database.db
      .select({ actorId: auditLog.actorId, detail: auditLog.detail })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'attempt.evidence_viewed'),
          eq(auditLog.targetId, li.registrationId),
        ),
      );

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    await setWrittenRules(test, { faceCheckAtSubmit: false });
    ({ startsAt, endsAt } = await writtenExam(test.database.db));
    await seedWrittenPaper(test.database.db);
    test.clock.set(new Date(startsAt.getTime() + 5 * MINUTE));
    li = await checkedInWrittenCandidate(test, 'WRT2026001');
    wang = await checkedInWrittenCandidate(test, 'WRT2026002');
    for (const who of [li, wang]) {
      const started = await who.client.post(
        `/api/me/registrations/${who.registrationId}/attempt/start`,
      );
      expect(started.json<AttemptView>().state).toBe('in_progress');
    }
    proctor = await loginStaff(test, 'proctor1');
  });
  afterAll(() => test.close());

  it('waits for its event: before it is stored the answer is EVENT_NOT_FOUND', async () => {
    expect(codeOf(await upload(li, flagId, photo))).toEqual({
      status: 404,
      code: 'EVENT_NOT_FOUND',
    });
  });

  it('stores one JPEG per AI flag; a replay keeps the first', async () => {
    const sent = await sendEvents(li, [
      { id: flagId, type: 'ai_no_face' },
      { id: hiddenId, type: 'page_hidden' },
    ]);
    expect(sent.statusCode).toBe(200);
    const first = await upload(li, flagId, photo);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ stored: true });
    const replay = await upload(li, flagId, sidewaysJpeg(16, 16, 1));
    expect(replay.json()).toEqual({ stored: false });
    const [row] = await test.database.db
      .select({ key: attemptEvent.snapshotKey, bytes: attemptEvent.snapshotBytes })
      .from(attemptEvent)
      .where(eq(attemptEvent.id, flagId));
    expect(row?.key).toMatch(/\/evidence\/[0-9a-f-]+\.jpg$/);
    expect(row?.bytes).toBe(withoutMetadata(photo, 'jpeg').length);
  });

  it('refuses what is no JPEG, too large, no AI flag, or not the candidate’s own', async () => {
    const second = randomUUID();
    expect((await sendEvents(li, [{ id: second, type: 'ai_looking_away' }])).statusCode).toBe(200);
    for (const body of [tinyPng(), Buffer.from('just some text, not a picture'), Buffer.alloc(0)]) {
      expect(codeOf(await upload(li, second, body))).toEqual({
        status: 415,
        code: 'FILE_TYPE_NOT_ALLOWED',
      });
    }
    const huge = Buffer.concat([photo, Buffer.alloc(EVIDENCE_SNAPSHOT_MAX_BYTES)]);
    expect(codeOf(await upload(li, second, huge))).toEqual({ status: 413, code: 'FILE_TOO_LARGE' });
    expect(codeOf(await upload(li, hiddenId, photo))).toEqual({
      status: 409,
      code: 'EVIDENCE_NOT_TAKEN',
    });
    // 王五 naming 李四's registration, or 李四's event under his own: neither exists for him.
    expect(codeOf(await upload(wang, second, photo, li.registrationId))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(codeOf(await upload(wang, second, photo))).toEqual({
      status: 404,
      code: 'EVENT_NOT_FOUND',
    });
    // Nothing of these refusals was kept.
    const [row] = await test.database.db
      .select({ key: attemptEvent.snapshotKey })
      .from(attemptEvent)
      .where(eq(attemptEvent.id, second));
    expect(row?.key).toBeNull();
  });

  it('shows staff the same JPEG without its metadata, every view audited', async () => {
    const response = await snapshotOf(proctor);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.rawPayload.equals(withoutMetadata(photo, 'jpeg'))).toBe(true);
    expect(response.rawPayload.includes(Buffer.from(SECRET, 'latin1'))).toBe(false);
    expect(photo.includes(Buffer.from(SECRET, 'latin1'))).toBe(true);
    const [proctorRow] = await test.database.db
      .select({ id: appUser.id })
      .from(appUser)
      .where(eq(appUser.username, 'proctor1'));
    expect(await views()).toEqual([
      { actorId: proctorRow?.id, detail: `WRT2026001: ai_no_face ${flagId}` },
    ]);
    const admin = await loginStaff(test, 'admin');
    expect((await snapshotOf(admin)).statusCode).toBe(200);
    expect(await views()).toHaveLength(2);
  });

  it('marks the flag on the timeline and in the report (有截图)', async () => {
    const timeline = (
      await proctor.get(`/api/registrations/${li.registrationId}/attempt/timeline`)
    ).json<AttemptTimeline>();
    const flag = timeline.entries.find((entry) => entry.eventId === flagId);
    expect(flag).toMatchObject({ kind: 'event', eventType: 'ai_no_face', hasSnapshot: true });
    const hidden = timeline.entries.find((entry) => entry.eventId === hiddenId);
    expect(hidden?.hasSnapshot).toBe(false);
    const report = await proctor.get(
      `/api/registrations/${li.registrationId}/attempt/timeline/report`,
    );
    expect(report.body).toContain('有截图');
  });

  it('is NOT_FOUND for staff out of reach, without a snapshot, and for the candidate FORBIDDEN', async () => {
    const before = (await views()).length;
    const college = await loginStaff(test, 'fl_admin');
    expect(codeOf(await snapshotOf(college))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(codeOf(await snapshotOf(proctor, hiddenId))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(codeOf(await snapshotOf(proctor, flagId, wang.registrationId))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(codeOf(await snapshotOf(li.client))).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await views()).toHaveLength(before);
  });

  it('closes with the attempt once the answer grace is over', async () => {
    const late = randomUUID();
    expect((await sendEvents(wang, [{ id: late, type: 'ai_multiple_faces' }])).statusCode).toBe(
      200,
    );
    // Past the session's end and the grace after it, within the logins' 12 hours.
    test.clock.set(new Date(endsAt.getTime() + 30 * MINUTE));
    expect(codeOf(await upload(wang, late, photo))).toEqual({
      status: 409,
      code: 'ATTEMPT_CLOSED',
    });
  });

  // Retention is a later step (docs/security.md): the row goes with the attempt; the bytes and
  // their stored_file row do not yet, since the file storage has no delete.
  it('goes with its attempt, leaving the stored bytes for the retention step', async () => {
    const [row] = await test.database.db
      .select({ key: attemptEvent.snapshotKey, attemptId: attemptEvent.attemptId })
      .from(attemptEvent)
      .where(eq(attemptEvent.id, flagId));
    if (!row?.key) throw new Error('no snapshot stored');
    await test.database.db.delete(attempt).where(eq(attempt.id, row.attemptId));
    const left = await test.database.db
      .select({ id: attemptEvent.id })
      .from(attemptEvent)
      .where(eq(attemptEvent.attemptId, row.attemptId));
    expect(left).toEqual([]);
    const files = await test.database.db
      .select({ id: storedFile.id })
      .from(storedFile)
      .where(eq(storedFile.storageKey, row.key));
    expect(files).toHaveLength(1);
    expect((await test.storage.get(row.key)).length).toBeGreaterThan(0);
  });
});
