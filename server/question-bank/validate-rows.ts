import {
  defaultPointsSchema,
  externalKeySchema,
  MAX_PASSAGE_LENGTH,
  MAX_TAGS,
  questionTagSchema,
} from '../../shared/api/question-bank.js';
import type {
  PassageColumn,
  QuestionColumn,
  QuestionRowError,
  QuestionRowErrorCode,
} from '../../shared/api/question-import.js';
import {
  MAX_ESSAY_LENGTH,
  MAX_STEM_LENGTH,
  questionContentSchema,
  type QuestionContent,
  type QuestionType,
} from '../../shared/questions/question-schema.js';
import type { ImportPassage, ImportRecord, ParsedImport } from './import-record.js';
import {
  countBlankMarks,
  DEFAULT_ESSAY_MAX_LENGTH,
  DEFAULT_MAX_FILES,
  ID_KEY_PREFIX,
  OPTION_COLUMN_OF,
  OPTION_LETTERS,
  rowError,
  scoringOfLabel,
  splitBlanks,
  splitTags,
  trueFalseOf,
  typeOfLabel,
} from './question-cells.js';
import type { QuestionWorkbook, SheetRow } from './read-xlsx.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_OPTION_LENGTH = 4_000;
const MAX_ANSWER_LENGTH = 500;

/** Reads one row's cells, collecting its errors; `done()` says whether it stayed clean. */
class RowReader {
  readonly errors: QuestionRowError[] = [];

  constructor(private readonly row: SheetRow<QuestionColumn>) {}

  fail(column: QuestionColumn | null, code: QuestionRowErrorCode): void {
    const cell = column === null ? undefined : this.row.cells[column];
    this.errors.push(rowError('questions', this.row.line, column, code, cell?.text ?? null));
  }

  /** The text of a cell, or null (after reporting it when required or a formula). */
  text(column: QuestionColumn, required = false): string | null {
    const cell = this.row.cells[column];
    if (!cell) {
      if (required) this.fail(column, 'required');
      return null;
    }
    if (cell.kind === 'formula') {
      this.fail(column, 'formula_not_allowed');
      return null;
    }
    return cell.text;
  }

  /** A whole number in a range, or the fallback when empty; null after an error. */
  integer(column: QuestionColumn, min: number, max: number, code: QuestionRowErrorCode) {
    const text = this.text(column);
    if (text === null) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.fail(column, code);
      return null;
    }
    return value;
  }

  /** Reports a filled cell the type has no use for. */
  unused(columns: readonly QuestionColumn[]): void {
    for (const column of columns) if (this.row.cells[column]) this.fail(column, 'not_for_type');
  }
}

const CHOICE_ONLY: QuestionColumn[] = ['scoring'];
const ESSAY_ONLY: QuestionColumn[] = ['maxLength'];
const FILE_ONLY: QuestionColumn[] = ['maxFiles'];
const MARKED_ONLY: QuestionColumn[] = ['referenceAnswer'];
const OPTIONS = OPTION_LETTERS.map((letter) => OPTION_COLUMN_OF[letter]);

/** The options of a choice row, named A, B, … by their column; a gap is an error. */
function readOptions(reader: RowReader) {
  const options: { id: string; text: string }[] = [];
  let gapAt: QuestionColumn | null = null;
  for (const letter of OPTION_LETTERS) {
    const column = OPTION_COLUMN_OF[letter];
    const text = reader.text(column);
    if (text === null) {
      gapAt ??= column;
      continue;
    }
    if (gapAt !== null) {
      reader.fail(gapAt, 'option_gap');
      gapAt = null;
    }
    if (text.length > MAX_OPTION_LENGTH) reader.fail(column, 'too_long');
    options.push({ id: letter, text });
  }
  if (options.length < 2)
    reader.fail(options.length === 0 ? 'optionA' : 'optionB', 'too_few_options');
  return options;
}

/** Letters of the answer cell: `ABD`, `A,B,D`, `A、B` (either case, either width). */
function answerLetters(text: string): string[] {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .split(/[\s,，、;；]*/)
    .filter((part) => part !== '');
}

