import { examRulesSchema } from '../../shared/api/exams.js';
import type { Database } from '../db/client.js';
import { appUser, exam, examSession, registration, school } from '../db/schema/index.js';
import { insertPaper } from './paper-writer.js';
import { SAMPLE_QUESTIONS } from './sample-questions.js';

// The autosave fault test's world, written into the database before the real server starts on
// it: a school, a written exam that is in progress without face check or second camera, its
// paper, and `count` candidates. Then an HTTP client per candidate, with its cookies and CSRF.

export const FAULT_SCHOOL = 'fault';
export const FAULT_EXAM = 'FAULT26';

export const admissionNumberOf = (index: number) =>
  `${FAULT_EXAM}${String(index + 1).padStart(3, '0')}`;

export async function writeFaultWorld(db: Database, count: number, now: Date): Promise<void> {
  const [row] = await db
    .insert(school)
    .values({ slug: FAULT_SCHOOL, name: '断电测试大学' })
    .returning({ id: school.id });
  if (!row) throw new Error('no school');
  const [written] = await db
    .insert(exam)
    .values({
      schoolId: row.id,
      code: FAULT_EXAM,
      name: '断电测试笔试',
      kind: 'written',
      rules: examRulesSchema.parse({
        faceCheckRequired: false,
        durationMinutes: 90,
        minMinutesBeforeSubmit: 0,
        inactivitySubmitMinutes: null,
      }),
    })
    .returning({ id: exam.id });
  if (!written) throw new Error('no exam');
  const [session] = await db
    .insert(examSession)
    .values({
      schoolId: row.id,
      examId: written.id,
      name: '断电测试考场',
      startsAt: new Date(now.getTime() - 60_000),
      endsAt: new Date(now.getTime() + 3 * 3600_000),
    })
    .returning({ id: examSession.id });
  if (!session) throw new Error('no session');
  await insertPaper(db, {
    schoolId: row.id,
    examId: written.id,
    kind: 'formal',
    version: 1,
    title: '断电测试卷',
    sections: [{ title: '一', instructions: '', questions: SAMPLE_QUESTIONS }],
  });
  for (let index = 0; index < count; index += 1) {
    const [user] = await db
      .insert(appUser)
      .values({ schoolId: row.id, role: 'candidate', name: `考生${String(index + 1)}` })
      .returning({ id: appUser.id });
    if (!user) throw new Error('no candidate');
    await db.insert(registration).values({
      schoolId: row.id,
      examId: written.id,
      sessionId: session.id,
      userId: user.id,
      admissionNumber: admissionNumberOf(index),
    });
  }
}

/** A browser's worth of HTTP: the login cookie and the CSRF header on every change. */
export class CandidateHttp {
  #cookies = new Map<string, string>();
  #csrf = '';

  constructor(private readonly base: string) {}

  /** The login cookie and, for a change, the CSRF header: what a browser sends. */
  headers(method: string): Record<string, string> {
    const headers: Record<string, string> = {
      cookie: [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    };
    if (method !== 'GET') headers['x-csrf-token'] = this.#csrf;
    return headers;
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers = this.headers(method);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      this.#cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }

  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${String(response.status)} ${text}`);
    return JSON.parse(text) as T;
  }

  async logIn(admissionNumber: string): Promise<void> {
    this.#csrf = (await this.ok<{ token: string }>('GET', '/api/auth/csrf')).token;
    await this.ok('POST', '/api/auth/login/admission', {
      schoolSlug: FAULT_SCHOOL,
      examCode: FAULT_EXAM,
      admissionNumber,
    });
    this.#csrf = (await this.ok<{ token: string }>('GET', '/api/auth/csrf')).token;
  }
}
