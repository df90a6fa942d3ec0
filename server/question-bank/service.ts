import type { SessionUser } from '../../shared/api/auth.js';
import type {
  BankPassage,
  BankQuestion,
  bankPassageInputSchema,
  bankQuestionInputSchema,
  listBankQuestionsQuerySchema,
} from '../../shared/api/question-bank.js';
import { richFieldsOf } from '../../shared/questions/rich-text.js';
import type { z } from 'zod';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { AppError } from '../errors/app-error.js';
import { assertRichTexts } from '../question-content/content-check.js';
import type { QuestionImageService } from '../question-content/image-service.js';
import { assertInBank, bankCollegeFor, bankScopeOf, type BankScope } from './policy.js';
import { presentPassage, presentQuestion } from './presenter.js';
import type { QuestionBankRepo, QuestionValues } from './repo.js';

type QuestionInput = z.output<typeof bankQuestionInputSchema>;
type PassageInput = z.output<typeof bankPassageInputSchema>;
type ListQuery = z.output<typeof listBankQuestionsQuerySchema>;

/** The question bank's rules: who reaches which question, and what a question may point at. */
export class QuestionBankService {
  constructor(
    private readonly repo: QuestionBankRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly images: QuestionImageService,
  ) {}

  /** Questions in reach, newest first, with every tag in reach for the filter. */
  async list(user: SessionUser, query: ListQuery) {
    const scope = bankScopeOf(user);
    const [{ rows, total }, tags] = await Promise.all([
      this.repo.listQuestions(scope, query, query),
      this.repo.tagsOf(scope),
    ]);
    return { items: rows.map(presentQuestion), total, tags };
  }

  /** One question in reach; another school's or college's answers 404. */
  async get(user: SessionUser, id: string): Promise<BankQuestion> {
    const row = assertInBank(bankScopeOf(user), await this.repo.findQuestion(id), 'question');
    return presentQuestion(row);
  }

  /** Adds a question; its college and passage must be in the admin's reach. */
  async create(actor: Actor, input: QuestionInput): Promise<BankQuestion> {
    const scope = bankScopeOf(actor.user);
    const values = await this.valuesOf(scope, input);
    const id = await keyUnique(this.repo.insertQuestion(scope.schoolId, values, this.clock.now()));
    await this.record(actor, scope, 'question.created', id, values);
    return this.get(actor.user, id);
  }

  /** Replaces a question in reach; papers keep the copy they took, so any edit is allowed. */
  async update(actor: Actor, id: string, input: QuestionInput): Promise<BankQuestion> {
    const scope = bankScopeOf(actor.user);
    assertInBank(scope, await this.repo.findQuestion(id), 'question');
    const values = await this.valuesOf(scope, input);
    await keyUnique(this.repo.updateQuestion(id, values, this.clock.now()));
    await this.record(actor, scope, 'question.updated', id, values);
    return this.get(actor.user, id);
  }

  /** Deletes a question in reach; paper questions copied from it keep their content. */
  async remove(actor: Actor, id: string): Promise<void> {
    const scope = bankScopeOf(actor.user);
    const row = assertInBank(scope, await this.repo.findQuestion(id), 'question');
    await this.repo.deleteQuestion(id);
    await this.record(actor, scope, 'question.deleted', id, row);
  }

  async passages(user: SessionUser): Promise<{ items: BankPassage[] }> {
    const rows = await this.repo.listPassages(bankScopeOf(user));
    return { items: rows.map(presentPassage) };
  }

  async createPassage(actor: Actor, input: PassageInput): Promise<BankPassage> {
    const scope = bankScopeOf(actor.user);
    const values = { ...input, collegeId: await this.collegeOf(scope, input.collegeId) };
    await this.assertPassageText(scope, values.text);
    const now = this.clock.now();
    const id = await this.repo.insertPassage(scope.schoolId, values, now);
    await this.audit.recordBy(actor, {
      schoolId: scope.schoolId,
      action: 'passage.created',
      targetType: 'bank_passage',
      targetId: id,
      detail: JSON.stringify({ title: values.title }),
    });
    return presentPassage({ id, ...values, questionCount: 0, createdAt: now });
  }

  async updatePassage(actor: Actor, id: string, input: PassageInput): Promise<BankPassage> {
    const scope = bankScopeOf(actor.user);
    const row = assertInBank(scope, await this.repo.findPassage(id), 'passage');
    const values = { ...input, collegeId: await this.collegeOf(scope, input.collegeId) };
    await this.assertPassageText(scope, values.text);
    await this.repo.updatePassage(id, values);
    await this.audit.recordBy(actor, {
      schoolId: scope.schoolId,
      action: 'passage.updated',
      targetType: 'bank_passage',
      targetId: id,
      detail: JSON.stringify({ title: values.title }),
    });
    const questionCount = await this.repo.passageQuestionCount(id);
    return presentPassage({ ...row, ...values, questionCount });
  }

  private async collegeOf(scope: BankScope, requested: string | null): Promise<string | null> {
    const collegeId = bankCollegeFor(scope, requested);
    if (collegeId !== null && !(await this.repo.collegeOfSchool(scope.schoolId, collegeId))) {
      throw AppError.notFound('college');
    }
    return collegeId;
  }

  /** A passage's text holds formulas and pictures like a stem (FORMULA_INVALID, QUESTION_IMAGE_*). */
  private assertPassageText(scope: BankScope, text: string): Promise<void> {
    return assertRichTexts(this.images, scope, [{ path: 'text', text }]);
  }

  private async valuesOf(scope: BankScope, input: QuestionInput): Promise<QuestionValues> {
    const collegeId = await this.collegeOf(scope, input.collegeId);
    await assertRichTexts(this.images, scope, richFieldsOf(input.content));
    if (input.passageId !== null) {
      assertInBank(scope, await this.repo.findPassage(input.passageId), 'passage');
    }
    return {
      collegeId,
      type: input.content.type,
      content: input.content,
      passageId: input.passageId,
      tags: [...new Set(input.tags)],
      difficulty: input.difficulty,
      defaultPoints: input.defaultPoints,
      externalKey: input.externalKey,
    };
  }

  private record(
    actor: Actor,
    scope: BankScope,
    action: 'question.created' | 'question.updated' | 'question.deleted',
    id: string,
    values: { type: string; externalKey: string | null },
  ): Promise<void> {
    return this.audit.recordBy(actor, {
      schoolId: scope.schoolId,
      action,
      targetType: 'bank_question',
      targetId: id,
      detail: JSON.stringify({ type: values.type, key: values.externalKey }),
    });
  }
}

/** A 题号 held by another question of the school answers QUESTION_KEY_TAKEN. */
async function keyUnique<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.of('QUESTION_KEY_TAKEN');
    throw error;
  }
}
