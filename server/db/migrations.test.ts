import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/test-database.js';
import { migrationsFolder, type DatabaseHandle } from './client.js';

// Runs on PGlite by default and on PostgreSQL when DATABASE_URL is set (CI runs both).
describe('Migrations', () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  // Both drivers answer raw SQL with `{ rows }`; the shared Database type cannot say so.
  const rowsOf = async <T>(query: SQL): Promise<T[]> => {
    const result: unknown = await database.db.execute(query);
    return (result as { rows: T[] }).rows;
  };

  it('create every table of the schema', async () => {
    const rows = await rowsOf<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(rows.map((row) => row.table_name)).toEqual([
      'announcement',
      'answer_capture_request',
      'answer_file',
      'answer_mark',
      'app_user',
      'attempt',
      'attempt_answer',
      'attempt_event',
      'attempt_outage',
      'attempt_warning',
      'audit_log',
      'bank_passage',
      'bank_question',
      'candidate_document',
      'captcha_challenge',
      'check_in',
      'college',
      'document_review',
      'exam',
      'exam_session',
      'face_check',
      'login_session',
      'login_throttle',
      'paper',
      'paper_question',
      'paper_section',
      'phone_pairing',
      'question_image',
      'registration',
      'roster_report',
      'school',
      'score',
      'score_confirmation',
      'scoring_form',
      'sms_code',
      'staff_assignment',
      'stored_file',
      'waiting_ticket',
      'written_result_release',
    ]);
  });

  it('apply a second time without change', async () => {
    await database.migrate();
    // Each migration of the journal recorded once, in order, and nothing else.
    const journal = JSON.parse(
      readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8'),
    ) as { entries: { when: number }[] };
    const rows = await rowsOf<{ at: number }>(
      sql`select created_at::float8 as at from drizzle.__drizzle_migrations order by id`,
    );
    expect(rows.map((row) => row.at)).toEqual(journal.entries.map((entry) => entry.when));
  });

  it('enforce the uniqueness users rely on', async () => {
    await database.db.execute(sql`insert into school (slug, name) values ('uq-test', 'U')`);
    await expect(
      database.db.execute(sql`insert into school (slug, name) values ('uq-test', 'V')`),
    ).rejects.toThrow();
  });
});
