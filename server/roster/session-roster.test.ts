import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionRoster } from '../../shared/api/roster.js';
import {
  appUser,
  candidateDocument,
  examSession,
  documentReview,
  storedFile,
} from '../db/schema/index.js';
import { DEMO_CANDIDATES, seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate } from '../test/demo-logins.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { RosterClient } from './roster-client-test-helpers.js';

describe('session roster: who sees it and what it counts', () => {
  let test: TestApp;
  const sessionIds: Record<string, string> = {};
  const [, li, wang] = DEMO_CANDIDATES;
  const rosterUrl = (name: string) => `/api/sessions/${sessionIds[name] ?? ''}/roster`;
  const WRITTEN = '学位外语第一考场';
  const INTERVIEW = '外国语学院面试第一考场';

  const userIdOf = async (idNumber: string) => {
    const [row] = await test.database.db
      .select({ id: appUser.id, schoolId: appUser.schoolId })
      .from(appUser)
      .where(eq(appUser.idNumber, idNumber));
    if (!row?.schoolId) throw new Error('no such candidate');
    return { id: row.id, schoolId: row.schoolId };
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    for (const row of await test.database.db.select().from(examSession)) {
      sessionIds[row.name] = row.id;
    }
  });
  afterAll(() => test.close());

  it('shows the assigned proctor the candidates sorted by admission number, with masked IDs', async () => {
    const proctor = await RosterClient.login(test, 'proctor1');
    const response = await proctor.client.get(rosterUrl(WRITTEN));
    expect(response.statusCode).toBe(200);
    const roster = response.json<SessionRoster>();
    expect(roster).toMatchObject({
      sessionName: WRITTEN,
      examName: '2026年成人学位外语在线考试',
      counts: { total: 2, confirmed: 0, withdrawn: 0, pending: 2 },
    });
    expect(roster.items.map((item) => item.admissionNumber)).toEqual(['WRT2026001', 'WRT2026002']);
    expect(roster.items[0]).toMatchObject({
      candidateName: '李四',
      identityStatus: 'not_uploaded',
      collegeName: '外国语学院',
    });
    expect(response.body).not.toContain(li.idNumber);
    expect(roster.items[0]?.maskedIdNumber).toBe(
      `${li.idNumber.slice(0, 3)}***********${li.idNumber.slice(-4)}`,
    );
  });

  it('hides the roster from staff not assigned to the session and from candidates', async () => {
    const waiting = await RosterClient.login(test, 'waiting1');
    expect((await waiting.client.get(rosterUrl(INTERVIEW))).statusCode).toBe(200);
    expect((await waiting.client.get(rosterUrl(WRITTEN))).statusCode).toBe(404);
    const flAdmin = await RosterClient.login(test, 'fl_admin');
    expect((await flAdmin.client.get(rosterUrl(INTERVIEW))).statusCode).toBe(200);
    expect((await flAdmin.client.get(rosterUrl(WRITTEN))).statusCode).toBe(404);
    const zhang = await loginCandidate(test, 'INT2026', 'INT2026001');
    expect((await zhang.get(rosterUrl(INTERVIEW))).statusCode).toBe(403);
  });

  it('counts a withdrawal and shows the identity review state', async () => {
    const liClient = await loginCandidate(test, 'WRT2026', 'WRT2026001');
    const registrations = (await liClient.get('/api/me/registrations')).json<{
      items: { registrationId: string; admissionNumber: string }[];
    }>().items;
    const written = registrations.find((item) => item.admissionNumber === 'WRT2026001');
    const withdrawn = await liClient.put(
      `/api/me/registrations/${written?.registrationId ?? ''}/attendance`,
      { attendance: 'withdrawn' },
    );
    expect(withdrawn.statusCode).toBe(200);

    const liUser = await userIdOf(li.idNumber);
    const wangUser = await userIdOf(wang.idNumber);
    const [file] = await test.database.db
      .insert(storedFile)
      .values({
        schoolId: liUser.schoolId,
        storageKey: 'x/documents/1.pdf',
        mimeType: 'application/pdf',
        sizeBytes: 1,
        sha256: '0',
      })
      .returning({ id: storedFile.id });
    await test.database.db.insert(candidateDocument).values({
      schoolId: liUser.schoolId,
      userId: liUser.id,
      fileId: file?.id ?? '',
      kind: 'pdf',
      displayName: '身份证.pdf',
      sizeBytes: 1,
    });
    await test.database.db
      .insert(documentReview)
      .values({ userId: wangUser.id, schoolId: wangUser.schoolId, state: 'pending' });

    const admin = await RosterClient.login(test, 'admin');
    const roster = (await admin.client.get(rosterUrl(WRITTEN))).json<SessionRoster>();
    expect(roster.counts).toEqual({ total: 2, confirmed: 0, withdrawn: 1, pending: 1 });
    expect(
      roster.items.map((item) => [item.candidateName, item.attendance, item.identityStatus]),
    ).toEqual([
      ['李四', 'withdrawn', 'draft'],
      ['王五', 'pending', 'pending'],
    ]);
    expect(roster.items[0]?.attendanceChangedAt).toBe(test.clock.now().toISOString());
  });
});
