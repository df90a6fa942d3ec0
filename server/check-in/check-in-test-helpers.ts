import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { CheckInState, DeviceReport, FaceCheckBody } from '../../shared/api/check-in.js';
import { examSession } from '../db/schema/index.js';
import { pngWithComment } from '../vision/test-images.js';
import type { TestApp, TestClient } from '../test/test-app.js';
import type { FaceMatch, FaceMatcher, FaceReference } from './face-matcher-port.js';

/** What the fake engine should conclude from a snapshot, written into the snapshot's bytes. */
export type FakeFace = 'match' | 'mismatch' | 'no_face';

/** A real PNG snapshot whose bytes (a tEXt chunk) tell the fake matcher what to answer (test helper). */
export function fakeSnapshot(face: FakeFace): string {
  return pngWithComment(`fake-face:${face};`).toString('base64');
}

/** A face engine that reads the verdict from the snapshot and remembers each reference. */
export class FakeFaceMatcher implements FaceMatcher {
  readonly references: FaceReference[] = [];

  match(snapshot: Uint8Array, reference: FaceReference): Promise<FaceMatch> {
    this.references.push(reference);
    const face = /fake-face:(\w+);/.exec(Buffer.from(snapshot).toString('latin1'))?.[1] ?? '';
    const quality = { faces: 1, faceSizePx: 200, yawDegrees: 2, pitchDegrees: 1 };
    switch (face) {
      case 'match':
        return Promise.resolve({ verdict: 'match', score: 0.86, quality, embedding: [0.1, 0.2] });
      case 'mismatch':
        return Promise.resolve({ verdict: 'mismatch', score: 0.31, quality, embedding: [0.9] });
      default:
        return Promise.resolve({
          verdict: 'no_face',
          score: null,
          quality: { faces: 0, faceSizePx: null, yawDegrees: null, pitchDegrees: null },
          embedding: null,
        });
    }
  }

  describe(snapshot: Uint8Array): Promise<number[] | null> {
    const face = /fake-face:(\w+);/.exec(Buffer.from(snapshot).toString('latin1'))?.[1] ?? '';
    return Promise.resolve(face === 'match' || face === 'mismatch' ? [0.5, 0.5] : null);
  }
}

export function faceBody(face: FakeFace, livenessPassed = true): FaceCheckBody {
  return {
    image: fakeSnapshot(face),
    liveness: { challenges: ['turn_left', 'blink'], passed: livenessPassed, framesJudged: 24 },
  };
}

/** A device report with a working camera and microphone, or with the parts given (test helper). */
export function deviceReport(
  overrides: { camera?: Partial<DeviceReport['camera']>; micOk?: boolean } = {},
): DeviceReport {
  return {
    camera: {
      ok: true,
      label: 'Fake camera',
      width: 1280,
      height: 720,
      frameRate: 30,
      error: null,
      ...overrides.camera,
    },
    microphone: {
      ok: overrides.micOk ?? true,
      label: 'Fake microphone',
      peakLevel: 0.4,
      error: overrides.micOk === false ? 'not_found' : null,
    },
    speaker: { heard: false },
    network: { ok: false, latencyMs: 900, uplinkKbps: 120 },
    browser: {
      ok: false,
      userAgent: 'Mozilla/5.0',
      name: 'Chrome',
      version: '99',
      screenWidth: 1280,
      screenHeight: 720,
      webrtc: true,
      missing: ['getDisplayMedia'],
    },
  };
}

/** The id of a demo session by its name (test helper). */
export async function sessionIdNamed(test: TestApp, name: string): Promise<string> {
  const [row] = await test.database.db
    .select({ id: examSession.id })
    .from(examSession)
    .where(eq(examSession.name, name));
  if (!row) throw new Error(`no session ${name}`);
  return row.id;
}

/** 确认参加 and 确认信息, which the check-in requires first (test helper). */
export async function confirmForCheckIn(client: TestClient, registrationId: string): Promise<void> {
  const attendance = await client.put(`/api/me/registrations/${registrationId}/attendance`, {
    attendance: 'confirmed',
  });
  expect(attendance.statusCode).toBe(200);
  const identity = await client.post(`/api/me/registrations/${registrationId}/identity/confirm`);
  expect(identity.statusCode).toBe(200);
}

export const checkInUrl = (registrationId: string, step = '') =>
  `/api/me/registrations/${registrationId}/check-in${step ? `/${step}` : ''}`;

/** The candidate's check-in, asserting the request succeeded. */
export async function readCheckIn(
  client: TestClient,
  registrationId: string,
): Promise<CheckInState> {
  const response = await client.get(checkInUrl(registrationId));
  expect(response.statusCode).toBe(200);
  return response.json<CheckInState>();
}
