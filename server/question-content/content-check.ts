import { parseRichText, type RichField } from '../../shared/questions/rich-text.js';
import { AppError } from '../errors/app-error.js';
import type { BankScope } from '../question-bank/policy.js';
import { formulaProblemsOf } from './formula-check.js';
import type { QuestionImageService } from './image-service.js';

/** KaTeX underlines the faulty characters with U+0332, which reads badly outside its HTML. */
const readable = (reason: string) => reason.replace(/\u0332/g, '');

/** Formula problems of these fields as error issues: the field's path and KaTeX's reason. */
export function formulaIssues(fields: readonly RichField[]): { path: string; message: string }[] {
  return fields.flatMap((field) =>
    formulaProblemsOf(field.text).map((problem) => ({
      path: field.path,
      message: readable(problem.reason),
    })),
  );
}

/** The fields with a picture whose 说明 (alt text) is missing. */
export function fieldsWithoutAlt(fields: readonly RichField[]): RichField[] {
  return fields.filter((field) => parseRichText(field.text).problems.includes('image_alt_missing'));
}

/**
 * Refuses rich text the page could not show as written: a formula that does not parse
 * (FORMULA_INVALID), a picture without 说明 (QUESTION_IMAGE_ALT_MISSING) or one the bank in
 * `scope` does not have (QUESTION_IMAGE_UNKNOWN). Each issue names the field.
 */
export async function assertRichTexts(
  images: QuestionImageService,
  scope: BankScope,
  fields: readonly RichField[],
): Promise<void> {
  const formulas = formulaIssues(fields);
  if (formulas.length > 0) throw AppError.withIssues('FORMULA_INVALID', formulas);
  const withoutAlt = fieldsWithoutAlt(fields);
  if (withoutAlt.length > 0) {
    throw AppError.withIssues(
      'QUESTION_IMAGE_ALT_MISSING',
      withoutAlt.map((field) => ({ path: field.path, message: 'alt text required' })),
    );
  }
  await images.assertKnownImages(scope, fields);
}
