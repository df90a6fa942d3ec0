import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import * as contracts from '../../shared/api/check-in.js';
import { idSchema } from '../../shared/api/common.js';
import type { Role } from '../../shared/enums.js';
import { AppError } from '../errors/app-error.js';
import { sendDocument } from '../documents/download.js';
import { registerRoute } from '../plugins/http-routes.js';
import { registerUploadRoute } from '../plugins/uploads.js';
import { SessionRosterRepo } from '../roster/repo.js';
import type { RouteDeps } from '../route-deps.js';
import type { CheckInChangeFeed } from './change-feed.js';
import { FaceCheckService } from './face-check-service.js';
import type { FaceMatcher } from './face-matcher-port.js';
import { CheckInRepo } from './repo.js';
import { CheckInService } from './service.js';
import { CheckInStaffService } from './staff-service.js';

export interface CheckInDeps extends RouteDeps {
  faceMatcher: FaceMatcher;
  changes: CheckInChangeFeed;
}

const STAFF_ROLES: readonly Role[] = ['examiner', 'proctor', 'college_admin', 'school_admin'];
const snapshotParamsSchema = z.strictObject({ faceCheckId: idSchema });
const referencePhotoParamsSchema = z.strictObject({
  sessionId: idSchema,
  registrationId: idSchema,
});

/** The candidate's check-in and the staff view of a session's check-ins. */
export function registerCheckInRoutes(app: FastifyInstance, deps: CheckInDeps): void {
  const repo = new CheckInRepo(deps.db);
  const faceChecks = new FaceCheckService(deps);
  const service = new CheckInService(repo, faceChecks, deps);
  const staff = new CheckInStaffService(repo, new SessionRosterRepo(deps.db), deps);

  registerRoute(app, contracts.getMyCheckIn, ({ auth, params }) =>
    service.state(auth.user, params.registrationId),
  );
  registerRoute(app, contracts.saveMyDeviceReport, ({ auth, params, body, request }) =>
    service.saveDeviceReport({ user: auth.user, ip: request.ip }, params.registrationId, body),
  );
  registerRoute(app, contracts.submitMyFaceCheck, ({ auth, params, body, request }) =>
    service.submitFace({ user: auth.user, ip: request.ip }, params.registrationId, body),
  );
  registerRoute(app, contracts.continueAfterFaceFailure, ({ auth, params, request }) =>
    service.continueAfterFaceFailure({ user: auth.user, ip: request.ip }, params.registrationId),
  );
  registerRoute(app, contracts.agreeToPledge, ({ auth, params, request }) =>
    service.agreeToPledge({ user: auth.user, ip: request.ip }, params.registrationId),
  );

  registerRoute(app, contracts.pingServer, () => ({
    serverTime: deps.clock.now().toISOString(),
  }));
  registerUploadRoute(app, contracts.measureUplink, async ({ upload, reply }) => {
    const bytes = await upload.read(contracts.UPLINK_TEST_MAX_BYTES);
    // Fastify's elapsed time runs from the request's arrival, so it covers the whole body.
    return { bytes: bytes.length, receiveMs: reply.elapsedTime };
  });

  registerRoute(app, contracts.listSessionCheckIns, ({ auth, params }) =>
    staff.list(auth.user, params.sessionId),
  );
  registerRoute(app, contracts.confirmCandidateFace, ({ auth, params, body, request }) =>
    staff.confirmFace(
      auth.user,
      params.sessionId,
      params.registrationId,
      body.faceCheckId,
      request.ip,
    ),
  );

  // Binary answers, so not JSON contracts: the access rule is checked here by hand.
  app.get(
    contracts.FACE_SNAPSHOT_PATH,
    {
      schema: {
        summary: 'A face-check snapshot (image bytes): for staff of the session and its candidate',
        tags: ['check-in'],
        params: snapshotParamsSchema,
      },
      onRequest: guard(['candidate', ...STAFF_ROLES]),
    },
    async (request, reply) => {
      const { faceCheckId } = snapshotParamsSchema.parse(request.params);
      return sendDocument(reply, await staff.snapshot(userOf(request), faceCheckId));
    },
  );
  app.get(
    contracts.SESSION_REFERENCE_PHOTO_PATH,
    {
      schema: {
        summary: "A candidate's reference photo (image bytes), for staff of the session",
        tags: ['check-in'],
        params: referencePhotoParamsSchema,
      },
      onRequest: guard(STAFF_ROLES),
    },
    async (request, reply) => {
      const { sessionId, registrationId } = referencePhotoParamsSchema.parse(request.params);
      return sendDocument(
        reply,
        await staff.referencePhoto(userOf(request), sessionId, registrationId),
      );
    },
  );
}

function userOf(request: FastifyRequest) {
  const { auth } = request;
  if (!auth) throw AppError.unauthenticated();
  return auth.user;
}

/** The same rule `access: roles` gives a JSON contract, for the binary routes. */
function guard(roles: readonly Role[]) {
  return (request: FastifyRequest, _reply: unknown, done: (error?: Error) => void) => {
    const { auth } = request;
    if (!auth) return done(AppError.unauthenticated());
    if (auth.user.mustChangePassword) return done(AppError.of('PASSWORD_CHANGE_REQUIRED'));
    if (!roles.includes(auth.user.role)) return done(AppError.forbidden());
    done();
  };
}
