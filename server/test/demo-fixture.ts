import { seedDemo } from '../demo/seed.js';
import type { TestApp } from './test-app.js';

export { DEMO_CANDIDATES, DEMO_STAFF_PASSWORD } from '../demo/demo-data.js';

/** Seeds the demo school into a test app's database and its throw-away file folder. */
export async function seedDemoInto(test: TestApp): Promise<void> {
  await seedDemo(test.database.db, test.storage, test.clock);
}
