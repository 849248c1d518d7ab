// The values each template computes, and what it says about them.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { profileWith, render } from '../helpers/scaffold.js';

const require = createRequire(import.meta.url);
const { HorizontalPodAutoscaler } = require('kubernetes-models/autoscaling/v2') as typeof import('kubernetes-models/autoscaling/v2');

describe('hpa', () => {
  it('sizes replicas from traffic and per-pod capacity, and the schema accepts it', async () => {
    const text = (await render(['hpa']))['hpa/hpa.yaml']!;
    const hpa = parse(text);
    expect(hpa.spec).toMatchObject({ minReplicas: 2, maxReplicas: 43 });
    expect(text).toContain('#   maxReplicas 43 = max(minReplicas 2, ceil(peak_rps 800 × spike_factor 8 / per_pod_rps 150))');
    expect(text).toContain('#   per_pod_rps = 150 (default)');
    expect(hpa.spec.behavior.scaleDown.stabilizationWindowSeconds).toBe(300);
    expect(() => new HorizontalPodAutoscaler(hpa).validate()).not.toThrow();
  });

  it('takes --set parameters, names them in the header, and recomputes', async () => {
    const text = (await render(['hpa'], profileWith(), ['per_pod_rps=200', 'scale_down_window_s=600']))['hpa/hpa.yaml']!;
    expect(parse(text).spec).toMatchObject({ minReplicas: 2, maxReplicas: 32 });
    expect(text).toContain('per_pod_rps = 200 (--set)');
    expect(parse(text).spec.behavior.scaleDown.stabilizationWindowSeconds).toBe(600);
  });

  it('adds request-rate and queue-depth metrics only when the profile says the system uses them', async () => {
    const plain = parse((await render(['hpa']))['hpa/hpa.yaml']!);
    expect(plain.spec.metrics.map((m: { type: string }) => m.type)).toEqual(['Resource', 'Resource']);
    const custom = parse((await render(['hpa'], profileWith({ architecture: { autoscaling: 'custom-metrics', async_jobs: 'queue' } })))['hpa/hpa.yaml']!);
    expect(custom.spec.metrics.slice(2)).toEqual([
      { type: 'Pods', pods: { metric: { name: 'http_requests_per_second' }, target: { type: 'AverageValue', averageValue: '150' } } },
      { type: 'External', external: { metric: { name: 'queue_messages_ready' }, target: { type: 'AverageValue', averageValue: '30' } } },
    ]);
    expect(() => new HorizontalPodAutoscaler(custom).validate()).not.toThrow();
  });

  it('names the missing facts and renders nothing', async () => {
    await expect(render(['hpa'], profileWith({}, ['traffic.spike_factor', 'traffic.avg_rps']))).rejects.toThrow(
      'template hpa needs traffic.avg_rps, traffic.spike_factor, which the profile does not give',
    );
  });

  it('rejects out-of-range and misspelt parameters', async () => {
    await expect(render(['hpa'], profileWith(), ['per_pod_rps=-3'])).rejects.toThrow('`per_pod_rps` must be between 0.1 and 1000000; got "-3"');
    await expect(render(['hpa'], profileWith(), ['per_pod_rsp=3'])).rejects.toThrow('did you mean `per_pod_rps`?');
    await expect(render(['hpa'], profileWith(), ['name=Not_A_Label'])).rejects.toThrow('a DNS-1123 label');
  });
});

describe('pgbouncer', () => {
  it('sizes pools from instances, workers and max_connections', async () => {
    const text = (await render(['pgbouncer'], profileWith({ architecture: { app_instances: 6 } }), ['max_connections=200', 'workers_per_instance=16']))['pgbouncer/pgbouncer.ini']!;
    expect(text).toMatch(/^max_db_connections = 190$/m);
    expect(text).toMatch(/^reserve_pool_size = 19$/m);
    expect(text).toMatch(/^default_pool_size = 96$/m); // 6 × 16 clients, under 190 − 19
    expect(text).toMatch(/^max_client_conn = 380$/m); // max(190 in use, 96) × 2
    expect(text).toMatch(/^pool_mode = transaction$/m);
  });

  it('caps the pool at what the database can give', async () => {
    const text = (await render(['pgbouncer'], profileWith({ architecture: { app_instances: 40 } }), ['workers_per_instance=8']))['pgbouncer/pgbouncer.ini']!;
    expect(text).toMatch(/^default_pool_size = 81$/m); // 90 − 9, not 320
  });

  it('refuses a database that is not PostgreSQL', async () => {
    await expect(render(['pgbouncer'], profileWith({ database: { engine: 'mysql' } }))).rejects.toThrow('database.engine is "mysql"');
  });
});

