import type { FastifyInstance } from 'fastify';
import * as api from '../../shared/api/exams.js';
import type { Clock } from '../clock.js';
import { registerRoute } from '../plugins/http-routes.js';
import { presentMyRegistration } from '../admission-tickets/presenter.js';
import type { ExamsRepo } from './repo.js';
import { sessionStatusAt } from './session-status.js';

export function registerExamRoutes(app: FastifyInstance, repo: ExamsRepo, clock: Clock): void {
  registerRoute(app, api.listMyRegistrations, async ({ auth }) => {
    const now = clock.now();
    const rows = await repo.registrationsOfCandidate(auth.user.id);
    return {
      serverTime: now.toISOString(),
      items: rows.map((row) => presentMyRegistration(row, now)),
    };
  });

  registerRoute(app, api.listMyAssignments, async ({ auth }) => {
    const now = clock.now();
    const rows = await repo.assignmentsOfStaff(auth.user.id);
    const counts = await repo.candidateCounts(rows.map((row) => row.sessionId));
    return {
      serverTime: now.toISOString(),
      items: rows.map(({ rules, ...row }) => ({
        ...row,
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        status: sessionStatusAt(now, row, rules.preEntryMinutes),
        candidateCount: counts.get(row.sessionId) ?? 0,
      })),
    };
  });
}
