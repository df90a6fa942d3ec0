import type { AttemptView } from '../../shared/api/written-exam.js';
import { questionForCandidate } from '../../shared/questions/candidate-view.js';
import type { AttemptLayout } from '../db/schema/written-exams.js';
import { buildLayout } from './attempt-layout.js';
import type { PaperContent } from './attempt-repo.js';

/** What an attempt of `content` shows, drawn and shuffled from `seed` (attempt-layout.ts). */
export function layoutOfPaper(content: PaperContent, seed: number): AttemptLayout {
  return buildLayout(
    content.sections.map((section) => ({
      drawCount: section.drawCount,
      shuffleQuestions: section.shuffleQuestions,
      shuffleOptions: section.shuffleOptions,
      questions: section.questions.map((question) => ({
        id: question.id,
        optionIds: 'options' in question.content ? question.content.options.map((o) => o.id) : null,
      })),
    })),
    seed,
  );
}

/**
 * The attempt's sections as its candidate sees them: only the questions of its layout, in its
 * order and numbered so, with no answer key; a section none of whose questions were drawn is left
 * out. Formal and mock attempts show their papers alike.
 */
export function candidateSections(
  content: PaperContent,
  layout: AttemptLayout,
): AttemptView['sections'] {
  const placed = new Map(layout.questions.map((q, index) => [q.paperQuestionId, { ...q, index }]));
  return content.sections.flatMap((section) => {
    const questions = section.questions
      .flatMap((question) => {
        const place = placed.get(question.id);
        return place ? [{ question, place }] : [];
      })
      .sort((a, b) => a.place.index - b.place.index)
      .map(({ question, place }) => ({
        paperQuestionId: question.id,
        number: place.index + 1,
        points: question.points,
        question: questionForCandidate(question.content, place.optionOrder),
        passage: question.passageId ? (content.passages.get(question.passageId) ?? null) : null,
      }));
    return questions.length > 0
      ? [{ title: section.title, instructions: section.instructions, questions }]
      : [];
  });
}
