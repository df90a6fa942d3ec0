// After `vite build`: writes a brotli (.br) and a gzip (.gz) copy next to every text file of the
// built web app, at the strongest settings (this runs once per build, not per request), so the
// server can send them as they are (@fastify/static `preCompressed`). A copy that would not be
// smaller than the file is not written; the server then sends the file itself.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const distDir = process.argv[2] ?? 'dist/web';
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|wasm)$/;

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

let files = 0;
let rawBytes = 0;
let brotliBytes = 0;
for (const path of filesUnder(distDir)) {
  if (/\.(br|gz)$/.test(path)) {
    // Left from an earlier build into the same folder: never serve a copy of an older file.
    rmSync(path);
    continue;
  }
  if (!COMPRESSIBLE.test(path)) continue;
  const content = readFileSync(path);
  const brotli = brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  const gzip = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
  if (brotli.length < content.length) writeFileSync(`${path}.br`, brotli);
  if (gzip.length < content.length) writeFileSync(`${path}.gz`, gzip);
  files += 1;
  rawBytes += content.length;
  brotliBytes += Math.min(brotli.length, content.length);
}
console.log(
  `Compressed ${files} files of ${distDir}: ${(rawBytes / 1e6).toFixed(2)} MB, ` +
    `${(brotliBytes / 1e6).toFixed(2)} MB as brotli (gzip copies beside them)`,
);
