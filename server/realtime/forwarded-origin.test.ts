import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { cookieHeaderOf, listen, RecordingSocket } from './socket-test-helpers.js';

describe('The socket Origin check and X-Forwarded-Host', () => {
  let test: TestApp | null = null;
  const opened: RecordingSocket[] = [];

  afterEach(async () => {
    for (const socket of opened.splice(0)) socket.close();
    await test?.close();
    test = null;
  });

  /** A logged-in proctor's handshake from `origin`, with extra headers a proxy might add. */
  async function handshake(trustProxy: boolean) {
    test = await createTestApp({ trustProxy });
    await seedDemoInto(test);
    const url = await listen(test);
    const cookie = cookieHeaderOf(await loginStaff(test, 'proctor1'));
    return {
      url,
      connect: (origin: string, headers: Record<string, string> = {}) => {
        const socket = new RecordingSocket(url, { cookie, origin, headers });
        opened.push(socket);
        return socket.connect();
      },
    };
  }

  it('ignores X-Forwarded-Host without a trusted proxy: a foreign page cannot name itself', async () => {
    const { url, connect } = await handshake(false);
    await expect(
      connect('https://evil.example', { 'x-forwarded-host': 'evil.example' }),
    ).rejects.toThrow('FORBIDDEN');
    // The host the request really reached still counts, whatever the header says.
    await expect(connect(url, { 'x-forwarded-host': 'evil.example' })).resolves.toBeTruthy();
  });

  it('uses X-Forwarded-Host behind a trusted proxy (TRUST_PROXY=true)', async () => {
    const { connect } = await handshake(true);
    await expect(
      connect('https://exam.school.example', { 'x-forwarded-host': 'exam.school.example' }),
    ).resolves.toBeTruthy();
    await expect(
      connect('https://evil.example', { 'x-forwarded-host': 'exam.school.example' }),
    ).rejects.toThrow('FORBIDDEN');
  });
});
