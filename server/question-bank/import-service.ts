import {
  PASSAGE_COLUMNS,
  QUESTION_COLUMNS,
  QUESTION_IMPORT_MAX_ROWS,
  type QuestionImportMode,
  type QuestionImportResult,
  type QuestionRowError,
} from '../../shared/api/question-import.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { canManageExam } from '../exams/admin-policy.js';
import { looksLikeZip } from '../files/zip.js';
import { checkImportTexts } from '../question-content/import-check.js';
import type { QuestionImageService } from '../question-content/image-service.js';
import { parseDocxQuestions } from './docx-questions.js';
import { parseGift } from './gift.js';
import type { ImportPassage, ImportRecord, ParsedImport } from './import-record.js';
import { bankScopeOf, type BankScope } from './policy.js';
import { rowError } from './question-cells.js';
import { readDocxParagraphs } from './read-docx.js';
import { readQuestionWorkbook, unreadableFile } from './read-xlsx.js';
import type { QuestionBankRepo, QuestionRow, QuestionValues } from './repo.js';
import { checkWorkbook } from './validate-rows.js';

/** At most this many errors are returned; errorCount tells the total. */
const MAX_REPORTED_ERRORS = 1_000;
const COLUMN_ORDER = new Map<string, number>(
  [...QUESTION_COLUMNS, ...PASSAGE_COLUMNS].map((column, index) => [column, index]),
);

/**
 * The upload rule for question files, judged by content: a zip (XLSX, Word) or text (GIFT). Other
 * binary files are refused before they are read in full.
 */
export function questionFileLimit(maxBytes: number) {
  return (head: Buffer): number => {
    if (!looksLikeZip(head) && head.includes(0)) {
      throw AppError.withIssues('FILE_TYPE_NOT_ALLOWED', [
        { path: 'file', message: 'not_question_file' },
      ]);
    }
    return maxBytes;
  };
}

/** Reads an import file: the XLSX template or a Word paper (zips), or GIFT text in UTF-8. */
export async function parseImportFile(bytes: Buffer): Promise<ParsedImport> {
  if (bytes.length === 0) throw unreadableFile('empty');
  if (looksLikeZip(bytes)) {
    const paragraphs = await readDocxParagraphs(bytes);
    if (!paragraphs) return checkWorkbook(await readQuestionWorkbook(bytes));
    const parsed = parseDocxQuestions(paragraphs);
    if (parsed.totalRows > QUESTION_IMPORT_MAX_ROWS) throw unreadableFile('too_many_rows');
    return parsed;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadableFile('not_utf8');
  }
  if (!text.includes('{')) throw unreadableFile('not_question_file');
  const parsed = parseGift(text);
  if (parsed.totalRows > QUESTION_IMPORT_MAX_ROWS) throw unreadableFile('too_many_rows');
  return parsed;
}

/** JSON with keys in order, so two equal questions compare equal whatever jsonb did. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sameQuestion = (row: QuestionRow, values: QuestionValues) =>
  canonical({ ...values, collegeId: row.collegeId }) ===
  canonical({
    collegeId: row.collegeId,
    type: row.type,
    content: row.content,
    passageId: row.passageId,
    tags: row.tags,
    difficulty: row.difficulty,
    defaultPoints: row.defaultPoints,
    externalKey: row.externalKey,
  });

/** What an import does: which rows add, change or leave questions, and the passages it adds. */
interface ImportPlan {
  errors: QuestionRowError[];
  creates: ImportRecord[];
  updates: { record: ImportRecord; row: QuestionRow }[];
  unchanged: number;
  passageInserts: ImportPassage[];
  passageUpdates: { id: string; text: string }[];
  /** Passage title → id of those already in the bank. */
  passageIds: Map<string, string>;
}

/** Question import: parse, check every row against the bank in reach, then save the valid ones. */
export class QuestionImportService {
  constructor(
    private readonly repo: QuestionBankRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly images: QuestionImageService,
  ) {}

