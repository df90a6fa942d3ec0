import type { SessionUser } from '../../shared/api/auth.js';
import type { RosterImportMode, RosterImportResult } from '../../shared/api/roster.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { rejectDuplicates } from '../db/unique-violation.js';
import { parseRosterFile, type ParsedRoster } from './parse-roster.js';
import { assertManagesExam, importerCollegeOf } from './policy.js';
import type { RosterRepo } from './repo.js';
import {
  checkAgainstDatabase,
  validateRows,
  type RosterRules,
  type RosterValidation,
} from './validate-rows.js';

/** At most this many errors are returned; errorCount tells the total. */
const MAX_REPORTED_ERRORS = 1_000;

/** Time spent in each step, for the benchmark. */
export interface ImportTimings {
  parseMs: number;
  validateMs: number;
  importMs: number;
}

/** Roster import: parse, check every row, then upsert candidates and registrations. */
export class RosterImportService {
  constructor(
    private readonly repo: RosterRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The exam, if the user manages it; else 404. */
  async managedExam(user: SessionUser, examId: string) {
    return assertManagesExam(user, await this.repo.findExam(examId));
  }

  private async rulesFor(
    user: SessionUser,
    exam: { id: string; schoolId: string; collegeId: string | null },
  ): Promise<RosterRules> {
    const [sessions, colleges] = await Promise.all([
      this.repo.sessionsOf(exam.id),
      this.repo.enabledColleges(exam.schoolId),
    ]);
    const collegeIds = new Map<string, string>();
    for (const item of colleges) {
      if (item.nameEn) collegeIds.set(item.nameEn, item.id);
    }
    for (const item of colleges) collegeIds.set(item.name, item.id);
    return {
      examCollegeId: exam.collegeId,
      sessions: new Map(sessions.map((session) => [session.name, session.id])),
      colleges: collegeIds,
      importerCollegeId: importerCollegeOf(user),
    };
  }

  /**
   * Imports a roster file into an exam. validate: report only; all: import only when every row
   * is valid; valid_rows: import the valid rows and report the others.
   */
  async importFile(
    actor: Actor,
    examId: string,
    mode: RosterImportMode,
    bytes: Buffer,
    timings?: ImportTimings,
  ): Promise<RosterImportResult> {
    const exam = await this.managedExam(actor.user, examId);
    let mark = performance.now();
    const lap = (step: keyof ImportTimings) => {
      const now = performance.now();
      if (timings) timings[step] += now - mark;
      mark = now;
    };
    const parsed: ParsedRoster = await parseRosterFile(bytes);
    lap('parseMs');
    const rules = await this.rulesFor(actor.user, exam);
    const first = validateRows(parsed.rows, rules);
    const lookups = await this.repo.lookups(exam.schoolId, exam.id, first.valid);
    const validation = checkAgainstDatabase(first, lookups);
    lap('validateMs');

    const mayImport = mode === 'valid_rows' || (mode === 'all' && validation.errors.length === 0);
    const result = this.resultOf(mode, validation);
    if (!mayImport || validation.valid.length === 0) return result;

    const counts = await rejectDuplicates(
      this.repo.importRecords({
        schoolId: exam.schoolId,
        examId: exam.id,
        records: validation.valid,
        now: this.clock.now(),
      }),
    );
    lap('importMs');
    await this.audit.recordBy(actor, {
      schoolId: exam.schoolId,
      action: 'roster.imported',
      targetType: 'exam',
      targetId: exam.id,
      detail: JSON.stringify({
        format: parsed.format,
        mode,
        rows: validation.totalRows,
        errorRows: validation.errorLines.size,
        ...counts,
      }),
    });
    return { ...result, imported: true, ...counts };
  }

  private resultOf(mode: RosterImportMode, validation: RosterValidation): RosterImportResult {
    return {
      mode,
      totalRows: validation.totalRows,
      validRows: validation.valid.length,
      errorRows: validation.errorLines.size,
      errors: validation.errors.slice(0, MAX_REPORTED_ERRORS),
      errorCount: validation.errors.length,
      imported: false,
      created: 0,
      updated: 0,
      unchanged: 0,
    };
  }
}