describe('prometheus-alerts', () => {
  it('derives burn-rate thresholds from the availability SLO', async () => {
    const rules = parse((await render(['prometheus-alerts'], profileWith({ performance: { slo_availability_pct: 99.5 } })))['prometheus-alerts/alerts.yaml']!);
    const alerts = rules.groups[1].rules as { alert: string; expr: string }[];
    const expr = (name: string) => alerts.find((a) => a.alert === name)!.expr;
    expect(expr('ErrorBudgetBurnFast')).toContain('ratio_rate1h{job="acme-shop"} > 0.072');
    expect(expr('ErrorBudgetBurnFast')).toContain('ratio_rate5m{job="acme-shop"} > 0.072');
    expect(expr('ErrorBudgetBurnSlow')).toContain('ratio_rate6h{job="acme-shop"} > 0.03');
    expect(expr('ErrorBudgetBurnTicket')).toContain('ratio_rate3d{job="acme-shop"} > 0.005');
    expect(expr('LatencyP95AboveSLO')).toContain('> 0.5');
    expect(expr('DatabaseCPUSaturated')).toMatch(/> 85$/);
    expect(expr('DatabaseConnectionsSaturated')).toMatch(/> 80$/);
  });

  it('leaves out latency alerts without a latency SLO, and says so', async () => {
    const text = (await render(['prometheus-alerts'], profileWith({}, ['performance.slo_latency_p95_ms'])))['prometheus-alerts/alerts.yaml']!;
    expect(text).not.toContain('LatencyP95AboveSLO');
    expect(text).toContain('performance.slo_latency_p95_ms is not in scale-advise.yaml');
  });
});

describe('load balancers, cache, replicas, load test', () => {
  it('nginx and haproxy list as many servers as the peak needs, plus a spare', async () => {
    const files = await render(['nginx', 'haproxy']);
    expect(files['nginx/upstream.conf']!.match(/^ +server [^{]/gm)).toHaveLength(7); // ceil(800 / 150) + 1
    expect(files['haproxy/haproxy.cfg']!.match(/^ +server .* check$/gm)).toHaveLength(7);
    expect(files['nginx/upstream.conf']).toContain('the profile has 2 app instances; peak traffic needs 7: add 5');
    const one = await render(['haproxy'], profileWith({ architecture: { app_instances: 1 } }));
    expect(one['haproxy/haproxy.cfg']).toContain('the profile has 1 app instance; peak traffic needs 7: add 6');
  });

  it('redis maxmemory follows the working set', async () => {
    const text = (await render(['redis-cache'], profileWith(), ['working_set_gb=2']))['redis-cache/redis.conf']!;
    expect(text).toMatch(/^maxmemory 2560mb$/m); // 2 GB × 1024 × 1.25
    expect(text).toMatch(/^maxmemory-policy allkeys-lru$/m);
    await expect(render(['redis-cache'], profileWith({}, ['database.size_gb']))).rejects.toThrow('--set working_set_gb=N');
  });

  it('redis speaks of the hit rate only when there is a cache to tune', async () => {
    const low = (await render(['redis-cache'], profileWith({ architecture: { cache: 'redis', cache_hit_pct: 40 } })))['redis-cache/redis.conf']!;
    expect(low).toContain('cache_hit_pct is 40: check key design and TTLs');
    const none = (await render(['redis-cache'], profileWith({ architecture: { cache: 'none', cache_hit_pct: 0 } })))['redis-cache/redis.conf']!;
    expect(none).not.toContain('check key design');
  });

  it('rds replicas spread the read share of the primary CPU', async () => {
    const text = (await render(['rds-read-replica']))['rds-read-replica/main.tf']!;
    expect(text).toContain('replica_count 2 = max(1, ceil(cpu_p95_pct 92 × read_pct 85 / 100 / replica_cpu_target_pct 60))');
    await expect(render(['rds-read-replica'], profileWith({ database: { engine: 'mongodb' } }))).rejects.toThrow('database.engine is "mongodb"');
  });

  it('rds names only the fact that is missing when it cannot size the replicas', async () => {
    const noReads = (await render(['rds-read-replica'], profileWith({}, ['database.read_pct'])))['rds-read-replica/main.tf']!;
    expect(noReads).toContain('replica_count 1: without database.read_pct the read load is unknown');
    const neither = (await render(['rds-read-replica'], profileWith({}, ['database.read_pct', 'database.cpu_p95_pct'])))['rds-read-replica/main.tf']!;
    expect(neither).toContain('without database.cpu_p95_pct and database.read_pct the read load');
  });

  it('k6 ramps to peak and to ten times peak, with SLO thresholds', async () => {
    const text = (await render(['k6']))['k6/load-test.js']!;
    expect(text).toContain('"executor": "ramping-arrival-rate"');
    expect(text).toMatch(/"target": 800,\s+"duration": "5m"/);
    expect(text).toMatch(/"target": 8000,\s+"duration": "5m"/);
    expect(text).toContain('"p(95)<500"');
    expect(text).toContain('"rate<0.001"');
  });
});
