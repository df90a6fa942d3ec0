import type { QuestionColumn, QuestionRowError } from '../../shared/api/question-import.js';
import {
  MULTIPLE_CHOICE_SCORINGS,
  type QuestionContent,
  type QuestionType,
} from '../../shared/questions/question-schema.js';

// How a question reads in the template's cells, both ways: the export writes these and the
// import reads them, so export → edit → import gives back the same questions.

type Scoring = (typeof MULTIPLE_CHOICE_SCORINGS)[number];

export const TYPE_LABELS: Record<QuestionType, { zh: string; en: string }> = {
  single_choice: { zh: '单选题', en: 'Single choice' },
  multiple_choice: { zh: '多选题', en: 'Multiple choice' },
  true_false: { zh: '判断题', en: 'True/false' },
  fill_blank: { zh: '填空题', en: 'Fill in the blanks' },
  essay: { zh: '简答题', en: 'Essay' },
  file: { zh: '上传题', en: 'File answer' },
};

export const SCORING_LABELS: Record<Scoring, { zh: string; en: string }> = {
  all_or_nothing: { zh: '全对得分', en: 'All or nothing' },
  partial: { zh: '少选得部分分', en: 'Partial credit' },
};

/** 字数上限 and 文件数上限 when the cell is empty. */
export const DEFAULT_ESSAY_MAX_LENGTH = 1_000;
export const DEFAULT_MAX_FILES = 3;

/** A key cell naming a question by id: what the export writes for a question without 题号. */
export const ID_KEY_PREFIX = 'id:';

/** Between blanks of a 填空题 answer, and between the accepted answers of one blank. */
export const BLANK_SEPARATOR = '|';
export const ALTERNATIVE_SEPARATOR = ';';

const normaliseLabel = (text: string) => text.replace(/[\s_/-]/g, '').toLowerCase();

function labelLookup<K extends string>(
  labels: Record<K, { zh: string; en: string }>,
): Map<string, K> {
  const map = new Map<string, K>();
  for (const key of Object.keys(labels) as K[]) {
    for (const text of [key, labels[key].zh, labels[key].en]) map.set(normaliseLabel(text), key);
  }
  return map;
}
const TYPE_BY_LABEL = labelLookup(TYPE_LABELS);
TYPE_BY_LABEL.set(normaliseLabel('作文'), 'essay');
TYPE_BY_LABEL.set(normaliseLabel('主观题'), 'essay');
const SCORING_BY_LABEL = labelLookup(SCORING_LABELS);

export const typeOfLabel = (text: string): QuestionType | undefined =>
  TYPE_BY_LABEL.get(normaliseLabel(text));
export const scoringOfLabel = (text: string): Scoring | undefined =>
  SCORING_BY_LABEL.get(normaliseLabel(text));

const TRUE_WORDS = new Set(['对', '正确', '是', '√', '✓', 't', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['错', '错误', '否', '×', '✗', 'x', 'f', 'false', 'n', 'no']);

/** 对/错, T/F, 正确/错误 …; undefined for anything else. */
export function trueFalseOf(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** The blanks a stem marks: runs of three or more underscores. */
export function countBlankMarks(stem: string): number {
  return stem.match(/_{3,}/g)?.length ?? 0;
}

const escapeAnswer = (text: string) => text.replace(/[\\|;]/g, (char) => `\\${char}`);

/** `since|for;during`: blanks by |, accepted answers by ; (a \ keeps either literal). */
export function joinBlanks(blanks: readonly { accepted: readonly string[] }[]): string {
  return blanks
    .map((blank) => blank.accepted.map(escapeAnswer).join(ALTERNATIVE_SEPARATOR))
    .join(BLANK_SEPARATOR);
}

/**
 * The inverse of joinBlanks; full-width ｜ and ； count as | and ;. `alternatives`: the
 * characters that part accepted answers (a Word paper's answers also take / and ／).
 */
export function splitBlanks(text: string, alternatives = `${ALTERNATIVE_SEPARATOR}；`): string[][] {
  const blanks: string[][] = [];
  let accepted: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    if (char === '\\' && index + 1 < text.length) {
      current += text[index + 1] ?? '';
      index++;
    } else if (char === BLANK_SEPARATOR || char === '｜') {
      accepted.push(current.trim());
      blanks.push(accepted);
      accepted = [];
      current = '';
    } else if (alternatives.includes(char)) {
      accepted.push(current.trim());
      current = '';
    } else current += char;
  }
  accepted.push(current.trim());
  blanks.push(accepted);
  return blanks;
}

/** Tags by comma, 、 or semicolon, in either width. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,，、;；]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const OPTION_COLUMN_OF = {
  A: 'optionA',
  B: 'optionB',
  C: 'optionC',
  D: 'optionD',
  E: 'optionE',
  F: 'optionF',
} as const satisfies Record<(typeof OPTION_LETTERS)[number], QuestionColumn>;
export { OPTION_LETTERS, OPTION_COLUMN_OF };

/** What the export needs of a question besides its content. */
export interface ExportedQuestion {
  id: string;
  content: QuestionContent;
  externalKey: string | null;
  defaultPoints: number;
  difficulty: number | null;
  tags: string[];
  passageTitle: string | null;
}

/** A question as one row of the template (options beyond F cannot be written: see caller). */
export function cellsOfQuestion(question: ExportedQuestion): Record<QuestionColumn, string> {
  const { content } = question;
  const cells: Record<QuestionColumn, string> = {
    key: question.externalKey ?? `${ID_KEY_PREFIX}${question.id}`,
    type: TYPE_LABELS[content.type].zh,
    stem: content.stem,
    optionA: '',
    optionB: '',
    optionC: '',
    optionD: '',
    optionE: '',
    optionF: '',
    answer: '',
    points: String(question.defaultPoints),
    difficulty: question.difficulty === null ? '' : String(question.difficulty),
    tags: question.tags.join(','),
    scoring: '',
    maxLength: '',
    maxFiles: '',
    referenceAnswer: '',
    passage: question.passageTitle ?? '',
  };
  switch (content.type) {
    case 'single_choice':
    case 'multiple_choice': {
      // Options are written in their order as A, B, …; the answer names them by that letter.
      const letterOf = new Map<string, string>();
      content.options.forEach((option, index) => {
        const letter = OPTION_LETTERS[index];
        if (!letter) return;
        cells[OPTION_COLUMN_OF[letter]] = option.text;
        letterOf.set(option.id, letter);
      });
      const keys = content.type === 'single_choice' ? [content.correct] : content.correct;
      cells.answer = keys.map((key) => letterOf.get(key) ?? '?').join('');
      if (content.type === 'multiple_choice') cells.scoring = SCORING_LABELS[content.scoring].zh;
      break;
    }
    case 'true_false':
      cells.answer = content.correct ? '对' : '错';
      break;
    case 'fill_blank':
      cells.answer = joinBlanks(content.blanks);
      break;
    case 'essay':
      cells.maxLength = String(content.maxLength);
      cells.referenceAnswer = content.referenceAnswer;
      break;
    case 'file':
      cells.maxFiles = String(content.maxFiles);
      cells.referenceAnswer = content.referenceAnswer;
      break;
  }
  return cells;
}

/** One row error; the value cut to 100 characters. */
export function rowError(
  sheet: QuestionRowError['sheet'],
  line: number,
  column: QuestionRowError['column'],
  code: QuestionRowError['code'],
  value: string | null,
): QuestionRowError {
  return { sheet, line, column, code, value: value === null ? null : value.slice(0, 100) };
}
