// `npm start`: builds what is missing or older than its sources, then runs the server.
// Signals are forwarded so Ctrl-C shuts the server down cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

function isStale(output, sources) {
  return (
    !existsSync(output) || statSync(output).mtimeMs < newestMtime([...sources, 'package-lock.json'])
  );
}

function run(script, label) {
  const started = Date.now();
  console.log(`Building the ${label}…`);
  const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`Built the ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (isStale('dist/web/index.html', ['web', 'shared'])) run('build:web', 'web app');
if (isStale('dist/server/main.js', ['server', 'shared'])) run('build:server', 'server');

const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
