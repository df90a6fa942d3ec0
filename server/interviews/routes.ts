import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as contracts from '../../shared/api/interviews.js';
import type { Actor } from '../audit/audit-log.js';
import type { AuthContext } from '../auth/auth-context.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { InterviewRuntime } from './runtime.js';

/** The waiting room (candidate: enter, ticket, accept) and its staff commands and queue. */
export function registerInterviewRoutes(
  app: FastifyInstance,
  { service, queue }: InterviewRuntime,
): void {
  const actor = ({ auth, request }: { auth: AuthContext; request: FastifyRequest }): Actor => ({
    user: auth.user,
    ip: request.ip,
  });

  registerRoute(app, contracts.enterWaitingRoom, (context) =>
    service.enter(actor(context), context.params.registrationId),
  );
  registerRoute(app, contracts.getMyTicket, ({ auth, params }) =>
    service.myTicket(auth.user, params.registrationId),
  );
  registerRoute(app, contracts.acceptInvitation, (context) =>
    service.accept(actor(context), context.params.registrationId),
  );

  registerRoute(app, contracts.getSessionQueue, ({ auth, params }) =>
    queue.queue(auth.user, params.sessionId),
  );
  registerRoute(app, contracts.callCandidate, (context) =>
    service.call(actor(context), context.params.sessionId, context.params.registrationId),
  );
  registerRoute(app, contracts.endCall, (context) =>
    service.endCall(actor(context), context.params.sessionId, context.params.registrationId),
  );
  registerRoute(app, contracts.markReadiness, (context) =>
    service.mark(
      actor(context),
      context.params.sessionId,
      context.params.registrationId,
      context.body,
    ),
  );
  registerRoute(app, contracts.inviteCandidate, (context) =>
    service.invite(actor(context), context.params.sessionId, context.params.registrationId),
  );
  registerRoute(app, contracts.cancelInvitation, (context) =>
    service.cancelInvitation(
      actor(context),
      context.params.sessionId,
      context.params.registrationId,
    ),
  );
  registerRoute(app, contracts.endInterview, (context) =>
    service.endInterview(actor(context), context.params.sessionId, context.params.registrationId),
  );
}
