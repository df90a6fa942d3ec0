import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { QuestionContent, QuestionType } from '../../shared/questions/question-schema.js';
import type { Database } from '../db/client.js';
import { bankPassage, bankQuestion, college } from '../db/schema/index.js';
import type { BankScope } from './policy.js';

/** LIKE text with the caller's own wildcards taken literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export interface QuestionFilter {
  type?: QuestionType | undefined;
  tag?: string | undefined;
  difficulty?: number | undefined;
  q?: string | undefined;
}

/** What a question row holds besides its id, school and times. */
export interface QuestionValues {
  collegeId: string | null;
  type: QuestionType;
  content: QuestionContent;
  passageId: string | null;
  tags: string[];
  difficulty: number | null;
  defaultPoints: number;
  externalKey: string | null;
}

const questionColumns = {
  id: bankQuestion.id,
  schoolId: bankQuestion.schoolId,
  collegeId: bankQuestion.collegeId,
  type: bankQuestion.type,
  content: bankQuestion.content,
  passageId: bankQuestion.passageId,
  passageTitle: bankPassage.title,
  tags: bankQuestion.tags,
  difficulty: bankQuestion.difficulty,
  defaultPoints: bankQuestion.defaultPoints,
  externalKey: bankQuestion.externalKey,
  createdAt: bankQuestion.createdAt,
  updatedAt: bankQuestion.updatedAt,
};
export interface QuestionRow extends QuestionValues {
  id: string;
  schoolId: string;
  passageTitle: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function inScope(scope: BankScope, table: typeof bankQuestion | typeof bankPassage): SQL {
  const school = eq(table.schoolId, scope.schoolId);
  const within = scope.collegeId === null ? undefined : eq(table.collegeId, scope.collegeId);
  return and(school, within) ?? school;
}

/** The question bank's SQL: questions and passages, always within one school. */
export class QuestionBankRepo {
  constructor(private readonly db: Database) {}

  async listQuestions(
    scope: BankScope,
    filter: QuestionFilter,
    paging: { page: number; pageSize: number },
  ): Promise<{ rows: QuestionRow[]; total: number }> {
    const text = filter.q ? `%${escapeLike(filter.q)}%` : undefined;
    const where = and(
      inScope(scope, bankQuestion),
      filter.type ? eq(bankQuestion.type, filter.type) : undefined,
      filter.tag ? sql`${bankQuestion.tags} @> array[${filter.tag}]::text[]` : undefined,
      filter.difficulty ? eq(bankQuestion.difficulty, filter.difficulty) : undefined,
      text
        ? or(
            ilike(sql`${bankQuestion.content}->>'stem'`, text),
            ilike(bankQuestion.externalKey, text),
            sql`exists (select 1 from unnest(${bankQuestion.tags}) as t(tag) where t.tag ilike ${text})`,
          )
        : undefined,
    );
    const [rows, totals] = await Promise.all([
      this.db
        .select(questionColumns)
        .from(bankQuestion)
        .leftJoin(bankPassage, eq(bankPassage.id, bankQuestion.passageId))
        .where(where)
        .orderBy(desc(bankQuestion.createdAt), asc(bankQuestion.externalKey), asc(bankQuestion.id))
        .limit(paging.pageSize)
        .offset((paging.page - 1) * paging.pageSize),
      this.db.select({ total: count() }).from(bankQuestion).where(where),
    ]);
    return { rows, total: totals[0]?.total ?? 0 };
  }

  /** Every question in reach matching the filter, in 题号 order (the export). */
  async allQuestions(scope: BankScope, filter: QuestionFilter): Promise<QuestionRow[]> {
    const { rows } = await this.listQuestions(scope, filter, { page: 1, pageSize: 1_000_000 });
    return rows.sort((a, b) => (a.externalKey ?? '').localeCompare(b.externalKey ?? ''));
  }

