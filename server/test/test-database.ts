import { PGlite } from '@electric-sql/pglite';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, wrapPglite, type DatabaseHandle } from '../db/client.js';

/**
 * A fresh, migrated database (for a test file, or for each test): an empty migrated PGlite, or,
 * when DATABASE_URL is set, a new PostgreSQL database made from the migrated template.
 * close() discards it.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const databaseUrl = process.env.DATABASE_URL;
  const template = inject('postgresTemplate');
  if (databaseUrl && template) {
    const name = `invigil_t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const handle = openPostgres(url.toString(), 4);
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  return openTestPglite();
}

/** A closed test database's PGlite, kept for the next test of the same file. */
let idlePglite: PGlite | null = null;

/**
 * Loading the migrated snapshot into a new PGlite (WASM start, data directory unpacked) took
 * about 1 s per test, 4–5 s on a busy machine; emptying every table of a used one takes a few
 * milliseconds and leaves the same database: migrated, no rows, identities restarted. So a
 * closed test database is kept and emptied when the next one is asked for.
 */
async function openTestPglite(): Promise<DatabaseHandle> {
  let client = idlePglite;
  idlePglite = null;
  if (client && !client.closed) {
    await emptyEveryTable(client);
  } else {
    const snapshotPath = inject('pgliteSnapshot');
    if (!snapshotPath) {
      // Only the `db` project migrates a database; vitest.config.ts says how files are sorted.
      throw new Error('No migrated test database here: this file is not in the db test project');
    }
    client = await PGlite.create({ loadDataDir: new Blob([readFileSync(snapshotPath)]) });
  }
  const opened = client;
  return {
    ...wrapPglite(opened),
    close: async () => {
      if (idlePglite === null && !opened.closed) idlePglite = opened;
      else await opened.close();
    },
  };
}

async function emptyEveryTable(client: PGlite): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`,
  );
  if (rows.length === 0) return;
  const tables = rows.map((row) => row.name).join(', ');
  await client.exec(`truncate table ${tables} restart identity cascade`);
}
