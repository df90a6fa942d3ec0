import type {
  QuestionColumn,
  QuestionImportWarning,
  QuestionRowError,
} from '../../shared/api/question-import.js';
import type { ImportRecord, ParsedImport } from './import-record.js';
import {
  joinBlanks,
  splitBlanks,
  OPTION_COLUMN_OF,
  OPTION_LETTERS,
  rowError,
  typeOfLabel,
} from './question-cells.js';
import type { DocxParagraph } from './read-docx.js';
import type { SheetCell, SheetRow } from './read-xlsx.js';
import { checkQuestionRow, markDuplicateKeys } from './validate-rows.js';

// A Word paper as Chinese exam bodies write it: each question opens with 【单选题】 (多选题,
// 判断题, 填空题, 简答题 / 问答题 / 论述题, 上传题, 单项选择题 …), the stem follows on that paragraph and the
// next ones, options are paragraphs `A.` `A、` `A．` `(A)` (several may share a line), then lines
// 答案：… 分值：… 难度：… 标签：… 解析：… 编号：…. Each question becomes a row of the XLSX
// template's columns and is checked by the same rules (validate-rows.ts).

type Field = 'answer' | 'points' | 'difficulty' | 'tags' | 'scoring' | 'key' | 'explanation';

const FIELD_NAMES: Record<Field, readonly string[]> = {
  answer: ['答案', '正确答案', '参考答案', 'Answer'],
  points: ['分值', '分数', 'Points'],
  difficulty: ['难度', 'Difficulty'],
  tags: ['标签', '知识点', 'Tags'],
  scoring: ['多选计分', '计分', 'Scoring'],
  key: ['编号', '题号', 'Key'],
  explanation: ['解析', '答案解析', 'Explanation'],
};
const FIELD_OF = new Map<string, Field>(
  (Object.keys(FIELD_NAMES) as Field[]).flatMap((field) =>
    FIELD_NAMES[field].map((name) => [name.toLowerCase(), field] as const),
  ),
);
const NAMES = [...FIELD_OF.keys()].sort((a, b) => b.length - a.length).join('|');
/** `答案：B` or `【答案】B`, at the start of a line or (for the next field) after a space. */
const FIELD_AT_START = new RegExp(`^(?:【(${NAMES})】|(${NAMES})\\s*[:：])\\s*`, 'i');
const FIELD_INSIDE = new RegExp(`(?:【(?:${NAMES})】|\\s(?:${NAMES})\\s*[:：])`, 'i');

/** 【单选题】, after an optional question number (`3.【单选题】`). */
const TYPE_MARK = /^(?:\d{1,4}\s*[.、．]\s*)?【([^】]{1,12}题)】\s*/;
/** `1.` `12、` before a stem (not `3.14`). */
const STEM_NUMBER = /^\d{1,4}\s*[.、．](?!\d)\s*/;
/** Marks Chinese papers use besides the template's type names. */
const LABEL_ALIASES = new Map<string, string>([
  ['单项选择题', '单选题'],
  ['多项选择题', '多选题'],
  ['不定项选择题', '多选题'],
  ['是非题', '判断题'],
  ['问答题', '简答题'],
  ['论述题', '简答题'],
  ['作文题', '简答题'],
]);
/** Option marks of A–J; A–F fit the template's columns, the rest are refused. */
const OPTION_MARK = /^(?:[(（]\s*([A-JＡ-Ｊ])\s*[)）]|([A-JＡ-Ｊ])\s*[.．、])\s*/;
const LAST_COLUMN_LETTER = OPTION_LETTERS[OPTION_LETTERS.length - 1] ?? 'F';
const OPTION_COLUMN = new Map<string, QuestionColumn>(Object.entries(OPTION_COLUMN_OF));

const DIFFICULTY_WORDS = new Map<string, string>([
  ['易', '1'],
  ['容易', '1'],
  ['简单', '1'],
  ['较易', '2'],
  ['中', '3'],
  ['中等', '3'],
  ['适中', '3'],
  ['一般', '3'],
  ['较难', '4'],
  ['难', '5'],
  ['困难', '5'],
]);

