import type { BankQuestion, BankQuestionInput } from '../../../../shared/api/question-bank.js';
import {
  MULTIPLE_CHOICE_SCORINGS,
  type QuestionContent,
  type QuestionType,
} from '../../../../shared/questions/question-schema.js';

// The question form's values and how they become a question (and back): options are named
// A, B, … by their place, as the import and export name them.

export type Scoring = (typeof MULTIPLE_CHOICE_SCORINGS)[number];

export interface QuestionFormValues {
  type: QuestionType;
  stem: string;
  options: { text: string; isCorrect: boolean }[];
  scoring: Scoring;
  trueFalse: 'true' | 'false';
  /** Each blank's accepted answers, separated by ; as typed. */
  blanks: { accepted: string }[];
  ignoreCase: boolean;
  ignoreWidth: boolean;
  ignoreSpaces: boolean;
  maxLength: number;
  maxFiles: number;
  referenceAnswer: string;
  defaultPoints: number;
  difficulty: number | null;
  tags: string[];
  passageId: string | null;
  externalKey: string;
}

export const optionLetter = (index: number) => String.fromCharCode(65 + index);

/** The blanks a stem marks: runs of three or more underscores (as the import counts them). */
export const countBlankMarks = (stem: string) => stem.match(/_{3,}/g)?.length ?? 0;

const splitAccepted = (text: string) =>
  text
    .split(/[;；]/)
    .map((answer) => answer.trim())
    .filter((answer) => answer !== '');

export function emptyFormValues(): QuestionFormValues {
  return {
    type: 'single_choice',
    stem: '',
    options: [0, 1, 2, 3].map(() => ({ text: '', isCorrect: false })),
    scoring: 'all_or_nothing',
    trueFalse: 'true',
    blanks: [{ accepted: '' }],
    ignoreCase: true,
    ignoreWidth: true,
    ignoreSpaces: true,
    maxLength: 1000,
    maxFiles: 3,
    referenceAnswer: '',
    defaultPoints: 1,
    difficulty: null,
    tags: [],
    passageId: null,
    externalKey: '',
  };
}

/** A stored question as form values (fields of other types keep their defaults). */
export function formValuesOf(question: BankQuestion): QuestionFormValues {
  const values: QuestionFormValues = {
    ...emptyFormValues(),
    type: question.type,
    stem: question.content.stem,
    defaultPoints: question.defaultPoints,
    difficulty: question.difficulty,
    tags: question.tags,
    passageId: question.passageId,
    externalKey: question.externalKey ?? '',
  };
  const { content } = question;
  switch (content.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const correct = new Set(
        content.type === 'single_choice' ? [content.correct] : content.correct,
      );
      values.options = content.options.map((option) => ({
        text: option.text,
        isCorrect: correct.has(option.id),
      }));
      if (content.type === 'multiple_choice') values.scoring = content.scoring;
      break;
    }
    case 'true_false':
      values.trueFalse = content.correct ? 'true' : 'false';
      break;
    case 'fill_blank':
      values.blanks = content.blanks.map((blank) => ({ accepted: blank.accepted.join('; ') }));
      values.ignoreCase = content.matching.ignoreCase;
      values.ignoreWidth = content.matching.ignoreWidth;
      values.ignoreSpaces = content.matching.ignoreSpaces;
      break;
    case 'essay':
      values.maxLength = content.maxLength;
      values.referenceAnswer = content.referenceAnswer;
      break;
    case 'file':
      values.maxFiles = content.maxFiles;
      values.referenceAnswer = content.referenceAnswer;
      break;
  }
  return values;
}

function contentOf(values: QuestionFormValues): QuestionContent {
  const stem = values.stem.trim();
  const options = values.options.map((option, index) => ({
    id: optionLetter(index),
    text: option.text.trim(),
  }));
  const correct = options.filter((_option, index) => values.options[index]?.isCorrect);
  switch (values.type) {
    case 'single_choice':
      return { type: 'single_choice', stem, options, correct: correct[0]?.id ?? '' };
    case 'multiple_choice':
      return {
        type: 'multiple_choice',
        stem,
        options,
        correct: correct.map((option) => option.id),
        scoring: values.scoring,
      };
    case 'true_false':
      return { type: 'true_false', stem, correct: values.trueFalse === 'true' };
    case 'fill_blank':
      return {
        type: 'fill_blank',
        stem,
        blanks: values.blanks.map((blank) => ({ accepted: splitAccepted(blank.accepted) })),
        matching: {
          ignoreCase: values.ignoreCase,
          ignoreWidth: values.ignoreWidth,
          ignoreSpaces: values.ignoreSpaces,
        },
      };
    case 'essay':
      return {
        type: 'essay',
        stem,
        maxLength: values.maxLength,
        referenceAnswer: values.referenceAnswer,
      };
    case 'file':
      return {
        type: 'file',
        stem,
        maxFiles: values.maxFiles,
        referenceAnswer: values.referenceAnswer,
      };
  }
}

/** The request body of a create or an edit. */
export function inputOf(values: QuestionFormValues, collegeId: string | null): BankQuestionInput {
  const key = values.externalKey.trim();
  return {
    content: contentOf(values),
    tags: values.tags,
    difficulty: values.difficulty,
    defaultPoints: values.defaultPoints,
    collegeId,
    passageId: values.passageId,
    externalKey: key === '' ? null : key,
  };
}
