import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellsOf, namesForeignRows, judge, type Cell } from './matrix-cells.js';
import { loadRouteTable, routeKey } from './route-table.js';
import { buildSecurityWorld, type SecurityWorld } from './security-world.js';

const routes = await loadRouteTable();
/** MATRIX_VERBOSE=1 prints every cell and its answer. */
const verbose = process.env.MATRIX_VERBOSE === '1';

/** OpenAPI paths (`{id}`) in the contracts' Fastify style (`:id`). */
const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

describe('the role × route matrix (every route × every caller, declared in shared/api)', () => {
  let world: SecurityWorld;
  let cellsRun = 0;

  beforeAll(async () => {
    world = await buildSecurityWorld();
  }, 120_000);
  afterAll(async () => {
    console.info(`role × route matrix: ${String(routes.length)} routes, ${String(cellsRun)} cells`);
    await world.test.close();
  });

  it('has a declared contract and policy for every route the server answers', () => {
    const document = world.test.app.swagger();
    const declared = new Set(routes.map((route) => route.key));
    const served = Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
      Object.keys(operations ?? {}).map((method) => routeKey(method, fastifyPath(path))),
    );
    const undeclared = served.filter(
      (key) => key.split(' ')[1]?.startsWith('/api/') && !key.includes('/api/docs'),
    );
    expect(undeclared.filter((key) => !declared.has(key))).toEqual([]);
    expect(routes.filter((route) => !served.includes(route.key)).map((r) => r.key)).toEqual([]);
    for (const route of routes) expect(route.policy, route.declaredAt).toBeDefined();
  });

  for (const route of routes) {
    it(`${route.key} (${route.declaredAt})`, async () => {
      if (route.policy.foreign === 'none') {
        expect(
          namesForeignRows(world, route),
          `${route.declaredAt} names rows by id: declare how foreign ones answer`,
        ).toBe(false);
      }
      const cells = cellsOf(world, route);
      const failures: string[] = [];
      const run = async (cell: Cell) => {
        const caller = typeof cell.caller === 'function' ? await cell.caller() : cell.caller;
        const response = await caller.send(cell.request);
        const problem = judge(cell.expect, response);
        if (verbose) {
          console.info(
            `${route.key} [${cell.column}] ${cell.request.url} → ${String(response.statusCode)} ${response.body.slice(0, 60)}`,
          );
        }
        if (problem)
          failures.push(`[${cell.column}] ${cell.request.method} ${cell.request.url}: ${problem}`);
        cellsRun++;
      };
      for (const cell of cells.filter((c) => !c.changesData)) await run(cell);
      for (const cell of cells.filter((c) => c.changesData)) await run(cell);
      expect(failures).toEqual([]);
    });
  }
});