const letterOf = (mark: string) => mark.normalize('NFKC').toUpperCase();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The options a line starts with: `A. x  B. y` gives A and B (letters must follow in order). */
export function splitOptionLine(line: string): { letter: string; text: string }[] | null {
  const first = OPTION_MARK.exec(line);
  if (!first) return null;
  const options: { letter: string; text: string }[] = [];
  let letter = letterOf(first[1] ?? first[2] ?? '');
  let rest = line.slice(first[0].length);
  for (;;) {
    const next = String.fromCharCode(letter.charCodeAt(0) + 1);
    const wide = String.fromCharCode(next.charCodeAt(0) + 0xfee0);
    const letters = `[${escapeRegExp(next)}${wide}]`;
    const found = new RegExp(`\\s+(?:[(（]\\s*${letters}\\s*[)）]|${letters}\\s*[.．、])\\s*`).exec(
      rest,
    );
    if (!found || next > 'J') {
      options.push({ letter, text: rest.trim() });
      return options;
    }
    options.push({ letter, text: rest.slice(0, found.index).trim() });
    letter = next;
    rest = rest.slice(found.index + found[0].length);
  }
}

/** The fields of a line that starts with one: `答案：B 分值：2` gives both. */
function splitFieldLine(line: string): { field: Field; text: string }[] | null {
  const fields: { field: Field; text: string }[] = [];
  let rest = line;
  for (;;) {
    const found = FIELD_AT_START.exec(rest);
    if (!found) return fields.length > 0 ? fields : null;
    const field = FIELD_OF.get((found[1] ?? found[2] ?? '').toLowerCase());
    if (!field) return null;
    rest = rest.slice(found[0].length);
    const next = FIELD_INSIDE.exec(rest);
    const text = next ? rest.slice(0, next.index) : rest;
    fields.push({ field, text: text.trim() });
    if (!next) return fields;
    rest = rest.slice(next.index).trim();
  }
}

/** A 填空题 answer `since/from｜ten`: blanks by | or ｜, accepted answers by / (or ;), \ escapes. */
export function blanksOfAnswer(text: string): string {
  return joinBlanks(splitBlanks(text, '/／;；').map((accepted) => ({ accepted })));
}

/** One question being read, paragraph by paragraph. */
interface Draft {
  line: number;
  typeLabel: string;
  stem: string[];
  options: Map<string, string[]>;
  lastOption: string | null;
  fields: Map<Field, string[]>;
  /** The field the next plain paragraph continues (解析, an essay's 答案); null: none. */
  openField: Field | null;
  hasFields: boolean;
  errors: QuestionRowError[];
}

const isLongField = (draft: Draft, field: Field) =>
  field === 'explanation' ||
  (field === 'answer' && ['essay', 'file'].includes(typeOfLabel(draft.typeLabel) ?? ''));

const FIELD_COLUMN: Record<Exclude<Field, 'explanation'>, QuestionColumn> = {
  answer: 'answer',
  points: 'points',
  difficulty: 'difficulty',
  tags: 'tags',
  scoring: 'scoring',
  key: 'key',
};

/** The template row a question reads as. */
function rowOf(draft: Draft): SheetRow<QuestionColumn> {
  const cells: Partial<Record<QuestionColumn, SheetCell>> = {};
  const put = (column: QuestionColumn, text: string | undefined) => {
    if (text !== undefined && text.trim() !== '')
      cells[column] = { kind: 'text', text: text.trim() };
  };
  const type = typeOfLabel(draft.typeLabel);
  put('type', draft.typeLabel);
  let stem = draft.stem.join('\n').replace(STEM_NUMBER, '');
  // （ ） marks a blank in Chinese papers; the bank marks blanks ___.
  if (type === 'fill_blank') stem = stem.replace(/（[\s\u3000]*）|\([\s\u3000]+\)/g, '___');
  put('stem', stem);
  for (const [letter, lines] of draft.options) {
    const column = OPTION_COLUMN.get(letter);
    if (column) put(column, lines.join('\n'));
  }
  const field = (name: Field) => draft.fields.get(name)?.join('\n');
  const answer = field('answer');
  if (type === 'essay' || type === 'file') put('referenceAnswer', answer);
  else if (type === 'fill_blank' && answer !== undefined) put('answer', blanksOfAnswer(answer));
  else if (type === 'single_choice' || type === 'multiple_choice') {
    put('answer', answer?.replace(/[\s()（）【】[\]]/g, ''));
  } else put('answer', answer?.replace('✔', '√').replace('✘', '×'));
  const points = field('points')?.trim();
  put('points', points === undefined ? '1' : points.replace(/^(\d+(?:\.\d+)?)\s*分$/, '$1'));
  const difficulty = field('difficulty')?.trim();
  put(
    'difficulty',
    difficulty === undefined ? undefined : (DIFFICULTY_WORDS.get(difficulty) ?? difficulty),
  );
  put('tags', field('tags'));
  put('scoring', field('scoring'));
  put('key', field('key'));
  return { line: draft.line, cells };
}

