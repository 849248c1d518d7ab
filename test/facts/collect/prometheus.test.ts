// `collect --prometheus` against a real Prometheus holding two days of
// generated series whose peaks, percentiles and shares are known.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { END, PROMETHEUS, PROMTOOL, SHAPE, startPrometheus, type RunningPrometheus } from '../../helpers/prometheus.js';
import { freePort } from '../../helpers/servers.js';
import { silentServer, toolAvailable } from '../../helpers/bounded-servers.js';
import { runCli } from '../../helpers/run-cli.js';
import type { CollectedRecord } from '../../../src/facts/collect/file.js';

const HAVE = toolAvailable(PROMETHEUS) && toolAvailable(PROMTOOL);
const AT = ['--end', END.toISOString(), '--range', '2d'];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sa-collect-'));
}

function record(dir: string): CollectedRecord {
  return JSON.parse(readFileSync(join(dir, '.scale-advise', 'collected.json'), 'utf8')) as CollectedRecord;
}

/** Within `pct` percent of the expected value. */
function near(actual: number | undefined, expected: number, pct: number) {
  expect(actual, `expected ≈ ${expected}`).toBeTypeOf('number');
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual((Math.abs(expected) * pct) / 100);
}

describe.skipIf(!HAVE)('collect from Prometheus', () => {
  let prom: RunningPrometheus;
  beforeAll(async () => {
    prom = await startPrometheus();
  }, 60000);
  afterAll(async () => {
    await prom?.stop();
  });

  it('recovers the known values of the generated series (within 2%)', async () => {
    const dir = tempDir();
    const r = await runCli(['collect', '--prometheus', prom.url, ...AT], dir);
    expect(r.code, r.stderr).toBe(0);
    const rec = record(dir);
    const v = (id: string) => rec.facts.find((f) => f.id === id)?.value;
    const n = SHAPE.instances.length;
    // the daily peak (18–22h, a sixth of the time) sits above the 0.99 quantile; the short spike above it
    near(v('traffic.peak_rps'), n * SHAPE.rpsPerInstance.peak, 2);
    // 20 normal hours and 4 peak hours a day, plus a 10-minute spike in two days
    const avg = (n * (40 * SHAPE.rpsPerInstance.normal + 8 * SHAPE.rpsPerInstance.peak)) / 48 + (n * (SHAPE.rpsPerInstance.spike - SHAPE.rpsPerInstance.normal)) / 6 / 48;
    near(v('traffic.avg_rps'), avg, 2);
    near(v('traffic.spike_factor'), SHAPE.rpsPerInstance.spike / SHAPE.rpsPerInstance.peak, 2);
    // linear interpolation inside the buckets: p50 in (0.05, 0.1], p95 in (0.25, 0.5], p99 in (0.5, 1]
    near(v('performance.latency_p50_ms'), 75, 2);
    near(v('performance.latency_p95_ms'), 406.25, 2);
    near(v('performance.latency_p99_ms'), 750, 2);
    near(v('performance.error_rate_pct'), 100 * SHAPE.errorShare, 2);
    expect(v('architecture.app_instances')).toBe(n);
    near(v('architecture.app_cpu_p95_pct'), 100 * SHAPE.appBusy.peak, 2);
    near(v('architecture.app_memory_p95_pct'), 100 * SHAPE.appMemUsed.peak, 2);
    near(v('database.cpu_p95_pct'), 100 * SHAPE.dbBusy.peak, 2);
    near(v('database.memory_p95_pct'), 100 * SHAPE.dbMemUsed.peak, 2);
    near(v('database.connections_used_pct'), (100 * SHAPE.connections.peak) / SHAPE.maxConnections, 2);
    near(v('database.buffer_cache_hit_pct'), 99, 2);
    near(v('database.read_pct'), 85, 2);
    near(v('database.size_gb'), 42.5, 2);
    near(v('architecture.cache_hit_pct'), 90, 2);
    expect(rec.not_collected).toEqual([]);
    // each fact names its source, its query and its range
    const peak = rec.facts.find((f) => f.id === 'traffic.peak_rps')!;
    expect(peak).toMatchObject({ source: 'prometheus', url: prom.url, range: { end: END.toISOString() } });
    expect(peak.query).toContain('quantile_over_time(0.99, sum(rate(http_requests_total[5m]))[2d:5m])');
    expect(r.stdout).toContain('traffic.peak_rps');
  });

  it('replaces its own record, but a file it did not write only with --force', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.scale-advise'));
    writeFileSync(join(dir, '.scale-advise', 'collected.json'), '{"mine": true}\n');
    const refused = await runCli(['collect', '--prometheus', prom.url, ...AT], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists; pass --force to replace it');
    expect(readFileSync(join(dir, '.scale-advise', 'collected.json'), 'utf8')).toBe('{"mine": true}\n');
    expect((await runCli(['collect', '--prometheus', prom.url, ...AT, '--force'], dir)).code).toBe(0);
    expect((await runCli(['collect', '--prometheus', prom.url, ...AT], dir)).code).toBe(0);
  });

  it('takes the peak at the quantile given: at 0.999 the spike counts', async () => {
    const dir = tempDir();
    const r = await runCli(['collect', '--prometheus', prom.url, ...AT, '--peak-quantile', '0.999'], dir);
    expect(r.code, r.stderr).toBe(0);
    const peak = record(dir).facts.find((f) => f.id === 'traffic.peak_rps')!.value;
    expect(peak).toBeGreaterThan(SHAPE.instances.length * SHAPE.rpsPerInstance.peak * 1.1);
  });

  it('reports a missing metric and a rejected query by fact, and keeps the rest', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'queries.yaml'),
      [
        'queries:',
        '  traffic.peak_rps: "max_over_time(sum(rate(http_server_requests_seconds_count[5m]))[$range:$step])"',
        '  performance.latency_p95_ms:',
        '    query: "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])"',
        '  traffic.avg_rps:',
        '    query: "avg_over_time(sum(rate(app_hits_total[5m]))[$range:$step])"',
        '    metrics: [app_hits_total]',
      ].join('\n'),
    );
    const r = await runCli(['collect', '--prometheus', prom.url, ...AT, '--queries', 'queries.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    const rec = record(dir);
    const why = (id: string) => rec.not_collected.find((n) => n.fact === id)?.reason ?? '';
    expect(why('traffic.avg_rps')).toMatch(/no data: Prometheus has no app_hits_total/);
    expect(why('traffic.peak_rps')).toMatch(/no data: the query matched no series/);
    expect(why('performance.latency_p95_ms')).toMatch(/Prometheus rejected the query \(bad_data\).*parse error/);
    expect(rec.facts.map((f) => f.id)).toContain('performance.latency_p99_ms');
    expect(r.stdout).toContain('Not collected (3)');
  });

  it('exits 2 when the range holds no data at all, naming what is missing', async () => {
    const dir = tempDir();
    const r = await runCli(['collect', '--prometheus', prom.url, '--end', '2020-01-01', '--range', '1d'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing could be collected/);
    expect(r.stderr).toMatch(/traffic\.peak_rps: no data: Prometheus has no http_requests_total/);
  });

  it('points at a misspelt fact in a queries file by line and column', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'q.yaml'), 'queries:\n  traffic.peak_rsp: "vector(1)"\n');
    const r = await runCli(['collect', '--prometheus', prom.url, ...AT, '--queries', 'q.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('q.yaml:2:3: `traffic.peak_rsp` is not a numeric profile fact (did you mean `traffic.peak_rps`?)');
  });
});

