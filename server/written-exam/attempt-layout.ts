import type { AttemptLayout } from '../db/schema/written-exams.js';

/** A section as the layout needs it: its questions in paper order, and what to draw or shuffle. */
export interface LayoutSection {
  drawCount: number | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  questions: { id: string; optionIds: string[] | null }[];
}

/** mulberry32: a small, fast PRNG; the same seed gives the same order on every node and day. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with `random`; returns a new array. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * What one candidate's attempt shows, in order (issue 14 §2): sections in paper order; in each,
 * `drawCount` questions drawn from its pool (all when null), shuffled where the section says,
 * options shuffled where it says. Drawn once at the start from the attempt's seed and stored, so
 * a reload, another device or a review shows the same paper.
 */
export function buildLayout(sections: readonly LayoutSection[], seed: number): AttemptLayout {
  const random = seededRandom(seed);
  const questions: AttemptLayout['questions'] = [];
  for (const section of sections) {
    let chosen = section.questions;
    if (section.drawCount !== null && section.drawCount < chosen.length) {
      // The drawn ones keep their paper order unless the section also shuffles.
      const drawn = new Set(shuffled(chosen, random).slice(0, section.drawCount));
      chosen = chosen.filter((question) => drawn.has(question));
    }
    if (section.shuffleQuestions) chosen = shuffled(chosen, random);
    for (const question of chosen) {
      questions.push({
        paperQuestionId: question.id,
        optionOrder:
          question.optionIds && section.shuffleOptions
            ? shuffled(question.optionIds, random)
            : question.optionIds,
      });
    }
  }
  return { questions };
}
