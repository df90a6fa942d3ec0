import { externalKeySchema, questionTagSchema } from '../../shared/api/question-bank.js';
import type {
  QuestionColumn,
  QuestionRowError,
  QuestionRowErrorCode,
} from '../../shared/api/question-import.js';
import {
  questionContentSchema,
  type QuestionContent,
} from '../../shared/questions/question-schema.js';
import type { ImportRecord, ParsedImport } from './import-record.js';
import { DEFAULT_ESSAY_MAX_LENGTH, OPTION_LETTERS, rowError } from './question-cells.js';
import { markDuplicateKeys } from './validate-rows.js';

// Moodle GIFT (https://docs.moodle.org/en/GIFT_format), the parts a question bank needs:
// `::title::` (our 题号), multiple choice `{=right ~wrong}`, multiple answers `{~%50%a ~%50%b
// ~%-100%c}`, true/false `{T}` `{F}`, short answer `{=a =b}` (a 填空题 of one blank), essay `{}`,
// `// comments`, `$CATEGORY:` (a tag for the questions after it), feedback `#…` (dropped) and
// the escapes \= \~ \{ \} \# \: \\ \n. Numeric (`{#…}`) and matching (`->`) are refused.

/** A character of the text, and whether a backslash made it literal. */
interface Token {
  char: string;
  isLiteral: boolean;
}

/**
 * What a backslash escapes (Moodle's own list); before anything else it stays, so LaTeX such as
 * `$\frac{1}{2}$` or a literal dollar `\$` arrives as written. `\n` is a line break unless a
 * letter follows, so `\neq` and `\nu` stay commands.
 */
const ESCAPABLE = new Set(['=', '~', '{', '}', '#', ':', '\\']);
const isEscape = (next: string, after: string | undefined) =>
  ESCAPABLE.has(next) || (next === 'n' && !/^[A-Za-z]$/.test(after ?? ''));

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    const next = text[index + 1];
    if (char === '\\' && next !== undefined && isEscape(next, text[index + 2])) {
      tokens.push({ char: next === 'n' ? '\n' : next, isLiteral: true });
      index++;
    } else tokens.push({ char, isLiteral: false });
  }
  return tokens;
}

const textOf = (tokens: Token[]) =>
  tokens
    .map((token) => token.char)
    .join('')
    .trim();
const isMark = (token: Token | undefined, char: string) =>
  token !== undefined && !token.isLiteral && token.char === char;
const findMark = (tokens: Token[], char: string, from = 0) =>
  tokens.findIndex((token, index) => index >= from && isMark(token, char));

class GiftError extends Error {
  constructor(
    readonly column: QuestionColumn | null,
    readonly code: QuestionRowErrorCode,
    readonly value: string | null = null,
  ) {
    super(code);
  }
}

interface GiftAnswer {
  isCorrect: boolean;
  /** `%50%`: the share of the points; null when none is given. */
  weight: number | null;
  text: string;
}

/** The answers of `{=a ~b …}`, each without its feedback. */
function answersOf(tokens: Token[]): GiftAnswer[] {
  const answers: GiftAnswer[] = [];
  let current: Token[] | null = null;
  let marker = '';
  const flush = () => {
    if (current === null) return;
    const feedbackAt = findMark(current, '#');
    const body = feedbackAt === -1 ? current : current.slice(0, feedbackAt);
    let text = textOf(body);
    if (text.includes('->') && body.some((t, i) => isMark(t, '-') && isMark(body[i + 1], '>'))) {
      throw new GiftError('answer', 'gift_unsupported', text);
    }
    let weight: number | null = null;
    const weighted = /^%(-?\d+(?:\.\d+)?)%/.exec(text);
    if (weighted) {
      weight = Number(weighted[1]);
      text = text.slice(weighted[0].length).trim();
    }
    answers.push({ isCorrect: marker === '=', weight, text });
  };
  for (const token of tokens) {
    if (isMark(token, '=') || isMark(token, '~')) {
      flush();
      marker = token.char;
      current = [];
    } else if (current !== null) current.push(token);
    else if (token.char.trim() !== '') throw new GiftError('answer', 'gift_syntax', textOf(tokens));
  }
  flush();
  return answers;
}

const TRUE_FALSE = /^(T|TRUE|F|FALSE)$/i;

