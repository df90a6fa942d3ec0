import type { BankPassage, BankQuestion } from '../../shared/api/question-bank.js';
import type { QuestionRow } from './repo.js';

/** A bank question as admins see it: the content with its answer key. */
export function presentQuestion(row: QuestionRow): BankQuestion {
  return {
    id: row.id,
    type: row.type,
    content: row.content,
    collegeId: row.collegeId,
    passageId: row.passageId,
    passageTitle: row.passageTitle,
    tags: row.tags,
    difficulty: row.difficulty,
    defaultPoints: row.defaultPoints,
    externalKey: row.externalKey,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentPassage(row: {
  id: string;
  title: string;
  text: string;
  collegeId: string | null;
  questionCount: number;
  createdAt: Date;
}): BankPassage {
  return {
    id: row.id,
    title: row.title,
    text: row.text,
    collegeId: row.collegeId,
    questionCount: row.questionCount,
    createdAt: row.createdAt.toISOString(),
  };
}