  /**
   * Imports a file into the bank in reach. validate: report what the import would do;
   * valid_rows: import the valid rows and report the others. The same 题号 updates.
   */
  async importFile(
    actor: Actor,
    mode: QuestionImportMode,
    bytes: Buffer,
  ): Promise<QuestionImportResult> {
    const scope = bankScopeOf(actor.user);
    const parsed = await parseImportFile(bytes);
    const plan = await this.plan(scope, parsed);
    const errors = plan.errors.sort(
      (a, b) =>
        a.sheet.localeCompare(b.sheet) ||
        a.line - b.line ||
        (COLUMN_ORDER.get(a.column ?? '') ?? -1) - (COLUMN_ORDER.get(b.column ?? '') ?? -1),
    );
    const valid = plan.creates.length + plan.updates.length + plan.unchanged;
    const result: QuestionImportResult = {
      format: parsed.format,
      mode,
      totalRows: parsed.totalRows,
      validRows: valid,
      errorRows: new Set(errors.filter((e) => e.sheet === 'questions').map((e) => e.line)).size,
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
      errorCount: errors.length,
      warnings: (parsed.warnings ?? []).slice(0, MAX_REPORTED_ERRORS),
      imported: false,
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      passagesCreated: plan.passageInserts.length,
      passagesUpdated: plan.passageUpdates.length,
    };
    const hasChanges =
      plan.creates.length +
        plan.updates.length +
        plan.passageInserts.length +
        plan.passageUpdates.length >
      0;
    if (mode === 'validate' || !hasChanges) return { ...result, imported: mode !== 'validate' };

    await this.repo.saveImport(
      scope,
      { inserts: plan.passageInserts, updates: plan.passageUpdates },
      (created) => {
        const ids = new Map([...plan.passageIds, ...created]);
        return {
          inserts: plan.creates.map((record) => valuesOf(record, scope.collegeId, ids)),
          updates: plan.updates.map(({ record, row }) => ({
            id: row.id,
            values: valuesOf(record, row.collegeId, ids, row.externalKey),
          })),
        };
      },
      this.clock.now(),
    );
    await this.audit.recordBy(actor, {
      schoolId: scope.schoolId,
      action: 'questions.imported',
      targetType: 'question_bank',
      detail: JSON.stringify({
        format: parsed.format,
        rows: parsed.totalRows,
        errorRows: result.errorRows,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        passagesCreated: result.passagesCreated,
      }),
    });
    return { ...result, imported: true };
  }

  private async plan(scope: BankScope, file: ParsedImport): Promise<ImportPlan> {
    const parsed = await checkImportTexts(this.images, scope, file);
    const errors = [...parsed.errors];
    const titles = new Set([
      ...parsed.passages.map((passage) => passage.title),
      ...parsed.records.flatMap((record) => record.passageTitle ?? []),
    ]);
    const existingPassages = new Map<string, { id: string; text: string }>();
    for (const row of await this.repo.passagesByTitle(scope, [...titles])) {
      if (!existingPassages.has(row.title)) existingPassages.set(row.title, row);
    }
    const filePassages = new Set(parsed.passages.map((passage) => passage.title));
    const passageInserts = parsed.passages.filter((p) => !existingPassages.has(p.title));
    const passageUpdates = parsed.passages.flatMap((passage) => {
      const existing = existingPassages.get(passage.title);
      return existing && existing.text !== passage.text
        ? [{ id: existing.id, text: passage.text }]
        : [];
    });
    const passageIds = new Map([...existingPassages].map(([title, row]) => [title, row.id]));

    const keys = parsed.records.flatMap((record) => record.externalKey ?? []);
    const ids = parsed.records.flatMap((record) => record.questionId ?? []);
    const [byKeyRows, byIdRows] = await Promise.all([
      this.repo.questionsByKeys(scope.schoolId, keys),
      this.repo.questionsByIds(ids),
    ]);
    const byKey = new Map(byKeyRows.map((row) => [row.externalKey ?? '', row]));
    const byId = new Map(byIdRows.map((row) => [row.id, row]));

    const plan: ImportPlan = {
      errors,
      creates: [],
      updates: [],
      unchanged: 0,
      passageInserts,
      passageUpdates,
      passageIds,
    };
    for (const record of parsed.records) {
      const title = record.passageTitle;
      if (title !== null && !filePassages.has(title) && !existingPassages.has(title)) {
        errors.push(rowError('questions', record.line, 'passage', 'unknown_passage', title));
        continue;
      }
      const row =
        record.externalKey !== null
          ? byKey.get(record.externalKey)
          : record.questionId !== null
            ? (byId.get(record.questionId) ?? null)
            : undefined;
      if (row === null || (row && !canManageExam(scope, row))) {
        const key = record.externalKey ?? `id:${record.questionId ?? ''}`;
        errors.push(rowError('questions', record.line, 'key', 'key_out_of_scope', key));
        continue;
      }
      const isNewPassage = title !== null && !passageIds.has(title);
      if (!row) plan.creates.push(record);
      else if (
        !isNewPassage &&
        sameQuestion(row, valuesOf(record, row.collegeId, passageIds, row.externalKey))
      ) {
        plan.unchanged++;
      } else plan.updates.push({ record, row });
    }
    return plan;
  }
}

/** The values a record saves; a passage title it names resolves through `passageIds`. */
function valuesOf(
  record: ImportRecord,
  collegeId: string | null,
  passageIds: Map<string, string>,
  externalKey: string | null = record.externalKey,
): QuestionValues {
  return {
    collegeId,
    type: record.content.type,
    content: record.content,
    passageId: record.passageTitle === null ? null : (passageIds.get(record.passageTitle) ?? null),
    tags: record.tags,
    difficulty: record.difficulty,
    defaultPoints: record.defaultPoints,
    externalKey,
  };
}