function contentOf(stem: string, hasTextAfter: boolean, body: Token[]): QuestionContent {
  const raw = textOf(body);
  const withoutFeedback = textOf(
    findMark(body, '#') === -1 ? body : body.slice(0, findMark(body, '#')),
  );
  if (raw === '')
    return { type: 'essay', stem, maxLength: DEFAULT_ESSAY_MAX_LENGTH, referenceAnswer: '' };
  if (
    isMark(
      body.find((t) => t.char.trim() !== ''),
      '#',
    )
  ) {
    throw new GiftError('answer', 'gift_unsupported', raw);
  }
  if (TRUE_FALSE.test(withoutFeedback)) {
    return { type: 'true_false', stem, correct: withoutFeedback.toUpperCase().startsWith('T') };
  }
  const answers = answersOf(body);
  if (answers.some((answer) => answer.text === '')) throw new GiftError('answer', 'required', raw);
  const blankStem = hasTextAfter ? stem : `${stem} ___`;
  if (answers.every((answer) => answer.isCorrect)) {
    return {
      type: 'fill_blank',
      stem: blankStem,
      blanks: [{ accepted: answers.map((answer) => answer.text) }],
      matching: { ignoreCase: true, ignoreWidth: true, ignoreSpaces: true },
    };
  }
  // The template has six option columns: more could not be exported and imported again.
  if (answers.length > OPTION_LETTERS.length) {
    throw new GiftError('answer', 'gift_unsupported', raw);
  }
  const options = answers.map((answer, index) => ({
    id: String.fromCharCode(65 + index),
    text: answer.text,
  }));
  const isRight = (answer: GiftAnswer) =>
    answer.isCorrect ? answer.weight === null || answer.weight > 0 : (answer.weight ?? 0) > 0;
  const correct = options.filter((_option, index) => {
    const answer = answers[index];
    return answer !== undefined && isRight(answer);
  });
  if (correct.length === 0) throw new GiftError('answer', 'required', raw);
  const isWeighted = answers.some((answer) => answer.weight !== null && answer.weight < 100);
  if (correct.length === 1 && !isWeighted) {
    return { type: 'single_choice', stem, options, correct: correct[0]?.id ?? 'A' };
  }
  return {
    type: 'multiple_choice',
    stem,
    options,
    correct: correct.map((option) => option.id),
    scoring: isWeighted ? 'partial' : 'all_or_nothing',
  };
}

const FORMAT_MARK = /^\[(html|moodle|plain|markdown)\]/i;

/** One question's text (comments removed) as a record; throws GiftError for what is wrong. */
function parseQuestion(
  block: string,
  line: number,
  category: string | null,
): Omit<ImportRecord, 'questionId'> {
  let tokens = tokenize(block);
  let externalKey: string | null = null;
  if (isMark(tokens[0], ':') && isMark(tokens[1], ':')) {
    let end = -1;
    for (let index = 2; index < tokens.length - 1; index++) {
      if (isMark(tokens[index], ':') && isMark(tokens[index + 1], ':')) {
        end = index;
        break;
      }
    }
    if (end === -1) throw new GiftError('key', 'gift_syntax', block);
    const title = textOf(tokens.slice(2, end));
    if (!externalKeySchema.safeParse(title).success)
      throw new GiftError('key', 'invalid_key', title);
    externalKey = title;
    tokens = tokens.slice(end + 2);
  }
  const open = findMark(tokens, '{');
  if (open === -1) throw new GiftError('answer', 'gift_syntax', block);
  const close = findMark(tokens, '}', open + 1);
  const nested = findMark(tokens.slice(0, close === -1 ? tokens.length : close), '{', open + 1);
  if (close === -1 || nested !== -1) throw new GiftError('answer', 'gift_syntax', block);
  const after = tokens.slice(close + 1);
  if (findMark(after, '{') !== -1) throw new GiftError('answer', 'gift_unsupported', block);
  const before = textOf(tokens.slice(0, open)).replace(FORMAT_MARK, '').trim();
  const afterText = textOf(after);
  const stem = afterText === '' ? before : `${before} ___ ${afterText}`;
  if (stem === '' || stem === '___') throw new GiftError('stem', 'required');
  const content = contentOf(stem, afterText !== '', tokens.slice(open + 1, close));
  const checked = questionContentSchema.safeParse(content);
  if (!checked.success) {
    const field = checked.error.issues[0]?.path[0];
    throw new GiftError(field === 'stem' ? 'stem' : 'answer', 'too_long', block);
  }
  return {
    line,
    externalKey,
    content: checked.data,
    tags: category === null ? [] : [category],
    difficulty: null,
    defaultPoints: 1,
    passageTitle: null,
  };
}

/**
 * Reads GIFT text: questions are separated by blank lines; each error names the question's first
 * line. A question that cannot be read leaves the others as they are.
 */
export function parseGift(text: string): ParsedImport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const records: ImportRecord[] = [];
  const errors: QuestionRowError[] = [];
  let totalRows = 0;
  let category: string | null = null;
  let block: string[] = [];
  let blockLine = 0;
  const finish = () => {
    if (block.length === 0) return;
    totalRows++;
    try {
      records.push({ ...parseQuestion(block.join('\n'), blockLine, category), questionId: null });
    } catch (error) {
      if (!(error instanceof GiftError)) throw error;
      errors.push(rowError('questions', blockLine, error.column, error.code, error.value));
    }
    block = [];
  };
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('//')) return;
    const categoryMatch = /^\$CATEGORY:\s*(.*)$/i.exec(trimmed);
    if (categoryMatch) {
      finish();
      const name = (categoryMatch[1] ?? '').replace(/^\$(course|system|module)\$\/?/i, '').trim();
      category = questionTagSchema.safeParse(name).success ? name : null;
      return;
    }
    if (trimmed === '') {
      finish();
      return;
    }
    if (block.length === 0) blockLine = index + 1;
    block.push(line);
  });
  finish();
  return {
    format: 'gift',
    totalRows,
    records: markDuplicateKeys(records, errors),
    passages: [],
    errors,
  };
}
