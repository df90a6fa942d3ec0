import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { cookieHeaderOf, listen, RecordingSocket } from './socket-test-helpers.js';

describe('SocketCommands: a command sent with the wrong number of arguments', () => {
  let test: TestApp;
  let socket: RecordingSocket;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    const url = await listen(test);
    socket = new RecordingSocket(url, { cookie: cookieHeaderOf(await loginStaff(test, 'admin')) });
    await socket.connect();
  });
  afterAll(async () => {
    socket.close();
    await test.close();
  });

  // The raw client sends what the typed one cannot: the ack then is not where the handler expects it.
  const raw = () =>
    socket.socket.timeout(3000) as unknown as {
      emitWithAck(event: string, ...args: unknown[]): Promise<unknown>;
    };

  it('is still answered: without its payload, with one too many, or with one it does not take', async () => {
    expect(await raw().emitWithAck('session:watch')).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
    expect(await raw().emitWithAck('media:publish', {}, { extra: true })).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
    // A heartbeat takes no payload; from a logged-in user (not a phone) it is refused either way.
    expect(await raw().emitWithAck('phone:heartbeat', { beat: 1 })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(socket.socket.connected).toBe(true);
  });
});
