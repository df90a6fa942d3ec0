import {
  MAX_SECTION_QUESTIONS,
  type AdminPaper,
  type PaperBody,
} from '../../../../shared/api/papers.js';
import type { BankQuestion } from '../../../../shared/api/question-bank.js';
import type { QuestionContent } from '../../../../shared/questions/question-schema.js';

// The paper as the editor holds it between loading and saving: plain data, changed by the pure
// functions below, sent as `PaperBody`. Points and the draw rule mirror server/papers/service.ts.

export interface DraftPassage {
  id: string;
  title: string;
  /** Known for a loaded paper's question; a question just taken from the bank names only its title. */
  text: string | null;
}

export interface DraftQuestion {
  /** Unique on the paper: the bank question's id, or the paper question's once the bank lost it. */
  key: string;
  /** null when the question was deleted from the bank: the paper cannot be saved with it. */
  bankQuestionId: string | null;
  points: number;
  content: QuestionContent;
  passage: DraftPassage | null;
}

export interface DraftSection {
  /** Stable while editing (React keys, focus), never sent. */
  key: string;
  title: string;
  instructions: string;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  /** 随机抽题: each candidate gets this many of the section's questions; null: all of them. */
  drawCount: number | null;
  questions: DraftQuestion[];
}

export interface PaperDraft {
  title: string;
  passMark: number | null;
  sections: DraftSection[];
}

let lastSectionKey = 0;
const nextSectionKey = () => `section-${String((lastSectionKey += 1))}`;

export function emptySection(title: string): DraftSection {
  return {
    key: nextSectionKey(),
    title,
    instructions: '',
    shuffleQuestions: false,
    shuffleOptions: false,
    drawCount: null,
    questions: [],
  };
}

/** The editor's copy of the saved paper, or a new paper with one empty section. */
export function draftFromPaper(paper: AdminPaper | null, firstSectionTitle: string): PaperDraft {
  if (!paper) return { title: '', passMark: null, sections: [emptySection(firstSectionTitle)] };
  return {
    title: paper.title,
    passMark: paper.passMark,
    sections: paper.sections.map((section) => ({
      key: nextSectionKey(),
      title: section.title,
      instructions: section.instructions,
      shuffleQuestions: section.shuffleQuestions,
      shuffleOptions: section.shuffleOptions,
      drawCount: section.drawCount,
      questions: section.questions.map((question) => ({
        key: question.bankQuestionId ?? question.paperQuestionId,
        bankQuestionId: question.bankQuestionId,
        points: question.points,
        content: question.content,
        passage: question.passage,
      })),
    })),
  };
}

/**
 * Why saving makes the paper's next version instead of replacing it (as the server decides,
 * server/papers/repo.ts): 'frozen' once formal attempts sit it, 'practised' once candidates
 * practised on the mock paper (never frozen); null while no attempt sat it. Either way those
 * attempts keep the version they sat.
 */
export function nextVersionReason(saved: AdminPaper | null): 'frozen' | 'practised' | null {
  if (!saved) return null;
  if (saved.frozenAt !== null) return 'frozen';
  return saved.attemptCount > 0 ? 'practised' : null;
}

/** A bank question as it joins a section, at its default points. */
export function questionFromBank(question: BankQuestion): DraftQuestion {
  return {
    key: question.id,
    bankQuestionId: question.id,
    points: question.defaultPoints,
    content: question.content,
    passage:
      question.passageId && question.passageTitle
        ? { id: question.passageId, title: question.passageTitle, text: null }
        : null,
  };
}

/** The list with the item at `index` moved by `delta` places (unchanged at either end). */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const moved = items[index];
  if (moved === undefined || target < 0 || target >= items.length) return [...items];
  const rest = items.filter((_, i) => i !== index);
  rest.splice(target, 0, moved);
  return rest;
}

/** Where each bank question of the draft is: its id → the section's index. */
export function placesOnPaper(draft: PaperDraft): Map<string, number> {
  const places = new Map<string, number>();
  draft.sections.forEach((section, index) => {
    for (const question of section.questions) {
      if (question.bankQuestionId) places.set(question.bankQuestionId, index);
    }
  });
  return places;
}

/** Adds bank questions to a section, skipping those already on the paper and those over the limit. */
export function addQuestions(
  draft: PaperDraft,
  sectionIndex: number,
  questions: readonly BankQuestion[],
): { draft: PaperDraft; added: number; skipped: number } {
  const places = placesOnPaper(draft);
  const section = draft.sections[sectionIndex];
  if (!section) return { draft, added: 0, skipped: questions.length };
  const room = MAX_SECTION_QUESTIONS - section.questions.length;
  const fresh = questions.filter((question, index) => {
    const isFirst = questions.findIndex((other) => other.id === question.id) === index;
    return isFirst && !places.has(question.id);
  });
  const taken = fresh.slice(0, Math.max(room, 0)).map(questionFromBank);
  const sections = draft.sections.map((s, i) =>
    i === sectionIndex ? { ...s, questions: [...s.questions, ...taken] } : s,
  );
  return {
    draft: { ...draft, sections },
    added: taken.length,
    skipped: questions.length - taken.length,
  };
}

