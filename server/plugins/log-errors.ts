/**
 * Errors as the log shows them. A failed query's error carries the values it was sent with (Drizzle
 * puts them in its message and `params`, PGlite in `params`, PostgreSQL in `detail`): a password
 * hash, a phone number, a name. The log keeps the SQL text, the error codes and the stack, never
 * the values.
 */

/** Own properties of database errors that hold a query's values. */
const VALUE_KEYS = new Set(['params', 'parameters', 'queryOptions', 'values', 'detail', 'where']);

/** How deep causes are followed. */
const MAX_DEPTH = 5;

function isDatabaseError(error: Error): boolean {
  return 'routine' in error || ('severity' in error && 'code' in error);
}

function queryOf(error: Error): string | null {
  return 'query' in error && typeof error.query === 'string' ? error.query : null;
}

/** The message without values: Drizzle's "params: …" part cut, PostgreSQL's quoted values masked. */
function safeMessage(error: Error): string {
  const query = queryOf(error);
  if (error.message.startsWith('Failed query:') && query !== null) return `Failed query: ${query}`;
  const paramsAt = error.message.search(/\n\s*params:/);
  const message = paramsAt < 0 ? error.message : error.message.slice(0, paramsAt);
  return isDatabaseError(error) ? message.replace(/"[^"]*"/g, '"…"') : message;
}

/** An error ready for the log (pino's `err` serializer): type, message, stack, safe fields, cause. */
export function serializeErrorForLog(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) return value;
  if (depth > MAX_DEPTH) return { type: value.name, message: '(cause chain cut)' };
  const message = safeMessage(value);
  const serialized: Record<string, unknown> = {
    type: value.constructor.name || value.name,
    message,
    stack: value.stack?.replace(value.message, message),
  };
  for (const [key, item] of Object.entries(value)) {
    if (key === 'cause' || VALUE_KEYS.has(key) || key in serialized) continue;
    serialized[key] = serializeErrorForLog(item, depth + 1);
  }
  if (value instanceof AggregateError) {
    serialized.aggregateErrors = (value.errors as unknown[]).map((item) =>
      serializeErrorForLog(item, depth + 1),
    );
  }
  if (value.cause !== undefined) serialized.cause = serializeErrorForLog(value.cause, depth + 1);
  return serialized;
}

/** Pino serializers for every logger of the app. */
export const logSerializers = { err: serializeErrorForLog, error: serializeErrorForLog };
