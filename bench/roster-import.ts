// Roster import of 5,000 rows (XLSX) into a fresh, migrated PGlite with the demo school: parse,
// validate and import times, then a re-import of the same file. Baseline in the same run: a raw
// drizzle multi-row insert of 5,000 candidate rows. Run: `npx tsx bench/roster-import.ts`.
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idNumberCheckChar } from '../shared/api/common.js';
import type { SessionUser } from '../shared/api/auth.js';
import { AuditLog } from '../server/audit/audit-log.js';
import { systemClock } from '../server/clock.js';
import { wrapPglite } from '../server/db/client.js';
import { appUser, exam, school } from '../server/db/schema/index.js';
import { seedDemo } from '../server/demo/seed.js';
import { LocalFolderStorage } from '../server/files/storage.js';
import { RosterImportService, type ImportTimings } from '../server/roster/import-service.js';
import { RosterRepo } from '../server/roster/repo.js';

const ROWS = Number(process.env.ROWS ?? 5_000);
const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;
/** A distinct valid ID number per row: area code and birth date vary with i. */
const idNumberFor = (i: number, area = 110101) => {
  const day = new Date(Date.UTC(1980, 0, 1) + Math.floor(i / 1000) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${String(area)}${birth}${String(i % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};

async function buildWorkbook(rows: number, sessionName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(['姓名', '身份证号', '手机号', '准考证号', '学院', '考场']);
  for (let i = 0; i < rows; i++) {
    sheet.addRow([
      `考生${String(i).replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)] ?? '')}`,
      idNumberFor(i),
      `139${String(i).padStart(8, '0')}`,
      `B-${String(i).padStart(5, '0')}`,
      i % 2 === 0 ? '计算机学院' : '外国语学院',
      sessionName,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const dataDir = mkdtempSync(join(tmpdir(), 'invigil-bench-roster-'));
const handle = wrapPglite(await PGlite.create());
try {
  await handle.migrate();
  const storage = new LocalFolderStorage(dataDir);
  await seedDemo(handle.db, storage, systemClock);
  const [demo] = await handle.db.select().from(school).where(eq(school.slug, 'demo'));
  const [written] = await handle.db.select().from(exam).where(eq(exam.code, 'WRT2026'));
  const [admin] = await handle.db.select().from(appUser).where(eq(appUser.username, 'admin'));
  if (!demo || !written || !admin) throw new Error('demo data missing');
  const user: SessionUser = {
    id: admin.id,
    role: 'school_admin',
    name: admin.name,
    schoolId: demo.id,
    schoolSlug: demo.slug,
    schoolName: demo.name,
    schoolTimeZone: demo.timeZone,
    collegeId: null,
    collegeName: null,
    locale: 'zh-CN',
    mustChangePassword: false,
  };
  const service = new RosterImportService(
    new RosterRepo(handle.db),
    new AuditLog(handle.db, systemClock),
    systemClock,
  );

  let started = performance.now();
  const file = await buildWorkbook(ROWS, '学位外语第一考场');
  const buildMs = performance.now() - started;

  const run = async (label: string) => {
    const timings: ImportTimings = { parseMs: 0, validateMs: 0, importMs: 0 };
    const begin = performance.now();
    const result = await service.importFile(
      { user, ip: '127.0.0.1' },
      written.id,
      'all',
      file,
      timings,
    );
    const total = performance.now() - begin;
    if (result.errorCount > 0) console.log(result.errors.slice(0, 5));
    console.log(
      `${label.padEnd(10)} parse ${ms(timings.parseMs)}  validate ${ms(timings.validateMs)}  ` +
        `import ${ms(timings.importMs)}  total ${ms(total)}  ` +
        `(created ${String(result.created)}, updated ${String(result.updated)}, unchanged ${String(result.unchanged)}, errors ${String(result.errorCount)})`,
    );
  };

  console.log(
    `Roster import, ${String(ROWS)} rows, XLSX of ${(file.length / 1024).toFixed(0)} KiB (built in ${buildMs.toFixed(0)} ms), PGlite`,
  );
  // Baseline: the same number of rows written by one plain multi-row insert per 1,000 rows.
  started = performance.now();
  await handle.db.transaction(async (tx) => {
    for (let offset = 0; offset < ROWS; offset += 1_000) {
      await tx.insert(appUser).values(
        Array.from({ length: Math.min(1_000, ROWS - offset) }, (_, k) => ({
          schoolId: demo.id,
          role: 'candidate' as const,
          name: '基线',
          phone: `137${String(offset + k).padStart(8, '0')}`,
          idNumber: idNumberFor(offset + k, 120101),
          mustChangePassword: true,
        })),
      );
    }
  });
  console.log(
    `baseline   raw drizzle insert of ${String(ROWS)} app_user rows: ${ms(performance.now() - started)}`,
  );
  await run('first');
  await run('re-import');
} finally {
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
}
