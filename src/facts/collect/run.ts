// `collect`: ask each server the user named, merge what they measured, and
// say what could not be measured and why.
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import type { CollectedFact, CollectedRecord, CollectSource, NotCollected } from './file.js';
import { parseEndpoint, parseDuration } from './endpoint.js';
import { prometheusQueries } from './queries.js';

export interface CollectOptions {
  prometheus?: string;
  postgres?: string;
  /** PromQL duration, e.g. 30d */
  range: string;
  peakQuantile: number;
  end: Date;
  timeoutMs: number;
  queriesFile?: { path: string; display: string };
  /** bearer token for Prometheus */
  prometheusToken?: string;
  progress?: (message: string) => void;
}

export type Measured = CollectedFact & { window: 'range' | 'instant' };

/**
 * When two servers measure the same fact, a value over the whole range (a
 * peak, a p95) beats a reading of one moment, and between two readings the
 * database's own answer beats an exporter's.
 */
function rank(f: Measured): number {
  return (f.window === 'range' ? 2 : 0) + (f.source === 'postgresql' ? 1 : 0);
}

/** One value per fact, the best measured, in fact order. */
export function pickMeasured(all: Measured[]): Map<string, Measured> {
  const best = new Map<string, Measured>();
  for (const f of all) {
    const held = best.get(f.id);
    if (!held || rank(f) > rank(held)) best.set(f.id, f);
  }
  return new Map([...best].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export async function collectFacts(opts: CollectOptions): Promise<CollectedRecord> {
  const rangeMs = parseDuration(opts.range, '--range');
  const start = new Date(opts.end.getTime() - rangeMs);
  const prom = opts.prometheus ? parseEndpoint(opts.prometheus, '--prometheus', ['http', 'https'], 'http://localhost:9090') : undefined;
  const pgEndpoint = opts.postgres ? parseEndpoint(opts.postgres, '--postgres', ['postgres', 'postgresql'], 'postgresql://monitor@db.internal:5432/app') : undefined;
  const queries = prom ? prometheusQueries({ range: opts.range, peakQuantile: opts.peakQuantile, step: '5m' }, opts.queriesFile) : [];

  const runs: Promise<{ facts: Measured[]; failures: NotCollected[] }>[] = [];
  if (prom) {
    const { collectFromPrometheus } = await import('./prometheus.js');
    runs.push(
      collectFromPrometheus({
        endpoint: prom,
        ...(opts.prometheusToken ? { token: opts.prometheusToken } : {}),
        queries,
        start,
        end: opts.end,
        timeoutMs: opts.timeoutMs,
        progress: (done, total) => opts.progress?.(`Prometheus: ${done}/${total} queries`),
      }),
    );
  }
  if (pgEndpoint && opts.postgres) {
    const { collectFromPostgres } = await import('./postgres.js');
    opts.progress?.('PostgreSQL: reading statistics');
    runs.push(collectFromPostgres({ endpoint: pgEndpoint, connectionString: opts.postgres, at: opts.end, timeoutMs: opts.timeoutMs }));
  }
  const results = await Promise.all(runs);

  const best = pickMeasured(results.flatMap((r) => r.facts));
  const facts = [...best.values()].map(({ window: _window, ...f }) => f);
  // A fact one server could not give but another did is not missing.
  const notCollected = results.flatMap((r) => r.failures).filter((n) => n.fact === null || !best.has(n.fact));
  const sources: { source: CollectSource; url: string }[] = [];
  if (prom) sources.push({ source: 'prometheus', url: prom.display });
  if (pgEndpoint) sources.push({ source: 'postgresql', url: pgEndpoint.display });
  return {
    schema_version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    collected_at: opts.end.toISOString(),
    range: prom ? { duration: opts.range, start: start.toISOString(), end: opts.end.toISOString() } : null,
    sources,
    facts,
    not_collected: notCollected,
  };
}
