import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../demo/seed.js';
import { LocalFolderStorage } from '../files/storage.js';
import type { TestApp } from './test-app.js';

export { DEMO_CANDIDATES, DEMO_STAFF_PASSWORD } from '../demo/demo-data.js';

/** Seeds the demo school into a test app's database, with photos in a throw-away folder. */
export async function seedDemoInto(test: TestApp): Promise<void> {
  const storage = new LocalFolderStorage(
    join(mkdtempSync(join(tmpdir(), 'invigil-files-')), 'files'),
  );
  await seedDemo(test.database.db, storage, test.clock);
}
