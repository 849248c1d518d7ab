// A real Prometheus, fed with generated series of known shape through
// `promtool tsdb create-blocks-from openmetrics`, listening on loopback.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runOrThrow, waitFor } from './servers.js';
import { startBounded } from './bounded-servers.js';

export const PROMETHEUS = '/usr/bin/prometheus';
export const PROMTOOL = '/usr/bin/promtool';

/** The generated data: two days ending here, one sample a minute. */
export const END = new Date('2026-11-03T00:00:00Z');
export const DAYS = 2;
const STEP_S = 60;

/** The daily peak is 18:00–22:00 UTC; one 10-minute spike at 12:00 on the last day. */
export function phase(t: number): 'normal' | 'peak' | 'spike' {
  const d = new Date(t * 1000);
  const h = d.getUTCHours();
  const lastDay = t >= END.getTime() / 1000 - 86400;
  if (lastDay && h === 12 && d.getUTCMinutes() < 10) return 'spike';
  return h >= 18 && h < 22 ? 'peak' : 'normal';
}

/** The known values the series are built from. */
export const SHAPE = {
  instances: ['app-1', 'app-2', 'app-3'],
  rpsPerInstance: { normal: 10, peak: 40, spike: 100 },
  errorShare: 0.01,
  /** cumulative share of requests at or under each bucket bound (seconds) */
  buckets: [
    [0.05, 0.3],
    [0.1, 0.7],
    [0.25, 0.9],
    [0.5, 0.98],
    [1, 1],
    [Infinity, 1],
  ] as [number, number][],
  appBusy: { normal: 0.2, peak: 0.6, spike: 0.2 },
  dbBusy: { normal: 0.3, peak: 0.8, spike: 0.3 },
  appMemUsed: { normal: 0.4, peak: 0.55, spike: 0.4 },
  dbMemUsed: { normal: 0.5, peak: 0.7, spike: 0.5 },
  memTotal: 16 * 1024 ** 3,
  connections: { normal: 20, peak: 90, spike: 20 },
  maxConnections: 100,
  blks: { hit: 99, read: 1 },
  tuples: { fetched: 85, inserted: 10, updated: 4, deleted: 1 },
  redis: { hits: 9, misses: 1 },
  dbSizeBytes: 42.5 * 1024 ** 3,
};

interface Series {
  name: string;
  labels: Record<string, string>;
  /** value at time t; counters get the per-second rate and are summed up */
  rate?: (t: number) => number;
  gauge?: (t: number) => number;
}

function allSeries(): Series[] {
  const s: Series[] = [];
  const rps = (t: number) => SHAPE.rpsPerInstance[phase(t)];
  for (const instance of SHAPE.instances) {
    s.push({ name: 'http_requests_total', labels: { instance, code: '200' }, rate: (t) => rps(t) * (1 - SHAPE.errorShare) });
    s.push({ name: 'http_requests_total', labels: { instance, code: '500' }, rate: (t) => rps(t) * SHAPE.errorShare });
    for (const [le, share] of SHAPE.buckets) {
      s.push({ name: 'http_request_duration_seconds_bucket', labels: { instance, le: le === Infinity ? '+Inf' : String(le) }, rate: (t) => rps(t) * share });
    }
    for (const cpu of ['0', '1']) s.push({ name: 'node_cpu_seconds_total', labels: { job: 'node-app', instance, cpu, mode: 'idle' }, rate: (t) => 1 - SHAPE.appBusy[phase(t)] });
    s.push({ name: 'node_memory_MemTotal_bytes', labels: { job: 'node-app', instance }, gauge: () => SHAPE.memTotal });
    s.push({ name: 'node_memory_MemAvailable_bytes', labels: { job: 'node-app', instance }, gauge: (t) => SHAPE.memTotal * (1 - SHAPE.appMemUsed[phase(t)]) });
  }
  for (const cpu of ['0', '1', '2', '3']) s.push({ name: 'node_cpu_seconds_total', labels: { job: 'node-db', instance: 'db-1', cpu, mode: 'idle' }, rate: (t) => 1 - SHAPE.dbBusy[phase(t)] });
  s.push({ name: 'node_memory_MemTotal_bytes', labels: { job: 'node-db', instance: 'db-1' }, gauge: () => SHAPE.memTotal });
  s.push({ name: 'node_memory_MemAvailable_bytes', labels: { job: 'node-db', instance: 'db-1' }, gauge: (t) => SHAPE.memTotal * (1 - SHAPE.dbMemUsed[phase(t)]) });
  // postgres_exporter: connections split over two states, as the exporter reports them
  s.push({ name: 'pg_stat_activity_count', labels: { datname: 'app', state: 'active' }, gauge: (t) => SHAPE.connections[phase(t)] / 2 });
  s.push({ name: 'pg_stat_activity_count', labels: { datname: 'app', state: 'idle' }, gauge: (t) => SHAPE.connections[phase(t)] / 2 });
  s.push({ name: 'pg_settings_max_connections', labels: {}, gauge: () => SHAPE.maxConnections });
  s.push({ name: 'pg_stat_database_blks_hit', labels: { datname: 'app' }, rate: () => SHAPE.blks.hit });
  s.push({ name: 'pg_stat_database_blks_read', labels: { datname: 'app' }, rate: () => SHAPE.blks.read });
  for (const [k, v] of Object.entries(SHAPE.tuples)) s.push({ name: `pg_stat_database_tup_${k}`, labels: { datname: 'app' }, rate: () => v });
  s.push({ name: 'pg_database_size_bytes', labels: { datname: 'app' }, gauge: () => SHAPE.dbSizeBytes });
  s.push({ name: 'pg_database_size_bytes', labels: { datname: 'postgres' }, gauge: () => 8 * 1024 ** 2 });
  s.push({ name: 'redis_keyspace_hits_total', labels: {}, rate: () => SHAPE.redis.hits });
  s.push({ name: 'redis_keyspace_misses_total', labels: {}, rate: () => SHAPE.redis.misses });
  return s;
}

/** OpenMetrics text: one family at a time, each series in time order. */
export function openMetrics(): string {
  const end = END.getTime() / 1000;
  const start = end - DAYS * 86400 - 3600; // an hour before the range, so the first rates are whole
  const lines: string[] = [];
  const byName = new Map<string, Series[]>();
  for (const s of allSeries()) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  for (const [name, series] of byName) {
    lines.push(`# TYPE ${name} unknown`);
    for (const s of series) {
      const labels = Object.entries(s.labels).map(([k, v]) => `${k}="${v}"`).join(',');
      let total = 0;
      for (let t = start; t <= end; t += STEP_S) {
        if (s.rate) total += s.rate(t) * STEP_S;
        lines.push(`${name}{${labels}} ${s.rate ? total : s.gauge!(t)} ${t}`);
      }
    }
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

export interface RunningPrometheus {
  url: string;
  stop: () => Promise<void>;
}

export async function startPrometheus(): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'sa-prom-'));
  writeFileSync(join(dir, 'data.om'), openMetrics());
  runOrThrow(PROMTOOL, ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=24h', join(dir, 'data.om'), join(dir, 'tsdb')]);
  writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1m\n');
  const port = await freePort();
  const server = startBounded(PROMETHEUS, [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'tsdb')}`,
    '--storage.tsdb.retention.time=100y',
    `--web.listen-address=127.0.0.1:${port}`,
  ]);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if ((await fetch(`${url}/-/ready`)).ok) return;
    throw new Error(`not ready:\n${server.output()}`);
  }, 'prometheus', 30000);
  return {
    url,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
