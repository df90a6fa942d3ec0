import katex from 'katex';
import { parseRichText, type RichTextProblem } from '../../shared/questions/rich-text.js';

/** Why a formula was refused, in KaTeX's words where KaTeX refused it. */
export interface FormulaProblem {
  /** The formula as written (without its dollars); null for a problem of the text itself. */
  tex: string | null;
  reason: string;
}

const TEXT_REASONS: Record<Exclude<RichTextProblem, 'image_alt_missing'>, string> = {
  unclosed_formula: 'a $ opens a formula that is never closed (write a literal dollar as \\$)',
  empty_formula: 'a formula is empty ($$ or $ $)',
};

/**
 * Parses one formula as the page will render it. Commands that need trust (\href, \url,
 * \includegraphics, \htmlClass …) are refused outright: the page renders with trust off, and a
 * formula that silently lost its link would not be what the author saved.
 */
export function formulaProblem(tex: string, display: boolean): string | null {
  const refused: { command: string | null } = { command: null };
  try {
    katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      output: 'mathml',
      strict: 'ignore',
      trust: (context) => {
        refused.command ??= context.command;
        return false;
      },
    });
  } catch (error) {
    // A ParseError says what is wrong; anything else KaTeX throws (nesting too deep for the
    // stack) still means the formula cannot be shown, never a server error.
    if (error instanceof katex.ParseError) return error.message;
    return error instanceof Error
      ? `KaTeX cannot render it: ${error.message}`
      : 'KaTeX cannot render it';
  }
  return refused.command === null ? null : `${refused.command} is not allowed in a formula`;
}

/** Every formula problem of one rich text: unclosed dollars, empty formulas, KaTeX errors. */
export function formulaProblemsOf(text: string): FormulaProblem[] {
  const parsed = parseRichText(text);
  const problems: FormulaProblem[] = parsed.problems.flatMap((problem) =>
    problem === 'image_alt_missing' ? [] : [{ tex: null, reason: TEXT_REASONS[problem] }],
  );
  for (const segment of parsed.segments) {
    if (segment.kind !== 'math' || segment.tex.trim() === '') continue;
    const reason = formulaProblem(segment.tex, segment.display);
    if (reason !== null) problems.push({ tex: segment.tex, reason });
  }
  return problems;
}
