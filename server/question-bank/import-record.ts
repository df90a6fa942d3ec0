import type { QuestionImportWarning, QuestionRowError } from '../../shared/api/question-import.js';
import type { QuestionContent } from '../../shared/questions/question-schema.js';

/** A question of an import file that passed every rule of its own, ready to match and save. */
export interface ImportRecord {
  /** The row (XLSX), first line (GIFT) or paragraph of its 【题型】 mark (Word) it came from. */
  line: number;
  /** The 题号; null: none given, so the import adds it. */
  externalKey: string | null;
  /** Set when the key cell named a question by id (`id:…`, what the export writes). */
  questionId: string | null;
  content: QuestionContent;
  tags: string[];
  difficulty: number | null;
  defaultPoints: number;
  /** The 阅读材料 title it belongs to. */
  passageTitle: string | null;
}

/** A passage of the 阅读材料 sheet. */
export interface ImportPassage {
  line: number;
  title: string;
  text: string;
}

/** What a file holds after its own checks, before the bank is asked anything. */
export interface ParsedImport {
  format: 'xlsx' | 'gift' | 'docx';
  /** Questions in the file, valid or not. */
  totalRows: number;
  records: ImportRecord[];
  passages: ImportPassage[];
  errors: QuestionRowError[];
  /** Word: what was left out of otherwise readable questions. */
  warnings?: QuestionImportWarning[];
}
