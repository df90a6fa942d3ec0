import { idNumberSchema, personNameSchema, phoneSchema } from '../../shared/api/common.js';
import {
  ROSTER_COLUMNS,
  type RosterColumn,
  type RosterRowError,
  type RosterRowErrorCode,
} from '../../shared/api/roster.js';
import type { RosterCell, RosterSheetRow } from './parse-roster.js';

/** A row that passed every rule, normalised and ready to import. */
export interface RosterRecord {
  line: number;
  name: string;
  /** Upper-case, 18 characters, checksum verified. */
  idNumber: string;
  phone: string;
  /** null: none in the file; a new registration gets a random one, an existing one keeps its. */
  admissionNumber: string | null;
  /** The college to record; undefined keeps an existing candidate's college as it is. */
  collegeId: string | null | undefined;
  sessionId: string;
}

/** What rows are checked against: the exam, its sessions, the school's colleges, the importer. */
export interface RosterRules {
  examCollegeId: string | null;
  /** Session name → id, of this exam. */
  sessions: Map<string, string>;
  /** Enabled college name (zh or en) → id, of this school. */
  colleges: Map<string, string>;
  /** Set for a college admin: rows of another college are out of scope. */
  importerCollegeId: string | null;
}

/** What the database already holds for the values of a file. */
export interface RosterLookups {
  /** Candidates of the school by ID number. */
  userIdByIdNumber: Map<string, string>;
  /** ID numbers of staff accounts of the school: a roster never turns staff into candidates. */
  staffIdNumbers: Set<string>;
  /** Candidates of the school by phone. */
  userIdByPhone: Map<string, string>;
  /** This exam's registrations by admission number: whose they are. */
  userIdByAdmissionNumber: Map<string, string>;
}

export interface RosterValidation {
  totalRows: number;
  valid: RosterRecord[];
  errors: RosterRowError[];
  errorLines: Set<number>;
}

const ADMISSION_NUMBER = /^[A-Za-z0-9-]{1,32}$/;
const COLUMN_ORDER = new Map(ROSTER_COLUMNS.map((column, index) => [column, index]));

function errorOf(
  line: number,
  column: RosterColumn | null,
  code: RosterRowErrorCode,
  value: string | null,
): RosterRowError {
  return { line, column, code, value: value === null ? null : value.slice(0, 100) };
}

/** Checks one row on its own; returns the record, or null after adding its errors. */
function checkRow(
  row: RosterSheetRow,
  rules: RosterRules,
  errors: RosterRowError[],
): RosterRecord | null {
  const before = errors.length;
  const fail = (column: RosterColumn, code: RosterRowErrorCode, cell?: RosterCell) => {
    errors.push(errorOf(row.line, column, code, cell?.text ?? null));
  };
  /** The text of a cell, or null after reporting it as missing or a formula. */
  const text = (column: RosterColumn, required: boolean): string | null => {
    const cell = row.cells[column];
    if (!cell) {
      if (required) fail(column, 'required');
      return null;
    }
    if (cell.kind === 'formula') {
      fail(column, 'formula_not_allowed', cell);
      return null;
    }
    return cell.text;
  };
  const checked = <T>(
    column: RosterColumn,
    code: RosterRowErrorCode,
    parse: (value: string) => T | null,
  ): T | null => {
    const value = text(column, true);
    if (value === null) return null;
    const result = parse(value);
    if (result === null) fail(column, code, row.cells[column]);
    return result;
  };
  const schemaValue = (schema: typeof phoneSchema) => (value: string) => {
    const result = schema.safeParse(value);
    return result.success ? result.data : null;
  };

  const name = checked('name', 'invalid_name', schemaValue(personNameSchema));
  const idCell = row.cells.idNumber;
  const idNumber = checked('idNumber', 'invalid_id_number', (value) =>
    // An 18-digit number typed into Excel as a number has already lost its last digits.
    idCell?.kind === 'number' && !idCell.isExact ? null : schemaValue(idNumberSchema)(value),
  );
  const phone = checked('phone', 'invalid_phone', schemaValue(phoneSchema));
  const admissionText = text('admissionNumber', false);
  const admissionNumber =
    admissionText === null || ADMISSION_NUMBER.test(admissionText) ? admissionText : undefined;
  if (admissionNumber === undefined) {
    fail('admissionNumber', 'invalid_admission_number', row.cells.admissionNumber);
  }

  let collegeId: string | null | undefined = rules.examCollegeId ?? undefined;
  const collegeName = text('college', false);
  if (collegeName !== null) {
    const found = rules.colleges.get(collegeName);
    if (found === undefined) fail('college', 'unknown_college', row.cells.college);
    else collegeId = found;
  }
  if (
    rules.importerCollegeId !== null &&
    collegeId !== undefined &&
    collegeId !== rules.importerCollegeId
  ) {
    fail('college', 'college_out_of_scope', row.cells.college);
  }

  let sessionId: string | undefined;
  const sessionName = text('session', false);
  if (sessionName !== null) {
    sessionId = rules.sessions.get(sessionName);
    if (sessionId === undefined) fail('session', 'unknown_session', row.cells.session);
  } else if (!row.cells.session) {
    const [only, ...others] = [...rules.sessions.values()];
    if (only !== undefined && others.length === 0) sessionId = only;
    else fail('session', rules.sessions.size === 0 ? 'unknown_session' : 'required');
  }

  if (errors.length > before) return null;
  if (name === null || idNumber === null || phone === null || admissionNumber === undefined) {
    return null;
  }
  if (sessionId === undefined) return null;
  return { line: row.line, name, idNumber, phone, admissionNumber, collegeId, sessionId };
}

