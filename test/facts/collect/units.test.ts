// The pure parts of collect: editing the profile, laying the user's queries
// over the defaults, and showing server addresses without their secrets.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateProfileText } from '../../../src/facts/collect/write-profile.js';
import { prometheusQueries } from '../../../src/facts/collect/queries.js';
import { parseDuration, parseEndpoint, scrub } from '../../../src/facts/collect/endpoint.js';
import { readCollectedFacts, type CollectedFact } from '../../../src/facts/collect/file.js';
import { shapeValue } from '../../../src/facts/collect/fact-schema.js';
import { pickMeasured, type Measured } from '../../../src/facts/collect/run.js';

const fact = (id: string, value: number): CollectedFact => ({ id, value, source: 'postgresql', url: 'postgresql://db:5432/app', query: 'SELECT 1' });
const MARK = 'collected from postgresql postgresql://db:5432/app on 2026-11-03';

describe('writing collected values into the profile', () => {
  const profile = ['# header', 'version: 1', 'database: { engine: postgresql }', 'team:', '  engineers: 12 # from HR', ''].join('\n');

  it('adds to a section, creates a missing one at the end, keeps the rest as it was', () => {
    const u = updateProfileText(profile, [fact('database.size_gb', 0.5), fact('performance.error_rate_pct', 1.5)], '2026-11-03');
    expect(u.added).toEqual(['database.size_gb', 'performance.error_rate_pct']);
    expect(u.text).toBe(
      ['# header', 'version: 1', 'database:', '  engine: postgresql', `  size_gb: 0.5 # ${MARK}`, 'team:', '  engineers: 12 # from HR', 'performance:', `  error_rate_pct: 1.5 # ${MARK}`, ''].join('\n'),
    );
  });

  it('changes only the lines of the values it writes, and keeps the columns of aligned comments', () => {
    const aligned = ['version: 1', 'database:', '  engine: postgresql        # the main store', '  cpu_p95_pct: 40           # at peak', '', 'team:', '  engineers: 12             # from HR', ''].join('\n');
    const u = updateProfileText(aligned, [fact('database.cpu_p95_pct', 71), fact('database.size_gb', 80)], '2026-11-03');
    expect(u).toMatchObject({ updated: ['database.cpu_p95_pct'], added: ['database.size_gb'] });
    expect(u.text).toBe(
      ['version: 1', 'database:', '  engine: postgresql        # the main store', `  cpu_p95_pct: 71           # at peak; ${MARK}`, `  size_gb: 80 # ${MARK}`, '', 'team:', '  engineers: 12             # from HR', ''].join('\n'),
    );
  });

  it("keeps the user's comment in front of the mark, and replaces only its own mark later", () => {
    const first = updateProfileText(profile, [fact('team.engineers', 14)], '2026-11-03').text;
    expect(first).toContain(`  engineers: 14 # from HR; ${MARK}\n`);
    const second = updateProfileText(first, [fact('team.engineers', 15)], '2026-12-01');
    expect(second.updated).toEqual(['team.engineers']);
    expect(second.text).toContain(`  engineers: 15 # from HR; ${MARK.replace('2026-11-03', '2026-12-01')}\n`);
    expect(second.text.match(/collected from/g)).toHaveLength(1);
  });
});

describe('the queries collect sends to Prometheus', () => {
  const params = { range: '7d', peakQuantile: 0.95, step: '5m' };

  it('fills in the range, the quantile and the selectors', () => {
    const q = prometheusQueries(params);
    expect(q.find((x) => x.fact === 'traffic.peak_rps')?.query).toBe('quantile_over_time(0.95, sum(rate(http_requests_total[5m]))[7d:5m])');
    expect(q.find((x) => x.fact === 'database.cpu_p95_pct')?.query).toContain('node_cpu_seconds_total{mode="idle", job="node-db"}');
    expect(q.every((x) => !x.query.includes('$'))).toBe(true);
  });

  it("lays the user's file over the defaults: a replaced query drops the default's metric list", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-q-'));
    writeFileSync(join(dir, 'q.yaml'), 'selectors:\n  database_node: instance="db-1:9100"\nqueries:\n  traffic.avg_rps: avg_over_time(x[$range])\n');
    const q = prometheusQueries(params, { path: join(dir, 'q.yaml'), display: 'q.yaml' });
    expect(q.find((x) => x.fact === 'database.cpu_p95_pct')?.query).toContain('{mode="idle", instance="db-1:9100"}');
    expect(q.find((x) => x.fact === 'traffic.avg_rps')).toMatchObject({ query: 'avg_over_time(x[7d])', metrics: [], window: 'range' });
    expect(q.find((x) => x.fact === 'traffic.peak_rps')?.metrics).toEqual(['http_requests_total']);
  });

  it('reports every mistake of a queries file at once, each at its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-q-'));
    writeFileSync(join(dir, 'q.yaml'), 'queries:\n  database.engine: x\n  traffic.peak_rps:\n    query: 3\n    window: sometimes\nextra: 1\n');
    expect(() => prometheusQueries(params, { path: join(dir, 'q.yaml'), display: 'q.yaml' })).toThrow(
      /q\.yaml:6:1: unknown key `extra`[\s\S]*q\.yaml:2:3: `database\.engine` is not a numeric profile fact \(docs\/facts\.md lists the facts\)[\s\S]*q\.yaml:4:12: `traffic\.peak_rps` needs a PromQL `query`[\s\S]*q\.yaml:5:13: `window` must be `range` or `instant`/,
    );
  });
});

