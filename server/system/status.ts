import type { Readiness } from '../../shared/api/system.js';
import type { DatabaseHandle } from '../db/client.js';
import type { FileStorage } from '../files/storage.js';
import type { ServiceHealth } from './health.js';

export interface StatusDeps {
  database: DatabaseHandle;
  storage: FileStorage;
  health: ServiceHealth;
}

async function databaseAnswers(database: DatabaseHandle): Promise<boolean> {
  try {
    await database.ping();
    return true;
  } catch {
    return false;
  }
}

/** This node's readiness; null when the database does not answer (the route answers 503). */
export async function readinessOf(deps: StatusDeps): Promise<Readiness | null> {
  if (!(await databaseAnswers(deps.database))) return null;
  const storageFreeBytes = (await deps.storage.freeBytes?.()) ?? null;
  const storage = deps.health.storageState(storageFreeBytes);
  const rateLimits = deps.health.rateLimitStore();
  const degraded = storage === 'full' || rateLimits === 'in-process-fallback';
  return {
    status: degraded ? 'degraded' : 'ready',
    database: deps.database.engine,
    storage,
    storageFreeBytes,
    rateLimits,
  };
}

interface Metric {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  samples: { labels?: Record<string, string>; value: number }[];
}

function renderMetric(metric: Metric): string {
  const lines = [`# HELP ${metric.name} ${metric.help}`, `# TYPE ${metric.name} ${metric.type}`];
  for (const sample of metric.samples) {
    const labels = Object.entries(sample.labels ?? {})
      .map(([key, value]) => `${key}="${value}"`)
      .join(',');
    lines.push(`${metric.name}${labels ? `{${labels}}` : ''} ${String(sample.value)}`);
  }
  return lines.join('\n');
}

/** The Prometheus text exposition (format 0.0.4) of this node: `/metrics`. */
export async function renderMetrics(deps: StatusDeps): Promise<string> {
  const { health } = deps;
  const isUp = await databaseAnswers(deps.database);
  const freeBytes = (await deps.storage.freeBytes?.()) ?? null;
  const failures = health.storageFailureCounts();
  const memory = process.memoryUsage();
  const metrics: Metric[] = [
    {
      name: 'invigil_database_up',
      help: '1 when the database answers a ping',
      type: 'gauge',
      samples: [{ value: isUp ? 1 : 0 }],
    },
    {
      name: 'invigil_storage_full',
      help: '1 after file storage refused a write for lack of space (uploads answer 507 STORAGE_FULL)',
      type: 'gauge',
      samples: [{ value: health.storageState(freeBytes) === 'full' ? 1 : 0 }],
    },
    {
      name: 'invigil_storage_free_bytes',
      help: 'Free bytes of the file storage (absent when the storage cannot tell)',
      type: 'gauge',
      samples: freeBytes === null ? [] : [{ value: freeBytes }],
    },
    {
      name: 'invigil_storage_write_failures_total',
      help: 'File writes that failed, by reason (no_space: ENOSPC or a quota)',
      type: 'counter',
      samples: [
        { labels: { reason: 'no_space' }, value: failures.no_space },
        { labels: { reason: 'other' }, value: failures.other },
      ],
    },
    {
      name: 'invigil_rate_limit_fallback',
      help: '1 when REDIS_URL is set but Redis does not answer: rate limits are kept per node',
      type: 'gauge',
      samples: [{ value: health.rateLimitStore() === 'in-process-fallback' ? 1 : 0 }],
    },
    {
      name: 'invigil_rate_limit_fallbacks_total',
      help: 'Rate-limited requests counted in-process because Redis could not answer',
      type: 'counter',
      samples: [{ value: health.rateLimitFallbacks() }],
    },
    {
      name: 'invigil_http_responses_total',
      help: 'HTTP responses by status class',
      type: 'counter',
      samples: [...health.responseCounts()].map(([statusClass, value]) => ({
        labels: { class: statusClass },
        value,
      })),
    },
    {
      name: 'process_start_time_seconds',
      help: 'Start time of the process since the Unix epoch, in seconds',
      type: 'gauge',
      samples: [{ value: Math.floor(health.startedAt.getTime() / 1000) }],
    },
    {
      name: 'process_resident_memory_bytes',
      help: 'Resident memory of the process',
      type: 'gauge',
      samples: [{ value: memory.rss }],
    },
    {
      name: 'nodejs_heap_used_bytes',
      help: 'V8 heap in use',
      type: 'gauge',
      samples: [{ value: memory.heapUsed }],
    },
  ];
  return `${metrics.map(renderMetric).join('\n')}\n`;
}
