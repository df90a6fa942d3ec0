import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The API server the dev server forwards to; override to run against another port. */
const apiTarget = process.env.INVIGIL_API_URL ?? 'http://127.0.0.1:3000';
const NAMED_CHUNKS = new Set(['react', 'vendor', 'antd']);

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each page loads, for scripts/web-size-report.mjs.
    manifest: true,
    // antd's core (forms, layout, overlays) is one ~410 kB chunk, ~120 kB as brotli; that is expected.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Automatic shared chunks are named after an arbitrary module inside; call them "shared".
        chunkFileNames: (chunk) =>
          chunk.isDynamicEntry || NAMED_CHUNKS.has(chunk.name)
            ? 'assets/[name]-[hash].js'
            : 'assets/shared-[hash].js',
        // Libraries every page needs change less often than our code: their own chunks stay
        // cached across releases. Only antd's part that the shell needs (the modules the entry
        // imports statically, "$initial") is one chunk; the components only some pages use
        // (tables, menus, selects) are left to automatic splitting and load with those pages.
        // The first pages' sizes are checked after each build (scripts/web-size-report.mjs).
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              priority: 2,
            },
            {
              name: 'vendor',
              test: /node_modules[\\/](zod|i18next|react-i18next|@tanstack)[\\/]/,
              priority: 1,
            },
            {
              // antd with the small libraries it uses (@rc-component, cssinjs, clsx …).
              name: 'antd',
              test: /node_modules[\\/]/,
              tags: ['$initial'],
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, bypass: serveOwnSourceFiles },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});

/** `web/api/*.ts` shares the `/api` prefix with the server: the dev server serves our own files. */
function serveOwnSourceFiles(req: IncomingMessage): string | undefined {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  return existsSync(join(root, path)) ? req.url : undefined;
}
