import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const NODE_TEST_FOLDERS = ['server', 'shared', 'web', 'tools'];
const NODE_TESTS = NODE_TEST_FOLDERS.map((folder) => `${folder}/**/*.test.ts`);

/**
 * A test file belongs to the `db` project when it starts the app or opens a test database, itself
 * or through any module it imports (or when it is the server-process test): only those pay for
 * the migrated database the global set-up makes. Read from the files themselves, so a new test
 * or test helper lands in the right project without a list here.
 */
const NEEDS_DATABASE = /\b(createTestApp|openTestDatabase)\(/;
/** Tests that start the real server process on a database of their own. */
const SERVER_PROCESS_TESTS = new Set([
  'server/main.test.ts',
  'server/written-exam/autosave-fault.test.ts',
]);
/** Relative imports that bring code along (`import type` brings none). */
const RELATIVE_IMPORT = /^import\s+(?!type\s)[^;]*?from\s+'(\.{1,2}\/[^']+)\.js'/gm;

const sourceCache = new Map<string, { opensDatabase: boolean; imports: string[] }>();

function readModule(path: string): { opensDatabase: boolean; imports: string[] } {
  let module = sourceCache.get(path);
  if (!module) {
    const file = [path, path.replace(/\.ts$/, '.tsx')].find((name) => existsSync(join(root, name)));
    const source = file ? readFileSync(join(root, file), 'utf8') : '';
    module = {
      opensDatabase: NEEDS_DATABASE.test(source),
      imports: [...source.matchAll(RELATIVE_IMPORT)].map((match) =>
        posix.join(posix.dirname(path), `${match[1] ?? ''}.ts`),
      ),
    };
    sourceCache.set(path, module);
  }
  return module;
}

function needsDatabase(testFile: string): boolean {
  if (SERVER_PROCESS_TESTS.has(testFile)) return true;
  const seen = new Set<string>();
  const pending = [testFile];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    const module = readModule(path);
    if (module.opensDatabase) return true;
    pending.push(...module.imports);
  }
  return false;
}

const nodeTestFiles = NODE_TEST_FOLDERS.flatMap((folder) =>
  readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => `${folder}/${name.replaceAll('\\', '/')}`),
);
const databaseFiles = nodeTestFiles.filter((path) => needsDatabase(path));

/**
 * Three projects (docs/performance.md, Tests): `unit` (pure code, no database), `db` (the app on
 * PGlite, or PostgreSQL with DATABASE_URL) and `web` (components in jsdom with Testing Library).
 * `npm test` runs all three; `npm run test:unit` the quick two.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: NODE_TESTS, exclude: databaseFiles },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: databaseFiles,
          globalSetup: ['server/test/global-setup.ts'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'web',
          include: ['web/**/*.test.tsx'],
          environment: 'jsdom',
          // Under NODE_ENV=test antd's components all get the id "test-id", so every dialog
          // took the first dialog's title as its name: ids as in the browser instead.
          env: { NODE_ENV: 'development' },
          setupFiles: ['web/test/setup.ts'],
        },
      },
    ],
  },
});
