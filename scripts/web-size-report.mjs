// After `vite build` and `compress-web.mjs`: prints what the first pages download (raw, gzip and
// brotli bytes and the number of requests, read from the files the server sends) and fails when
// the JavaScript of the candidate's first pages is over the budget. A page's chunks are the
// entry's static imports plus those of the lazy modules its route loads, from Vite's manifest;
// bench/web-transfer.ts measures the same pages in Chromium.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const distDir = process.argv[2] ?? 'dist/web';
/**
 * Brotli-compressed JavaScript a candidate's first pages may need, in bytes. Brotli is what
 * browsers get: Invigil is served over HTTPS (camera and microphone need a secure context), and
 * browsers ask for brotli from secure origins. Gzip is printed for plain-HTTP set-ups.
 */
const CANDIDATE_JS_BUDGET = 350_000;

/** Each page and the modules (keys of the manifest, relative to web/) its route loads. */
const PAGES = [
  { name: 'shell (every page)', modules: ['index.html'] },
  {
    name: 'login page (/s/:slug)',
    modules: ['index.html', 'pages/school/SchoolLoginPage.tsx'],
    budget: CANDIDATE_JS_BUDGET,
  },
  {
    name: 'candidate home (/candidate)',
    modules: ['index.html', 'roles/candidate/CandidateHomePage.tsx', 'i18n/candidateTexts.ts'],
    budget: CANDIDATE_JS_BUDGET,
  },
];

const manifestPath = join(distDir, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} is missing: build with build.manifest (web/vite.config.ts).`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

/** The files a module needs before it runs: its own, its CSS, and its static imports' (depth first). */
function filesOf(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk)
    throw new Error(`${key} is not in the manifest: was it renamed? (scripts/web-size-report.mjs)`);
  if (files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) filesOf(imported, files);
  return files;
}

/** Bytes of a file and of the copy the server sends for an encoding (the file itself without one). */
function sizes(file) {
  const path = join(distDir, file);
  const raw = statSync(path).size;
  const encoded = (suffix) => (existsSync(path + suffix) ? statSync(path + suffix).size : raw);
  return { raw, gzip: encoded('.gz'), brotli: encoded('.br') };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`.padStart(10);
let failed = false;
console.log('\nWhat the first pages download (kB = 1000 bytes; index.html not counted):');
console.log(
  `${'page'.padEnd(30)}${'type'.padEnd(6)}${'requests'.padStart(9)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`,
);
for (const page of PAGES) {
  const files = new Set();
  for (const module of page.modules) filesOf(module, files);
  for (const type of ['js', 'css']) {
    const ofType = [...files].filter((file) => file.endsWith(`.${type}`));
    if (type === 'css' && ofType.length === 0) continue;
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const file of ofType) {
      const size = sizes(file);
      total.raw += size.raw;
      total.gzip += size.gzip;
      total.brotli += size.brotli;
    }
    console.log(
      `${page.name.padEnd(30)}${type.padEnd(6)}${String(ofType.length).padStart(9)}` +
        `${kB(total.raw)}${kB(total.gzip)}${kB(total.brotli)}`,
    );
    if (type === 'js' && page.budget !== undefined && total.brotli > page.budget) {
      console.error(
        `\n${page.name}: ${kB(total.brotli).trim()} of JavaScript (brotli) is over the budget of ` +
          `${kB(page.budget).trim()}. Load what this page does not show lazily (docs/performance.md).`,
      );
      failed = true;
    }
  }
}
console.log(
  `Budget: ${kB(CANDIDATE_JS_BUDGET).trim()} of JavaScript (brotli) for each budgeted page.`,
);
if (failed) process.exit(1);
