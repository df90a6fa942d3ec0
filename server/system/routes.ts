import type { FastifyInstance } from 'fastify';
import * as api from '../../shared/api/system.js';
import type { ConsoleSmsSender } from '../auth/sms/console-sender.js';
import type { Clock } from '../clock.js';
import type { DatabaseHandle } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { registerRoute } from '../plugins/http-routes.js';

export function registerSystemRoutes(
  app: FastifyInstance,
  database: DatabaseHandle,
  clock: Clock,
  demoOutbox: ConsoleSmsSender | null,
): void {
  registerRoute(app, api.getHealth, () =>
    Promise.resolve({ status: 'ok' as const, serverTime: clock.now().toISOString() }),
  );

  registerRoute(app, api.getReady, async () => {
    try {
      await database.ping();
    } catch (error) {
      app.log.warn({ err: error }, 'database not ready');
      throw AppError.of('UNAVAILABLE');
    }
    return { status: 'ready' as const, database: database.engine };
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
