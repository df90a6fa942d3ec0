import type { RosterImportResult } from '../../shared/api/roster.js';
import { loginStaff } from '../test/demo-logins.js';
import type { TestApp, TestClient } from '../test/test-app.js';

// Apart from the file builders (roster-test-helpers.ts), which pure tests such as parse-roster
// use: this client needs the app, and importing it puts a test file in the `db` project.

/** A logged-in client that can also send raw files. */
export class RosterClient {
  constructor(
    readonly client: TestClient,
    private readonly test: TestApp,
  ) {}

  static async login(test: TestApp, login: string): Promise<RosterClient> {
    const client = await loginStaff(test, login);
    await client.get('/api/auth/csrf');
    return new RosterClient(client, test);
  }

  /** Sends a raw file body (POST unless told), as the web app's upload does. */
  upload(url: string, bytes: Buffer, method: 'POST' | 'PUT' = 'POST') {
    const csrf = this.client.cookie('invigil_csrf') ?? '';
    const sid = this.client.cookie('invigil_sid') ?? '';
    return this.test.app.inject({
      method,
      url,
      headers: {
        'content-type': 'application/octet-stream',
        cookie: `invigil_csrf=${csrf}; invigil_sid=${sid}`,
        'x-csrf-token': csrf,
      },
      payload: bytes,
    });
  }

  /** Imports a roster and returns the parsed result; fails the test on a non-200 answer. */
  async importRoster(
    examId: string,
    bytes: Buffer,
    mode: 'validate' | 'all' | 'valid_rows' = 'all',
  ): Promise<RosterImportResult> {
    const response = await this.upload(
      `/api/admin/exams/${examId}/roster?mode=${mode}&name=roster.xlsx`,
      bytes,
    );
    if (response.statusCode !== 200) {
      throw new Error(`import answered ${String(response.statusCode)}: ${response.body}`);
    }
    return response.json<RosterImportResult>();
  }
}
