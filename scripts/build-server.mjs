// Bundles the server into dist/server/main.js (dependencies stay in node_modules) and copies the
// files it reads at run time next to it: the SQL migrations and the demo photos. Another folder
// under the repository may be given (the server-process test builds into dist/test-server).
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';

const outDir = process.argv[2] ?? 'dist/server';
rmSync(outDir, { recursive: true, force: true });
await build({
  entryPoints: ['server/main.ts'],
  outfile: `${outDir}/main.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
cpSync('server/db/migrations', `${outDir}/migrations`, { recursive: true });
cpSync('server/demo/photos', `${outDir}/photos`, { recursive: true });