/**
 * Reads a Word paper's paragraphs into questions. Paragraphs before the first 【题型】 (the
 * paper's title and instructions) are not questions and are passed over; each error names the
 * paragraph of its question's mark.
 */
export function parseDocxQuestions(paragraphs: readonly DocxParagraph[]): ParsedImport {
  const drafts: Draft[] = [];
  const warnings: QuestionImportWarning[] = [];
  let draft: Draft | null = null;
  const warn = (line: number, code: QuestionImportWarning['code'], value: string | null) => {
    warnings.push({ line, code, value: value === null ? null : value.slice(0, 100) });
  };

  for (const paragraph of paragraphs) {
    for (const raw of paragraph.text.split('\n')) {
      const line = raw.trim();
      if (line === '') continue;
      const mark = TYPE_MARK.exec(line);
      if (mark) {
        const label = mark[1] ?? '';
        draft = {
          line: paragraph.number,
          typeLabel: LABEL_ALIASES.get(label) ?? label,
          stem: [],
          options: new Map(),
          lastOption: null,
          fields: new Map(),
          openField: null,
          hasFields: false,
          errors: [],
        };
        drafts.push(draft);
        const rest = line.slice(mark[0].length).trim();
        if (rest !== '') draft.stem.push(rest);
        continue;
      }
      if (!draft) continue;
      const current: Draft = draft;
      const fields = splitFieldLine(line);
      if (fields) {
        current.hasFields = true;
        current.openField = null;
        for (const { field, text } of fields) {
          if (field === 'explanation') {
            // Kept only so that its next paragraphs are known to be part of it.
            warn(paragraph.number, 'explanation_ignored', text);
            current.fields.set(field, [text]);
            current.openField = field;
            continue;
          }
          if (current.fields.has(field)) {
            const column = FIELD_COLUMN[field];
            current.errors.push(
              rowError('questions', current.line, column, 'repeated_field', line),
            );
            continue;
          }
          current.fields.set(field, [text]);
          if (isLongField(current, field)) current.openField = field;
        }
        continue;
      }
      if (current.openField !== null) {
        current.fields.get(current.openField)?.push(line);
        continue;
      }
      const options = splitOptionLine(line);
      if (options) {
        for (const { letter, text } of options) {
          if (letter > LAST_COLUMN_LETTER) {
            current.errors.push(
              rowError('questions', current.line, null, 'too_many_options', line),
            );
          } else if (current.options.has(letter)) {
            const column = OPTION_COLUMN.get(letter) ?? null;
            current.errors.push(
              rowError('questions', current.line, column, 'repeated_field', line),
            );
          } else {
            current.options.set(letter, [text]);
            current.lastOption = letter;
          }
        }
        continue;
      }
      if (current.hasFields) warn(paragraph.number, 'line_ignored', line);
      else if (current.lastOption !== null) current.options.get(current.lastOption)?.push(line);
      else current.stem.push(line);
    }
    if (draft && (paragraph.images > 0 || paragraph.formulas > 0)) {
      if (paragraph.images > 0) warn(paragraph.number, 'image_ignored', null);
      if (paragraph.formulas > 0) warn(paragraph.number, 'formula_ignored', null);
    }
  }

  const errors: QuestionRowError[] = [];
  const records = drafts.flatMap((item): ImportRecord[] => {
    const record = checkQuestionRow(rowOf(item), errors);
    errors.push(...item.errors);
    return record && item.errors.length === 0 ? [record] : [];
  });
  return {
    format: 'docx',
    totalRows: drafts.length,
    records: markDuplicateKeys(records, errors),
    passages: [],
    errors,
    warnings,
  };
}