describe('server addresses and values', () => {
  it('keep user, password and query string out of what is shown', () => {
    const e = parseEndpoint('postgresql://app:s3cr%40t@db.internal:6432/shop?sslmode=require&password=x', '--postgres', ['postgresql'], 'x');
    expect(e.display).toBe('postgresql://db.internal:6432/shop');
    expect(e.password).toBe('s3cr@t');
    expect(scrub('login failed for s3cr@t', e.password)).toBe('login failed for ***');
  });

  it('refuses another scheme and a duration it cannot read', () => {
    expect(() => parseEndpoint('mysql://db/x', '--postgres', ['postgres', 'postgresql'], 'postgresql://db/app')).toThrow(/must be a postgres or postgresql URL/);
    expect(parseDuration('30d', '--range')).toBe(30 * 86400e3);
    expect(() => parseDuration('30 days', '--range')).toThrow('--range must be a duration such as 30d');
  });

  it('stores values as the profile holds them: integers whole, percentages within 0–100', () => {
    expect(shapeValue('database.largest_table_rows', 1234.6)).toBe(1235);
    expect(shapeValue('database.cpu_p95_pct', 100.4)).toBe(100);
    expect(shapeValue('performance.latency_p95_ms', 406.256)).toBe(406.26);
    expect(shapeValue('database.engine', 1)).toBeUndefined();
  });
});

describe('a fact measured by both servers', () => {
  const m = (id: string, value: number, source: 'prometheus' | 'postgresql', window: 'range' | 'instant'): Measured => ({ ...fact(id, value), source, window });

  it('keeps the value over the range before a reading of one moment, then the database before the exporter', () => {
    const best = pickMeasured([
      m('database.connections_used_pct', 35, 'postgresql', 'instant'),
      m('database.connections_used_pct', 90, 'prometheus', 'range'),
      m('database.size_gb', 42, 'prometheus', 'instant'),
      m('database.size_gb', 41.8, 'postgresql', 'instant'),
    ]);
    expect([...best.keys()]).toEqual(['database.connections_used_pct', 'database.size_gb']);
    expect(best.get('database.connections_used_pct')?.value).toBe(90);
    expect(best.get('database.size_gb')?.value).toBe(41.8);
  });
});

describe('reading the record', () => {
  it('gives collected facts with their query as origin, and names a broken record and how to fix it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-rec-'));
    expect(readCollectedFacts(dir)).toEqual([]);
    mkdirSync(join(dir, '.scale-advise'));
    const file = join(dir, '.scale-advise', 'collected.json');
    writeFileSync(file, JSON.stringify({ schema_version: 1, facts: [fact('database.size_gb', 41.8)] }));
    expect(readCollectedFacts(dir)).toEqual([
      { id: 'database.size_gb', value: 41.8, provenance: 'collected', position: null, origin: 'postgresql postgresql://db:5432/app: SELECT 1' },
    ]);
    writeFileSync(file, '{"schema_version": 1, "facts": [{"id": "size", "value": "big"}]}');
    expect(() => readCollectedFacts(dir, 'proj')).toThrow('proj/.scale-advise/collected.json: facts[0] needs a dotted `id` and a numeric `value` (run `scale-advise collect` again, or delete the file)');
    writeFileSync(file, '{"schema_');
    expect(() => readCollectedFacts(dir, 'proj')).toThrow(/proj\/\.scale-advise\/collected\.json: not a readable collected-facts record/);
  });
});
