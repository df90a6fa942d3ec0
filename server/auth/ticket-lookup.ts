import { and, asc, eq } from 'drizzle-orm';
import type { LookedUpRegistration } from '../../shared/api/ticket-lookup.js';
import type { Database } from '../db/client.js';
import { appUser, exam, examSession, registration } from '../db/schema/index.js';
import { AppError } from '../errors/app-error.js';
import type { CaptchaService } from './captcha.js';
import type { UserRow } from './repo.js';
import type { AuthService, LoginResult, RequestMeta } from './service.js';

export interface TicketLookupInput {
  schoolSlug: string;
  name: string;
  idNumber: string;
  captchaId: string;
  captchaAnswer: string;
}

export interface TicketLookupResult extends LoginResult {
  registrations: LookedUpRegistration[];
}

/** Drizzle queries of the lookup: the candidate by name and ID number, and their registrations. */
export class TicketLookupRepo {
  constructor(private readonly db: Database) {}

  async findCandidate(
    schoolId: string,
    name: string,
    idNumber: string,
  ): Promise<UserRow | undefined> {
    const rows = await this.db
      .select()
      .from(appUser)
      .where(
        and(
          eq(appUser.schoolId, schoolId),
          eq(appUser.role, 'candidate'),
          eq(appUser.idNumber, idNumber),
          eq(appUser.name, name),
        ),
      )
      .limit(1);
    return rows[0];
  }

  async registrationsOf(userId: string): Promise<LookedUpRegistration[]> {
    const rows = await this.db
      .select({
        registrationId: registration.id,
        examName: exam.name,
        sessionName: examSession.name,
        startsAt: examSession.startsAt,
      })
      .from(registration)
      .innerJoin(exam, eq(exam.id, registration.examId))
      .innerJoin(examSession, eq(examSession.id, registration.sessionId))
      .where(eq(registration.userId, userId))
      .orderBy(asc(examSession.startsAt), asc(exam.name));
    return rows.map((row) => ({ ...row, startsAt: row.startsAt.toISOString() }));
  }
}

/**
 * 准考证查询 (docs/journeys.md J4): name, ID number and a picture code. The picture code is used up first,
 * so every guess costs a new one; a wrong name, a wrong ID number and a candidate without
 * registrations all answer TICKET_NOT_FOUND alike. A match logs the candidate in.
 */
export class TicketLookupService {
  constructor(
    private readonly repo: TicketLookupRepo,
    private readonly captchas: CaptchaService,
    private readonly auth: AuthService,
  ) {}

  /** A new picture code for the lookup page of an existing school. */
  async issueCaptcha(schoolSlug: string): Promise<{ captchaId: string; svg: string }> {
    await this.auth.requireSchool(schoolSlug);
    return this.captchas.issue();
  }

  async lookup(input: TicketLookupInput, meta: RequestMeta): Promise<TicketLookupResult> {
    await this.captchas.consume(input.captchaId, input.captchaAnswer);
    const school = await this.auth.requireSchool(input.schoolSlug);
    const candidate = await this.repo.findCandidate(school.id, input.name, input.idNumber);
    if (!candidate) throw AppError.of('TICKET_NOT_FOUND');
    const registrations = await this.repo.registrationsOf(candidate.id);
    if (registrations.length === 0) throw AppError.of('TICKET_NOT_FOUND');
    const login = await this.auth.loginVerifiedCandidate(candidate, 'ticket_lookup', meta);
    return { ...login, registrations };
  }
}