function contentOf(reader: RowReader, type: QuestionType, stem: string): QuestionContent | null {
  switch (type) {
    case 'single_choice':
    case 'multiple_choice': {
      reader.unused([...ESSAY_ONLY, ...FILE_ONLY, ...MARKED_ONLY]);
      const options = readOptions(reader);
      const answer = reader.text('answer', true);
      if (answer === null) return null;
      const letters = answerLetters(answer);
      const ids = new Set(options.map((option) => option.id));
      if (letters.length === 0 || letters.some((letter) => !ids.has(letter))) {
        reader.fail('answer', 'answer_not_an_option');
        return null;
      }
      if (type === 'single_choice') {
        reader.unused(CHOICE_ONLY);
        if (letters.length > 1) reader.fail('answer', 'one_answer_only');
        return { type, stem, options, correct: letters[0] ?? '' };
      }
      const scoringText = reader.text('scoring');
      const scoring = scoringText === null ? 'all_or_nothing' : scoringOfLabel(scoringText);
      if (!scoring) reader.fail('scoring', 'invalid_scoring');
      return { type, stem, options, correct: [...new Set(letters)], scoring: scoring ?? 'partial' };
    }
    case 'true_false': {
      reader.unused([...OPTIONS, ...CHOICE_ONLY, ...ESSAY_ONLY, ...FILE_ONLY, ...MARKED_ONLY]);
      const answer = reader.text('answer', true);
      if (answer === null) return null;
      const correct = trueFalseOf(answer);
      if (correct === undefined) reader.fail('answer', 'invalid_true_false');
      return { type, stem, correct: correct ?? false };
    }
    case 'fill_blank': {
      reader.unused([...OPTIONS, ...CHOICE_ONLY, ...ESSAY_ONLY, ...FILE_ONLY, ...MARKED_ONLY]);
      const answer = reader.text('answer', true);
      if (answer === null) return null;
      const blanks = splitBlanks(answer).map((accepted) => accepted.filter((a) => a !== ''));
      if (blanks.some((accepted) => accepted.length === 0)) reader.fail('answer', 'required');
      else if (blanks.some((accepted) => accepted.some((a) => a.length > MAX_ANSWER_LENGTH))) {
        reader.fail('answer', 'too_long');
      } else if (countBlankMarks(stem) !== blanks.length) {
        reader.fail('answer', 'blank_count_mismatch');
      }
      return {
        type,
        stem,
        blanks: blanks.map((accepted) => ({ accepted })),
        matching: { ignoreCase: true, ignoreWidth: true, ignoreSpaces: true },
      };
    }
    case 'essay':
    case 'file': {
      reader.unused([...OPTIONS, 'answer', ...CHOICE_ONLY]);
      const referenceAnswer = reader.text('referenceAnswer') ?? '';
      if (referenceAnswer.length > MAX_ESSAY_LENGTH) reader.fail('referenceAnswer', 'too_long');
      if (type === 'essay') {
        reader.unused(FILE_ONLY);
        const maxLength = reader.integer('maxLength', 1, MAX_ESSAY_LENGTH, 'invalid_max_length');
        return { type, stem, maxLength: maxLength ?? DEFAULT_ESSAY_MAX_LENGTH, referenceAnswer };
      }
      reader.unused(ESSAY_ONLY);
      const maxFiles = reader.integer('maxFiles', 1, 10, 'invalid_max_files');
      return { type, stem, maxFiles: maxFiles ?? DEFAULT_MAX_FILES, referenceAnswer };
    }
  }
}

