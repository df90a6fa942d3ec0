import { PGlite } from '@electric-sql/pglite';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres, wrapPglite } from '../db/client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite runs: a migrated data dir every test database starts from (initdb is slow). */
    pgliteSnapshot: string;
    /** PostgreSQL runs (DATABASE_URL set): a migrated template database to copy per test file. */
    postgresTemplate: string;
  }
}

/** Migrates once per run; every test database is then a cheap copy (docs/design.md "Data"). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const template = `invigil_tpl_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${template}`;
    const handle = openPostgres(url.toString(), 1);
    await handle.migrate();
    await handle.close();
    project.provide('postgresTemplate', template);
    project.provide('pgliteSnapshot', '');
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const client = await PGlite.create();
  const handle = wrapPglite(client);
  await handle.migrate();
  const dump = await client.dumpDataDir('none');
  const path = join(tmpdir(), `invigil-pglite-${randomUUID()}.tar`);
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteSnapshot', path);
  project.provide('postgresTemplate', '');
  return () => {
    rmSync(path, { force: true });
    return Promise.resolve();
  };
}
