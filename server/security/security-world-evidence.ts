import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { attempt, attemptEvent } from '../db/schema/index.js';
import { saveStoredFile } from '../files/stored-files.js';
import type { TestApp } from '../test/test-app.js';
import { sidewaysJpeg } from '../vision/test-images.js';

// The security world's evidence snapshot (AI 监考截图): an AI flag of 张三's formal attempt (the
// one security-world-answer-files.ts puts in) with its JPEG, so staff of his session read one.

/** The event id of 张三's flag with a snapshot; run after answerFileRows. */
export async function evidenceRows(
  test: TestApp,
  rows: { schoolId: string; zhangRegistrationId: string },
): Promise<{ zhangEvidenceEventId: string }> {
  const { db } = test.database;
  const [own] = await db
    .select({ id: attempt.id })
    .from(attempt)
    .where(and(eq(attempt.registrationId, rows.zhangRegistrationId), eq(attempt.kind, 'formal')));
  if (!own) throw new Error('no formal attempt of 张三 for the evidence snapshot');
  const bytes = sidewaysJpeg(8, 8, 1);
  const saved = await saveStoredFile(db, test.storage, {
    schoolId: rows.schoolId,
    purpose: 'evidence',
    bytes,
    mimeType: 'image/jpeg',
  });
  const id = randomUUID();
  const now = test.clock.now();
  await db.insert(attemptEvent).values({
    attemptId: own.id,
    id,
    schoolId: rows.schoolId,
    type: 'ai_no_face',
    receivedAt: now,
    clientAt: now,
    snapshotKey: saved.storageKey,
    snapshotBytes: bytes.length,
  });
  return { zhangEvidenceEventId: id };
}
