import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import {
  auditEntries,
  loginCandidateWithId,
  loginStaff,
  registrationIdOf,
} from '../test/demo-logins.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { CheckInChangeFeed, type CheckInChange } from './change-feed.js';
import { FakeFaceMatcher, fakeSnapshot, sessionIdNamed } from './check-in-test-helpers.js';
import { FaceCheckService, MAX_FACE_CHECKS, imageTypeOf } from './face-check-service.js';
import { CheckInRepo } from './repo.js';

describe('FaceCheckService (shared by the check-in and the phone)', () => {
  let test: TestApp;
  let service: FaceCheckService;
  let matcher: FakeFaceMatcher;
  const published: CheckInChange[] = [];
  let registrationId: string;
  let userId: string;
  let schoolId: string;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    matcher = new FakeFaceMatcher();
    const changes = new CheckInChangeFeed();
    changes.subscribe((change) => published.push(change));
    service = new FaceCheckService({
      db: test.database.db,
      storage: test.storage,
      audit: new AuditLog(test.database.db, test.clock),
      clock: test.clock,
      faceMatcher: matcher,
      changes,
    });
    const zhang = await loginCandidateWithId(test, 'INT2026', 'INT2026001');
    userId = zhang.id;
    registrationId = await registrationIdOf(zhang.client, 'INT2026001');
    const registration = await new CheckInRepo(test.database.db).registration(registrationId);
    schoolId = registration?.schoolId ?? '';
  });
  afterAll(() => test.close());

  it('records a phone verification photo with its verdict, audits and publishes it', async () => {
    const outcome = await service.check({
      registrationId,
      schoolId,
      userId,
      source: 'phone',
      image: fakeSnapshot('mismatch'),
      liveness: null,
      clientAddress: '10.0.0.9',
    });
    expect(outcome).toMatchObject({
      passed: false,
      embedding: [0.9],
      result: { source: 'phone', verdict: 'mismatch', score: 0.31, liveness: null },
    });
    expect(matcher.references.at(-1)).toMatchObject({ kind: 'photo' });
    expect(published).toEqual([
      { registrationId, sessionId: await sessionIdNamed(test, '外国语学院面试第一考场') },
    ]);
    const admin = await loginStaff(test, 'admin');
    expect(await auditEntries(admin, 'phone.face_checked')).toEqual([
      expect.objectContaining({
        targetId: registrationId,
        actorName: '张三',
        detail: 'mismatch 0.310',
      }),
    ]);
  });

  it('refuses a registration that is not this user’s', async () => {
    await expect(
      service.check({
        registrationId,
        schoolId,
        userId: registrationId,
        source: 'phone',
        image: fakeSnapshot('match'),
        liveness: null,
        clientAddress: null,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stops storing face checks of one registration after MAX_FACE_CHECKS', async () => {
    const check = () =>
      service.check({
        registrationId,
        schoolId,
        userId,
        source: 'check_in',
        image: fakeSnapshot('mismatch'),
        liveness: null,
        clientAddress: null,
      });
    const stored = await new CheckInRepo(test.database.db).faceCheckCount(registrationId);
    for (let n = stored; n < MAX_FACE_CHECKS; n++) await check();
    await expect(check()).rejects.toMatchObject({ code: 'FACE_CHECKS_EXHAUSTED' });
    expect(await new CheckInRepo(test.database.db).faceCheckCount(registrationId)).toBe(
      MAX_FACE_CHECKS,
    );
  });

  it('knows PNG and JPEG by their first bytes only', () => {
    expect(imageTypeOf(Buffer.from(fakeSnapshot('match'), 'base64'))).toBe('image/png');
    expect(imageTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(imageTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });
});
