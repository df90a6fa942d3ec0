import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DownloadContract, RouteContract } from '../../shared/api/contract.js';

/** One route of the shared contracts, JSON or file download, with where it is declared. */
export type TableRoute = (RouteContract | DownloadContract) & {
  /** `shared/api/<file>:<export>`, for messages. */
  declaredAt: string;
  /** `GET /api/me/documents`: how the matrix and the fuzzer name a route. */
  key: string;
};

const API_DIR = new URL('../../shared/api/', import.meta.url);
const NOT_CONTRACT_FILES = new Set(['contract.ts', 'common.ts', 'index.ts']);

function isContract(value: unknown): value is RouteContract | DownloadContract {
  return (
    typeof value === 'object' &&
    value !== null &&
    'method' in value &&
    'path' in value &&
    'access' in value &&
    typeof value.path === 'string' &&
    value.path.startsWith('/api/')
  );
}

export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/**
 * Every route declared in shared/api/*.ts (each file is read, so a new file is included too),
 * deduplicated by method and path.
 */
export async function loadRouteTable(): Promise<TableRoute[]> {
  const files = readdirSync(fileURLToPath(API_DIR))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .filter((file) => !NOT_CONTRACT_FILES.has(file))
    .sort();
  const routes = new Map<string, TableRoute>();
  for (const file of files) {
    const module = (await import(new URL(file, API_DIR).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (!isContract(value)) continue;
      const key = routeKey(value.method, value.path);
      if (!routes.has(key)) routes.set(key, { ...value, declaredAt: `${file}:${name}`, key });
    }
  }
  return [...routes.values()];
}

/** Whether a route takes its body as raw file bytes (shared/api/contract.ts `upload`). */
export function isUpload(route: TableRoute): boolean {
  return 'upload' in route && route.upload === true;
}

export function bodyOf(route: TableRoute) {
  return 'body' in route ? route.body : undefined;
}