/** Marks later rows that repeat an ID number, admission number or phone of an earlier row. */
function markDuplicates(records: RosterRecord[], errors: RosterRowError[]): Set<number> {
  const seen = {
    idNumber: new Set<string>(),
    admissionNumber: new Set<string>(),
    phone: new Set<string>(),
  };
  const duplicateLines = new Set<number>();
  for (const record of records) {
    for (const column of ['idNumber', 'phone', 'admissionNumber'] as const) {
      const original = record[column];
      if (original === null) continue;
      const value = column === 'admissionNumber' ? original.toUpperCase() : original;
      if (seen[column].has(value)) {
        errors.push(errorOf(record.line, column, 'duplicate_in_file', original));
        duplicateLines.add(record.line);
      } else seen[column].add(value);
    }
  }
  return duplicateLines;
}

/**
 * Checks every row on its own and against the others (duplicates), before the database is
 * asked anything. Rows with errors are left out of `valid`.
 */
export function validateRows(rows: RosterSheetRow[], rules: RosterRules): RosterValidation {
  const errors: RosterRowError[] = [];
  const checked: RosterRecord[] = [];
  for (const row of rows) {
    const record = checkRow(row, rules, errors);
    if (record) checked.push(record);
  }
  const duplicateLines = markDuplicates(checked, errors);
  const valid = checked.filter((record) => !duplicateLines.has(record.line));
  return { totalRows: rows.length, valid, errors, errorLines: new Set(errors.map((e) => e.line)) };
}

/**
 * Checks valid rows against the database: an admission number of this exam held by someone
 * else, or a phone of another candidate of the school. Returns the validation with those rows
 * moved to the errors.
 */
export function checkAgainstDatabase(
  validation: RosterValidation,
  lookups: RosterLookups,
): RosterValidation {
  const errors = [...validation.errors];
  const valid: RosterRecord[] = [];
  for (const record of validation.valid) {
    const userId = lookups.userIdByIdNumber.get(record.idNumber) ?? null;
    let isValid = true;
    if (lookups.staffIdNumbers.has(record.idNumber)) {
      errors.push(errorOf(record.line, 'idNumber', 'invalid_id_number', record.idNumber));
      isValid = false;
    }
    const holder =
      record.admissionNumber === null
        ? undefined
        : lookups.userIdByAdmissionNumber.get(record.admissionNumber);
    if (holder !== undefined && holder !== userId) {
      errors.push(
        errorOf(record.line, 'admissionNumber', 'admission_number_taken', record.admissionNumber),
      );
      isValid = false;
    }
    const phoneOwner = lookups.userIdByPhone.get(record.phone);
    if (phoneOwner !== undefined && phoneOwner !== userId) {
      errors.push(errorOf(record.line, 'phone', 'phone_taken', record.phone));
      isValid = false;
    }
    if (isValid) valid.push(record);
  }
  errors.sort(
    (a, b) =>
      a.line - b.line ||
      (a.column === null ? -1 : (COLUMN_ORDER.get(a.column) ?? 0)) -
        (b.column === null ? -1 : (COLUMN_ORDER.get(b.column) ?? 0)),
  );
  return { ...validation, valid, errors, errorLines: new Set(errors.map((e) => e.line)) };
}