describe('collect from a Prometheus that is not there', () => {
  it('a closed port: exit 2, connection refused', async () => {
    const port = await freePort();
    const r = await runCli(['collect', '--prometheus', `http://127.0.0.1:${port}`], tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`prometheus: cannot reach Prometheus at http://127.0.0.1:${port}: connection refused`);
  });

  it('a server that never answers: exit 2 after the timeout, not later', async () => {
    const silent = await silentServer();
    try {
      const started = Date.now();
      const r = await runCli(['collect', '--prometheus', `http://127.0.0.1:${silent.port}`, '--timeout', '1s'], tempDir());
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('did not answer within 1s');
      expect(Date.now() - started).toBeLessThan(15000);
    } finally {
      await silent.close();
    }
  });

  it('follows no redirect: only the address given is contacted', async () => {
    let elsewhere = 0;
    const other = createServer((_req, res) => {
      elsewhere++;
      res.end('{}');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const target = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
    const redirecting = createServer((_req, res) => res.writeHead(302, { location: target }).end());
    await new Promise<void>((r) => redirecting.listen(0, '127.0.0.1', r));
    try {
      const r = await runCli(['collect', '--prometheus', `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`], tempDir());
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('answered with a redirect');
      expect(elsewhere).toBe(0);
    } finally {
      await new Promise((r) => redirecting.close(r));
      await new Promise((r) => other.close(r));
    }
  });

  it('never shows the password of the URL', async () => {
    const port = await freePort();
    const r = await runCli(['collect', '--prometheus', `http://admin:hunter2secret@127.0.0.1:${port}/prom?token=hunter3secret`], tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).not.toMatch(/hunter[23]secret|admin/);
    expect(r.stderr).toContain(`http://127.0.0.1:${port}/prom`);
  });
});