/** Checks one 题目 row on its own; returns the record, or null after adding its errors. */
export function checkQuestionRow(
  row: SheetRow<QuestionColumn>,
  errors: QuestionRowError[],
): ImportRecord | null {
  const reader = new RowReader(row);
  const keyText = reader.text('key');
  let externalKey: string | null = null;
  let questionId: string | null = null;
  if (keyText !== null) {
    const id = keyText.startsWith(ID_KEY_PREFIX) ? keyText.slice(ID_KEY_PREFIX.length) : null;
    if (id !== null && UUID.test(id)) questionId = id.toLowerCase();
    else if (externalKeySchema.safeParse(keyText).success && id === null) externalKey = keyText;
    else reader.fail('key', 'invalid_key');
  }
  const typeText = reader.text('type', true);
  const type = typeText === null ? undefined : typeOfLabel(typeText);
  if (typeText !== null && !type) reader.fail('type', 'unknown_type');
  const stem = reader.text('stem', true);
  if (stem !== null && stem.length > MAX_STEM_LENGTH) reader.fail('stem', 'too_long');

  const pointsText = reader.text('points', true);
  const points = pointsText === null ? null : defaultPointsSchema.safeParse(Number(pointsText));
  if (points && !points.success) reader.fail('points', 'invalid_points');
  const difficulty = reader.integer('difficulty', 1, 5, 'invalid_difficulty');
  const tags = splitTags(reader.text('tags') ?? '');
  if (tags.length > MAX_TAGS || tags.some((tag) => !questionTagSchema.safeParse(tag).success)) {
    reader.fail('tags', 'invalid_tags');
  }
  const passageTitle = reader.text('passage');
  const content = type && stem ? contentOf(reader, type, stem) : null;

  if (content && reader.errors.length === 0) {
    // The shared schema is the last word; a rule it adds that the checks above missed still
    // names the row (and, where it can, the column).
    const checked = questionContentSchema.safeParse(content);
    if (!checked.success) {
      const field = checked.error.issues[0]?.path[0];
      reader.fail(
        field === 'stem' ? 'stem' : field === 'options' ? 'optionA' : 'answer',
        'too_long',
      );
    }
  }
  errors.push(...reader.errors);
  if (reader.errors.length > 0 || !content || !points?.success) return null;
  return {
    line: row.line,
    externalKey,
    questionId,
    content: questionContentSchema.parse(content),
    tags: [...new Set(tags)],
    difficulty: difficulty ?? null,
    defaultPoints: points.data,
    passageTitle,
  };
}

function checkPassageRow(
  row: SheetRow<PassageColumn>,
  errors: QuestionRowError[],
): ImportPassage | null {
  const before = errors.length;
  const read = (column: PassageColumn, max: number): string | null => {
    const cell = row.cells[column];
    const code = !cell ? 'required' : cell.kind === 'formula' ? 'formula_not_allowed' : null;
    const tooLong = cell !== undefined && cell.text.length > max;
    if (code || tooLong) {
      errors.push(rowError('passages', row.line, column, code ?? 'too_long', cell?.text ?? null));
      return null;
    }
    return cell?.text ?? null;
  };
  const title = read('passageTitle', 200);
  const text = read('passageText', MAX_PASSAGE_LENGTH);
  if (errors.length > before || title === null || text === null) return null;
  return { line: row.line, title, text };
}

/**
 * Checks every row of the workbook on its own and against the others: a 题号 or a passage title
 * given twice is refused on its later rows.
 */
export function checkWorkbook(workbook: QuestionWorkbook): ParsedImport {
  const errors: QuestionRowError[] = [];
  const passages: ImportPassage[] = [];
  const titles = new Set<string>();
  for (const row of workbook.passages) {
    const passage = checkPassageRow(row, errors);
    if (!passage) continue;
    if (titles.has(passage.title)) {
      errors.push(
        rowError('passages', row.line, 'passageTitle', 'duplicate_in_file', passage.title),
      );
    } else {
      titles.add(passage.title);
      passages.push(passage);
    }
  }
  const records = markDuplicateKeys(
    workbook.questions.flatMap((row) => checkQuestionRow(row, errors) ?? []),
    errors,
  );
  return { format: 'xlsx', totalRows: workbook.questions.length, records, passages, errors };
}

/** Leaves out, with an error, later records that repeat an earlier record's 题号. */
export function markDuplicateKeys(
  records: ImportRecord[],
  errors: QuestionRowError[],
): ImportRecord[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    const key = record.externalKey ?? record.questionId;
    if (key === null) return true;
    if (seen.has(key)) {
      errors.push(rowError('questions', record.line, 'key', 'duplicate_in_file', key));
      return false;
    }
    seen.add(key);
    return true;
  });
}
