import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { sendError } from './error-handler.js';

/**
 * Answers unknown paths: with the built web app's index.html for page navigations (the router
 * shows its own 404), with the error body for the API and for missing files.
 */
export async function installNotFound(app: FastifyInstance, distDir: string | null): Promise<void> {
  const hasWebApp = distDir !== null && existsSync(join(distDir, 'index.html'));
  if (distDir !== null && !hasWebApp)
    app.log.warn({ distDir }, 'web app not built; serving the API only');
  if (!hasWebApp) {
    app.setNotFoundHandler((request, reply) => sendError(request, reply, 'NOT_FOUND'));
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    // The build writes a .br and a .gz copy beside each text file (scripts/compress-web.mjs):
    // brotli if the browser accepts it, else gzip, else the file itself, with Vary: Accept-Encoding.
    preCompressed: true,
    // The build manifest (.vite/) is for the size report, not for browsers.
    dotfiles: 'ignore',
    setHeaders: (response, path) => {
      // File names under assets/ carry a content hash, so they never change; anything else
      // (index.html names the current hashes) is revalidated on every load.
      void response.header(
        'cache-control',
        path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method !== 'GET' || path.startsWith('/api/') || /\.\w+$/.test(path)) {
      return sendError(request, reply, 'NOT_FOUND');
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