/** Whether a section draws fewer than all of its questions for each candidate. */
export function isDrawing(section: DraftSection): boolean {
  return section.drawCount !== null && section.drawCount < section.questions.length;
}

/** What a section is worth on each candidate's paper (a drawing section: its drawn questions). */
export function sectionPoints(section: DraftSection): number {
  if (isDrawing(section) && section.drawCount !== null) {
    return (section.questions[0]?.points ?? 0) * section.drawCount;
  }
  return section.questions.reduce((sum, question) => sum + question.points, 0);
}

export function totalPoints(draft: PaperDraft): number {
  return draft.sections.reduce((sum, section) => sum + sectionPoints(section), 0);
}

export function hasUnequalPoints(section: DraftSection): boolean {
  return new Set(section.questions.map((question) => question.points)).size > 1;
}

const isHalfStep = (value: number) => Number.isInteger(value * 2);

/** Why the draft cannot be saved yet, each naming its section (1-based) when it has one. */
export type DraftProblem =
  | { kind: 'noTitle' }
  | { kind: 'noSections' }
  | { kind: 'sectionNoTitle'; section: number }
  | { kind: 'sectionEmpty'; section: number }
  | { kind: 'drawOverPool'; section: number }
  | { kind: 'drawPointsUnequal'; section: number }
  | { kind: 'pointsNotHalfStep'; section: number }
  | { kind: 'questionGone'; section: number }
  | { kind: 'passMarkOverTotal' };

/** What the server would refuse, found before sending, so the admin sees it beside the save. */
export function draftProblems(draft: PaperDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.title.trim() === '') problems.push({ kind: 'noTitle' });
  if (draft.sections.length === 0) problems.push({ kind: 'noSections' });
  draft.sections.forEach((s, index) => {
    const section = index + 1;
    if (s.title.trim() === '') problems.push({ kind: 'sectionNoTitle', section });
    if (s.questions.length === 0) problems.push({ kind: 'sectionEmpty', section });
    if (s.drawCount !== null && s.drawCount > s.questions.length && s.questions.length > 0) {
      problems.push({ kind: 'drawOverPool', section });
    }
    if (s.drawCount !== null && hasUnequalPoints(s)) {
      problems.push({ kind: 'drawPointsUnequal', section });
    }
    if (s.questions.some((question) => !isHalfStep(question.points))) {
      problems.push({ kind: 'pointsNotHalfStep', section });
    }
    if (s.questions.some((question) => question.bankQuestionId === null)) {
      problems.push({ kind: 'questionGone', section });
    }
  });
  if (draft.passMark !== null && draft.passMark > totalPoints(draft)) {
    problems.push({ kind: 'passMarkOverTotal' });
  }
  return problems;
}

/** The PUT body; only call it for a draft without problems (every question still in the bank). */
export function toPaperBody(draft: PaperDraft, baseVersion: number | null): PaperBody {
  return {
    title: draft.title.trim(),
    passMark: draft.passMark,
    baseVersion,
    sections: draft.sections.map((section) => ({
      title: section.title.trim(),
      instructions: section.instructions.trim(),
      shuffleQuestions: section.shuffleQuestions,
      shuffleOptions: section.shuffleOptions,
      drawCount: section.drawCount,
      questions: section.questions.flatMap((question) =>
        question.bankQuestionId
          ? [{ bankQuestionId: question.bankQuestionId, points: question.points }]
          : [],
      ),
    })),
  };
}

/**
 * What of a draft a save sends, as one comparable value (trimmed texts, question ids, points),
 * with each question's key so a question no longer in the bank counts too.
 */
function savedShape(draft: PaperDraft): string {
  const keys = draft.sections.map((section) => section.questions.map((question) => question.key));
  return JSON.stringify([toPaperBody(draft, null), keys]);
}

/**
 * Whether the draft differs from the paper as last loaded or saved (`saved`): what 未保存 shows
 * and what asks before leaving. Only what a save would change counts, so an edit undone by hand,
 * or a space typed after a title, is not an unsaved change.
 */
export function hasUnsavedChanges(saved: PaperDraft, draft: PaperDraft): boolean {
  return savedShape(saved) !== savedShape(draft);
}
