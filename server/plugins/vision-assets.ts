import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the browser's face worker loads Human's models from (its `modelBasePath`). */
export const HUMAN_MODELS_PREFIX = '/vendor/human/models/';
/** Where tfjs looks for its WASM binaries (its `wasmPath`). */
export const TFJS_WASM_PREFIX = '/vendor/tfjs-wasm/';

// The files only change when the npm packages are upgraded (the paths carry no version, as Human's
// modelBasePath and tfjs' wasmPath are folders), so a week: long enough that candidates load the ~5 MB of models
// once, short enough that a browser picks up an upgrade within the week.
const CACHE_CONTROL = 'public, max-age=604800';

/** The folders inside node_modules, found the way Node resolves packages (also from dist/server). */
export function locateVisionAssets(): { modelsDir: string; wasmDir: string } {
  const require = createRequire(import.meta.url);
  // Human's exports map hides package.json; its Node entry lives in dist/, the models beside it.
  const humanEntry = require.resolve('@vladmandic/human');
  const wasmPackage = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
  return {
    modelsDir: join(dirname(humanEntry), '..', 'models'),
    wasmDir: join(dirname(wasmPackage), 'dist'),
  };
}

/** Serves Human's models and the tfjs WASM binaries from our own server (never a CDN). */
export async function registerVisionAssets(app: FastifyInstance): Promise<void> {
  const { modelsDir, wasmDir } = locateVisionAssets();
  // Only model graphs and weights, and only the three WASM builds: nothing else in those folders
  // (READMEs, JS sources) is public.
  const models = new Set(readdirSync(modelsDir).filter((name) => /\.(json|bin)$/.test(name)));
  const wasm = new Set(readdirSync(wasmDir).filter((name) => name.endsWith('.wasm')));
  await serveFolder(app, modelsDir, HUMAN_MODELS_PREFIX, models);
  await serveFolder(app, wasmDir, TFJS_WASM_PREFIX, wasm);
}

async function serveFolder(
  app: FastifyInstance,
  root: string,
  prefix: string,
  files: ReadonlySet<string>,
): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix,
    // The web app registers @fastify/static too; only one may decorate the reply.
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    cacheControl: false,
    allowedPath: (pathName) => files.has(pathName.replace(/^\//, '')),
    setHeaders: (response) => {
      void response.header('cache-control', CACHE_CONTROL);
    },
  });
}
