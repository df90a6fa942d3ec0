import { describe, expect, it } from 'vitest';
import { MAX_SECTION_QUESTIONS } from '../../../../shared/api/papers.js';
import {
  addQuestions,
  draftFromPaper,
  draftProblems,
  hasUnsavedChanges,
  moveItem,
  sectionPoints,
  toPaperBody,
  totalPoints,
} from './paper-draft.js';
import { bank, bankId, formalPaper } from './papers-fixtures.test-support.js';

describe('paper-draft', () => {
  it('adds bank questions once each, at their default points, within the section limit', () => {
    const [first, , third] = bank;
    if (!first || !third) throw new Error('no bank');
    const draft = draftFromPaper(formalPaper(), '新大题');
    const result = addQuestions(draft, 0, [...bank, third]);
    // The two vocabulary questions are on the paper already; the third comes once.
    expect(result.added).toBe(1);
    expect(result.skipped).toBe(3);
    expect(result.draft.sections[0]?.questions.map((q) => [q.bankQuestionId, q.points])).toEqual([
      [bankId(1), 2],
      [bankId(2), 2],
      [bankId(5), 1],
    ]);

    const full = draftFromPaper(null, '新大题');
    const many = Array.from({ length: MAX_SECTION_QUESTIONS + 1 }, (_, i) => ({
      ...first,
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    }));
    expect(addQuestions(full, 0, many)).toMatchObject({ added: MAX_SECTION_QUESTIONS, skipped: 1 });
  });

  it('counts a drawing section by its drawn questions, as the server does', () => {
    const draft = draftFromPaper(formalPaper(), '新大题');
    const [vocabulary] = draft.sections;
    if (!vocabulary) throw new Error('no section');
    expect(sectionPoints({ ...vocabulary, drawCount: 1 })).toBe(2);
    expect(sectionPoints({ ...vocabulary, drawCount: 2 })).toBe(4);
    expect(totalPoints(draft)).toBe(21);
  });

  it('names what the server would refuse, by section', () => {
    const draft = draftFromPaper(formalPaper(), '新大题');
    const [vocabulary, reading, writing] = draft.sections;
    if (!vocabulary || !reading || !writing) throw new Error('no sections');
    const broken = {
      ...draft,
      title: ' ',
      passMark: 100,
      sections: [
        {
          ...vocabulary,
          drawCount: 3,
          questions: vocabulary.questions.map((q, i) => ({ ...q, points: i === 0 ? 2 : 2.3 })),
        },
        { ...reading, questions: reading.questions.map((q) => ({ ...q, bankQuestionId: null })) },
        { ...writing, title: '', questions: [] },
      ],
    };
    expect(draftProblems(broken)).toEqual([
      { kind: 'noTitle' },
      { kind: 'drawOverPool', section: 1 },
      { kind: 'drawPointsUnequal', section: 1 },
      { kind: 'pointsNotHalfStep', section: 1 },
      { kind: 'questionGone', section: 2 },
      { kind: 'sectionNoTitle', section: 3 },
      { kind: 'sectionEmpty', section: 3 },
      { kind: 'passMarkOverTotal' },
    ]);
    expect(draftProblems(draft)).toEqual([]);
  });

  it('moves an item by one place and sends the order as shown', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    const draft = draftFromPaper(formalPaper(), '新大题');
    const body = toPaperBody(draft, 1);
    expect(body.baseVersion).toBe(1);
    expect(body.sections[0]?.questions).toEqual([
      { bankQuestionId: bankId(1), points: 2 },
      { bankQuestionId: bankId(2), points: 2 },
    ]);
  });

  it('has unsaved changes while what a save sends differs from the saved paper', () => {
    const saved = draftFromPaper(formalPaper(), '新大题');
    const [vocabulary, ...rest] = saved.sections;
    if (!vocabulary) throw new Error('no section');
    // A fresh copy of the same paper (new section keys) is not a change.
    expect(hasUnsavedChanges(saved, draftFromPaper(formalPaper(), '新大题'))).toBe(false);
    expect(hasUnsavedChanges(saved, { ...saved, title: '另一张试卷' })).toBe(true);
    expect(hasUnsavedChanges(saved, { ...saved, passMark: null })).toBe(true);
    // Trailing spaces are trimmed by the save: nothing to lose.
    expect(hasUnsavedChanges(saved, { ...saved, title: `${saved.title}  ` })).toBe(false);
    const withSection = (section: typeof vocabulary) => ({
      ...saved,
      sections: [section, ...rest],
    });
    expect(hasUnsavedChanges(saved, withSection({ ...vocabulary, shuffleQuestions: true }))).toBe(
      true,
    );
    const [first, second] = vocabulary.questions;
    if (!first || !second) throw new Error('no questions');
    const reordered = withSection({ ...vocabulary, questions: [second, first] });
    expect(hasUnsavedChanges(saved, reordered)).toBe(true);
    const repointed = withSection({ ...vocabulary, questions: [first, { ...second, points: 3 }] });
    expect(hasUnsavedChanges(saved, repointed)).toBe(true);
    // Moved away and back by hand: the paper a save would send is the saved one.
    expect(
      hasUnsavedChanges(saved, withSection({ ...vocabulary, questions: [first, second] })),
    ).toBe(false);
    expect(hasUnsavedChanges(saved, { ...saved, sections: rest })).toBe(true);
  });
});
