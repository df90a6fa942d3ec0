import { checkAnswer } from '../../shared/questions/answer-check.js';
import type { Answer } from '../../shared/questions/answer-schema.js';
import { staleSeqIssue } from '../../shared/written-exam-errors.js';
import { AppError } from '../errors/app-error.js';
import { answerAcceptance, type AttemptTiming } from './attempt-clock.js';
import type { AttemptRepo, AttemptRow } from './attempt-repo.js';
import type { AnswerStore } from './answer-store.js';

export interface AnswerSaveDeps {
  papers: Pick<AttemptRepo, 'paperQuestion'>;
  answers: AnswerStore;
  now: Date;
  graceSeconds: number;
}

/**
 * One autosave into an attempt, formal or mock (issue 14 §5, §7): the question must be on the
 * candidate's own paper and the answer fit it; taken while the attempt is open or, marked late,
 * within the grace; stored only when its seq is newer, acknowledged after the commit.
 */
export async function saveIntoAttempt(
  deps: AnswerSaveDeps,
  row: AttemptRow,
  timing: AttemptTiming,
  paperQuestionId: string,
  body: { answer: Answer; seq: number },
): Promise<{ seq: number; late: boolean }> {
  const placed = row.layout.questions.some((q) => q.paperQuestionId === paperQuestionId);
  const question = placed ? await deps.papers.paperQuestion(row.paperId, paperQuestionId) : null;
  if (!question) throw AppError.of('QUESTION_NOT_IN_ATTEMPT');
  const misfit = checkAnswer(question.content, body.answer);
  if (misfit) throw AppError.of(misfit);
  if (body.answer.type === 'file' && body.answer.fileIds.length > 0) {
    // Only this attempt's own photos of this question: never another candidate's or question's.
    const uploaded = await deps.answers.uploadedFileIds(row.id, paperQuestionId);
    if (body.answer.fileIds.some((id) => !uploaded.has(id))) {
      throw AppError.of('ANSWER_FILE_UNKNOWN');
    }
  }
  if (row.state !== 'in_progress') throw AppError.of('ATTEMPT_CLOSED');

  const acceptance = answerAcceptance(timing, deps.now, deps.graceSeconds);
  if (acceptance === 'ATTEMPT_CLOSED') throw AppError.of('ATTEMPT_CLOSED');
  const outcome = await deps.answers.save({
    attemptId: row.id,
    paperQuestionId,
    answer: body.answer,
    seq: body.seq,
    at: deps.now,
    isLate: acceptance === 'late',
  });
  if (outcome.status === 'closed') throw AppError.of('ATTEMPT_CLOSED');
  if (outcome.status === 'stale') {
    // The stored seq tells the page whether this was its own replay or another device's answer.
    throw AppError.withIssues('ANSWER_SEQ_STALE', [staleSeqIssue(outcome.storedSeq)]);
  }
  return { seq: outcome.seq, late: acceptance === 'late' };
}
