import type { FastifyInstance } from 'fastify';
import * as api from '../../shared/api/system.js';
import type { ConsoleSmsSender } from '../auth/sms/console-sender.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { registerRoute } from '../plugins/http-routes.js';
import { readinessOf, renderMetrics, type StatusDeps } from './status.js';

export const METRICS_PATH = '/metrics';

export function registerSystemRoutes(
  app: FastifyInstance,
  status: StatusDeps,
  clock: Clock,
  demoOutbox: ConsoleSmsSender | null,
): void {
  registerRoute(app, api.getHealth, () =>
    Promise.resolve({ status: 'ok' as const, serverTime: clock.now().toISOString() }),
  );

  registerRoute(app, api.getReady, async () => {
    const readiness = await readinessOf(status);
    if (!readiness) {
      app.log.warn('database not ready');
      throw AppError.of('UNAVAILABLE');
    }
    return readiness;
  });

  registerRoute(app, api.getDevOutbox, () => {
    if (!demoOutbox) throw AppError.notFound('outbox');
    return Promise.resolve({
      items: demoOutbox.recent().map((entry) => ({
        phone: entry.phone,
        text: entry.text,
        sentAt: entry.sentAt.toISOString(),
      })),
    });
  });
}

/**
 * Prometheus metrics at `/metrics` (outside `/api`: no session, no CSRF cookie) and the response
 * counter behind them. Not behind a login, like `/api/ready`: deployments keep it off the public
 * side of the proxy (docs/ARCHITECTURE.md, Operations). Register it before the routes it counts.
 */
export function registerMetrics(app: FastifyInstance, status: StatusDeps): void {
  app.addHook('onResponse', (_request, reply, done) => {
    status.health.countResponse(reply.statusCode);
    done();
  });
  app.get(
    METRICS_PATH,
    { schema: { summary: 'Prometheus metrics of this node (text format)', tags: ['system'] } },
    async (_request, reply) =>
      reply
        .type('text/plain; version=0.0.4; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(await renderMetrics(status)),
  );
}
