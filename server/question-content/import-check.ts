import type { QuestionColumn, QuestionRowError } from '../../shared/api/question-import.js';
import { imageIdsOf, richFieldsOf, type RichField } from '../../shared/questions/rich-text.js';
import type { ImportRecord, ParsedImport } from '../question-bank/import-record.js';
import type { BankScope } from '../question-bank/policy.js';
import { OPTION_COLUMN_OF } from '../question-bank/question-cells.js';
import { fieldsWithoutAlt, formulaIssues } from './content-check.js';
import type { QuestionImageService } from './image-service.js';

const OPTION_COLUMN_BY_ID = new Map<string, QuestionColumn>(Object.entries(OPTION_COLUMN_OF));

/** The template column that holds a field of a question (GIFT's parts map to the same). */
function columnOf(field: RichField): QuestionColumn {
  if (field.optionId !== undefined) return OPTION_COLUMN_BY_ID.get(field.optionId) ?? 'answer';
  return field.path === 'content.referenceAnswer' ? 'referenceAnswer' : 'stem';
}

interface Entry {
  sheet: QuestionRowError['sheet'];
  line: number;
  fields: (RichField & { column: QuestionRowError['column'] })[];
}

/**
 * Checks the formulas and pictures of every question and passage of an import like the editor
 * does, and leaves out, each with its row error, those that would be refused there. Pictures
 * cannot come with an import file; a marker of a picture already in the bank (an export read
 * back) is kept.
 */
export async function checkImportTexts(
  images: QuestionImageService,
  scope: BankScope,
  parsed: ParsedImport,
): Promise<ParsedImport> {
  const errors: QuestionRowError[] = [];
  const entryOf = (record: ImportRecord): Entry => ({
    sheet: 'questions',
    line: record.line,
    fields: richFieldsOf(record.content).map((field) => ({ ...field, column: columnOf(field) })),
  });
  const entries: Entry[] = [
    ...parsed.records.map(entryOf),
    ...parsed.passages.map((passage) => ({
      sheet: 'passages' as const,
      line: passage.line,
      fields: [{ path: 'text', text: passage.text, column: 'passageText' as const }],
    })),
  ];
  const usable = await images.usableImageIds(
    scope,
    entries.flatMap((entry) => entry.fields.flatMap((field) => imageIdsOf(field.text))),
  );
  const refused = new Set<string>();
  for (const entry of entries) {
    const fail = (error: Omit<QuestionRowError, 'sheet' | 'line'>) => {
      errors.push({ sheet: entry.sheet, line: entry.line, ...error });
      refused.add(`${entry.sheet}:${String(entry.line)}`);
    };
    for (const field of entry.fields) {
      const value = field.text.slice(0, 100);
      for (const issue of formulaIssues([field])) {
        fail({ column: field.column, code: 'formula_invalid', value, reason: issue.message });
      }
      if (fieldsWithoutAlt([field]).length > 0) {
        fail({ column: field.column, code: 'image_alt_missing', value });
      }
      for (const imageId of imageIdsOf(field.text)) {
        if (!usable.has(imageId.toLowerCase())) {
          fail({ column: field.column, code: 'image_unknown', value: `image:${imageId}` });
        }
      }
    }
  }
  const kept = (sheet: string, line: number) => !refused.has(`${sheet}:${String(line)}`);
  return {
    ...parsed,
    records: parsed.records.filter((record) => kept('questions', record.line)),
    passages: parsed.passages.filter((passage) => kept('passages', passage.line)),
    errors: [...parsed.errors, ...errors],
  };
}