  async tagsOf(scope: BankScope): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ tag: sql<string>`unnest(${bankQuestion.tags})` })
      .from(bankQuestion)
      .where(inScope(scope, bankQuestion));
    return rows.map((row) => row.tag).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  }

  async findQuestion(id: string): Promise<QuestionRow | null> {
    const [row] = await this.db
      .select(questionColumns)
      .from(bankQuestion)
      .leftJoin(bankPassage, eq(bankPassage.id, bankQuestion.passageId))
      .where(eq(bankQuestion.id, id));
    return row ?? null;
  }

  async insertQuestion(schoolId: string, values: QuestionValues, now: Date): Promise<string> {
    const [row] = await this.db
      .insert(bankQuestion)
      .values({ schoolId, ...values, createdAt: now, updatedAt: now })
      .returning({ id: bankQuestion.id });
    if (!row) throw new Error('insert returned no row');
    return row.id;
  }

  async updateQuestion(id: string, values: QuestionValues, now: Date): Promise<void> {
    await this.db
      .update(bankQuestion)
      .set({ ...values, updatedAt: now })
      .where(eq(bankQuestion.id, id));
  }

  async deleteQuestion(id: string): Promise<void> {
    await this.db.delete(bankQuestion).where(eq(bankQuestion.id, id));
  }

  /** The school's questions holding these 题号, whatever their college. */
  async questionsByKeys(schoolId: string, keys: string[]): Promise<QuestionRow[]> {
    if (keys.length === 0) return [];
    return this.db
      .select(questionColumns)
      .from(bankQuestion)
      .leftJoin(bankPassage, eq(bankPassage.id, bankQuestion.passageId))
      .where(and(eq(bankQuestion.schoolId, schoolId), inArray(bankQuestion.externalKey, keys)));
  }

  async questionsByIds(ids: string[]): Promise<QuestionRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .select(questionColumns)
      .from(bankQuestion)
      .leftJoin(bankPassage, eq(bankPassage.id, bankQuestion.passageId))
      .where(inArray(bankQuestion.id, ids));
  }

  /**
   * Saves an import in one transaction: the passages first, then the questions, whose passage
   * ids `questionsFor` resolves from the titles (new passages' ids included).
   */
  async saveImport(
    scope: { schoolId: string; collegeId: string | null },
    passages: {
      inserts: { title: string; text: string }[];
      updates: { id: string; text: string }[];
    },
    questionsFor: (passageIds: Map<string, string>) => {
      inserts: QuestionValues[];
      updates: { id: string; values: QuestionValues }[];
    },
    now: Date,
  ): Promise<void> {
    const { schoolId } = scope;
    await this.db.transaction(async (tx) => {
      const passageIds = new Map<string, string>();
      if (passages.inserts.length > 0) {
        const rows = await tx
          .insert(bankPassage)
          .values(
            passages.inserts.map((passage) => ({
              schoolId,
              collegeId: scope.collegeId,
              ...passage,
              createdAt: now,
            })),
          )
          .returning({ id: bankPassage.id, title: bankPassage.title });
        for (const row of rows) passageIds.set(row.title, row.id);
      }
      for (const passage of passages.updates) {
        await tx
          .update(bankPassage)
          .set({ text: passage.text })
          .where(eq(bankPassage.id, passage.id));
      }
      const changes = questionsFor(passageIds);
      if (changes.inserts.length > 0) {
        await tx.insert(bankQuestion).values(
          changes.inserts.map((values) => ({
            schoolId,
            ...values,
            createdAt: now,
            updatedAt: now,
          })),
        );
      }
      for (const { id, values } of changes.updates) {
        await tx
          .update(bankQuestion)
          .set({ ...values, updatedAt: now })
          .where(eq(bankQuestion.id, id));
      }
    });
  }

  async listPassages(scope: BankScope) {
    return this.db
      .select({
        id: bankPassage.id,
        schoolId: bankPassage.schoolId,
        collegeId: bankPassage.collegeId,
        title: bankPassage.title,
        text: bankPassage.text,
        createdAt: bankPassage.createdAt,
        questionCount: sql<number>`(select count(*)::int from "bank_question" q where q."passage_id" = "bank_passage"."id")`,
      })
      .from(bankPassage)
      .where(inScope(scope, bankPassage))
      .orderBy(asc(bankPassage.title), asc(bankPassage.id));
  }

  async findPassage(id: string) {
    const [row] = await this.db.select().from(bankPassage).where(eq(bankPassage.id, id));
    return row ?? null;
  }

  async insertPassage(
    schoolId: string,
    values: { collegeId: string | null; title: string; text: string },
    now: Date,
  ): Promise<string> {
    const [row] = await this.db
      .insert(bankPassage)
      .values({ schoolId, ...values, createdAt: now })
      .returning({ id: bankPassage.id });
    if (!row) throw new Error('insert returned no row');
    return row.id;
  }

  async updatePassage(
    id: string,
    values: { collegeId: string | null; title: string; text: string },
  ): Promise<void> {
    await this.db.update(bankPassage).set(values).where(eq(bankPassage.id, id));
  }

  async passageQuestionCount(id: string): Promise<number> {
    const [row] = await this.db
      .select({ total: count() })
      .from(bankQuestion)
      .where(eq(bankQuestion.passageId, id));
    return row?.total ?? 0;
  }

  /** Whether a college of this school exists (a question or passage may name it). */
  async collegeOfSchool(schoolId: string, collegeId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: college.id })
      .from(college)
      .where(and(eq(college.id, collegeId), eq(college.schoolId, schoolId)));
    return row !== undefined;
  }

  /** Passages in reach whose title is one of these, for the import's 阅读材料 column. */
  async passagesByTitle(scope: BankScope, titles: string[]) {
    if (titles.length === 0) return [];
    return this.db
      .select({ id: bankPassage.id, title: bankPassage.title, text: bankPassage.text })
      .from(bankPassage)
      .where(
        and(
          eq(bankPassage.schoolId, scope.schoolId),
          scope.collegeId === null ? undefined : eq(bankPassage.collegeId, scope.collegeId),
          inArray(bankPassage.title, titles),
        ),
      );
  }
}
