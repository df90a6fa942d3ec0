import type { QuestionContent } from './question-schema.js';

/**
 * The text of stems, options, passages and reference answers (issue 14 §1): plain text with
 * formulas `$…$` (inline) and `$$…$$` (display), written in LaTeX and rendered with KaTeX, and
 * pictures of the bank `![说明](image:<id>)`, whose 说明 (alt text) is required. A literal dollar
 * is written `\$`; inside a formula `\$` is TeX's own dollar.
 */
export type RichSegment =
  | { kind: 'text'; text: string }
  | { kind: 'math'; tex: string; display: boolean }
  | { kind: 'image'; imageId: string; alt: string };

/** Why a text cannot be shown as written; the server refuses it, the page shows it plainly. */
export type RichTextProblem = 'unclosed_formula' | 'empty_formula' | 'image_alt_missing';

export interface ParsedRichText {
  segments: RichSegment[];
  problems: RichTextProblem[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `![alt](image:id)`: alt without brackets or line breaks, the id up to the closing parenthesis. */
const IMAGE = /^!\[([^\]\n]*)\]\(image:([^)\s]*)\)/;

/** Whether an image id is one the bank could have made (a UUID); others are unknown images. */
export function isImageId(id: string): boolean {
  return UUID.test(id);
}

/** The end of a formula opened at `from` (the index of its closing `$`), or -1. */
function closingDollar(text: string, from: number, display: boolean): number {
  for (let i = from; i < text.length; i++) {
    const character = text[i];
    if (character === '\\') {
      i++;
      continue;
    }
    if (character !== '$') continue;
    if (!display) return i;
    if (text[i + 1] === '$') return i;
  }
  return -1;
}

/** Splits a text into its plain parts, formulas and images, and says what is wrong with it. */
export function parseRichText(text: string): ParsedRichText {
  const segments: RichSegment[] = [];
  const problems = new Set<RichTextProblem>();
  let plain = '';
  const flush = () => {
    if (plain !== '') segments.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const character = text[i] ?? '';
    if (character === '\\' && text[i + 1] === '$') {
      plain += '$';
      i += 2;
      continue;
    }
    if (character === '!' && text[i + 1] === '[') {
      const image = IMAGE.exec(text.slice(i));
      if (image) {
        const alt = (image[1] ?? '').trim();
        if (alt === '') problems.add('image_alt_missing');
        flush();
        segments.push({ kind: 'image', imageId: image[2] ?? '', alt });
        i += image[0].length;
        continue;
      }
    }
    if (character !== '$') {
      plain += character;
      i++;
      continue;
    }
    const display = text[i + 1] === '$';
    const start = i + (display ? 2 : 1);
    const end = closingDollar(text, start, display);
    if (end < 0) {
      // Shown as written, so the reader still sees what the author typed.
      problems.add('unclosed_formula');
      plain += text.slice(i);
      break;
    }
    const tex = text.slice(start, end);
    if (tex.trim() === '') problems.add('empty_formula');
    flush();
    segments.push({ kind: 'math', tex, display });
    i = end + (display ? 2 : 1);
  }
  flush();
  return { segments, problems: [...problems] };
}

/** Whether a text holds anything beyond plain text (a formula, an image or an escaped dollar). */
export function isPlainText(text: string): boolean {
  return !/[$]|!\[/.test(text);
}

/** The image ids a text refers to, each once. */
export function imageIdsOf(text: string): string[] {
  const ids = parseRichText(text).segments.flatMap((segment) =>
    segment.kind === 'image' ? [segment.imageId] : [],
  );
  return [...new Set(ids)];
}

/** A rich text field of a question, with its path as an error issue names it. */
export interface RichField {
  path: string;
  text: string;
  /** The option's id, for an option's text. */
  optionId?: string;
}

/** Every field of a question that holds rich text: stem, options and reference answer. */
export function richFieldsOf(content: QuestionContent): RichField[] {
  const fields: RichField[] = [{ path: 'content.stem', text: content.stem }];
  switch (content.type) {
    case 'single_choice':
    case 'multiple_choice':
      content.options.forEach((option, index) => {
        fields.push({
          path: `content.options.${String(index)}.text`,
          text: option.text,
          optionId: option.id,
        });
      });
      break;
    case 'essay':
    case 'file':
      if (content.referenceAnswer !== '') {
        fields.push({ path: 'content.referenceAnswer', text: content.referenceAnswer });
      }
      break;
    case 'true_false':
    case 'fill_blank':
      break;
  }
  return fields;
}
