import { z } from 'zod';
import {
  DEFAULT_MEDIA_BUDGET,
  mediaBudgetSchema,
  type MediaBudget,
} from '../../shared/api/media.js';

/**
 * `MEDIA_BUDGET`: the whole budget as JSON (the shape of DEFAULT_MEDIA_BUDGET in
 * shared/api/media.ts, docs/performance.md "Media budget"), for a school whose candidates have
 * better (or worse) links than a home uplink. Invalid JSON or caps stop the server at start.
 */
export const mediaBudgetEnvShape = {
  MEDIA_BUDGET: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(mediaBudgetSchema)
    .optional(),
};

/** The budget of the environment, or the defaults (server/env.ts already refused bad values). */
export function mediaBudgetFromEnv(env: { MEDIA_BUDGET?: MediaBudget | undefined }): MediaBudget {
  return env.MEDIA_BUDGET ?? DEFAULT_MEDIA_BUDGET;
}
