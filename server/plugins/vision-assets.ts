import type { FastifyInstance } from 'fastify';

/** Serves Human's models and the tfjs WASM binaries from our own server (never a CDN). */
export async function registerVisionAssets(_app: FastifyInstance): Promise<void> {
  // Built in issue 4 (browser face check).
}
