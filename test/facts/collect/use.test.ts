// Collected facts where users meet them: in assess (declared wins unless
// --prefer-collected; disagreements as an info finding) and written into the
// profile by collect --write-profile.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { END, PROMETHEUS, PROMTOOL, startPrometheus, type RunningPrometheus } from '../../helpers/prometheus.js';
import { toolAvailable } from '../../helpers/bounded-servers.js';
import { runCli } from '../../helpers/run-cli.js';

const HAVE = toolAvailable(PROMETHEUS) && toolAvailable(PROMTOOL);
const AT = ['--end', END.toISOString(), '--range', '2d'];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sa-collect-'));
}

describe.skipIf(!HAVE)('collected facts in assess and in the profile', () => {
  let prom: RunningPrometheus;
  beforeAll(async () => {
    prom = await startPrometheus();
  }, 60000);
  afterAll(async () => {
    await prom?.stop();
  });

  const PROFILE = [
    '# The shop, as we described it last spring',
    'version: 1',
    'traffic:',
    '  monthly_active_users: 30000 # from product analytics',
    '  peak_rps: 800 # typed in by hand',
    'database:',
    '  engine: postgresql',
    '  cpu_p95_pct: 92',
    '  read_replicas: 0',
    'cost:',
    '  vertical_upgrades_12m: 0',
    '',
  ].join('\n');

  async function collectedProject(): Promise<string> {
    const dir = tempDir();
    writeFileSync(join(dir, 'scale-advise.yaml'), PROFILE);
    const r = await runCli(['collect', '--prometheus', prom.url, ...AT], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(join('.scale-advise', 'collected.json'));
    return dir;
  }

  const assessJson = async (dir: string, ...flags: string[]) => {
    const r = await runCli(['assess', '--format', 'json', ...flags], dir);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as {
      findings: { rule: string; evidence: { fact: string; value: unknown; provenance: string }[] }[];
      conflicts?: { fact: string; declared: unknown; detected: unknown; provenance: string; kept: string; origin?: string }[];
    };
  };

  it('assess uses the record: the declared value wins, the disagreement is reported with its query', async () => {
    const dir = await collectedProject();
    const report = await assessJson(dir);
    const saturated = report.findings.find((f) => f.rule === 'db-cpu-saturated');
    expect(saturated?.evidence).toContainEqual(expect.objectContaining({ fact: 'database.cpu_p95_pct', value: 92, provenance: 'declared' }));
    const cpu = report.conflicts?.find((c) => c.fact === 'database.cpu_p95_pct');
    expect(cpu).toMatchObject({ declared: 92, detected: 80, provenance: 'collected', kept: 'declared' });
    expect(cpu?.origin).toContain('node_cpu_seconds_total');
    // and it is an info finding, citing both values and the query
    const differs = report.findings.find((f) => f.rule === 'collected-fact-differs' && f.evidence[0]?.fact === 'database.cpu_p95_pct') as (typeof report.findings)[number] & { severity: string; message: string };
    expect(differs.severity).toBe('info');
    expect(differs.message).toMatch(/^The profile says database\.cpu_p95_pct = 92 \(scale-advise\.yaml:8:16\), but collect measured 80 \(prometheus http:\/\/127\.0\.0\.1:\d+: quantile_over_time/);
    expect(differs.message).toContain('The declared value is used.');
    expect(differs.evidence).toContainEqual(expect.objectContaining({ fact: 'database.cpu_p95_pct', value: 80, provenance: 'collected' }));
    const text = await runCli(['assess', '--verbose'], dir);
    expect(text.stdout).toContain('collected-fact-differs');
    // fixing the profile is no scaling step
    expect(JSON.stringify((report as { roadmap?: unknown }).roadmap)).not.toContain('collected-fact-differs');
  });

  it('--prefer-collected: the measured value decides, and the evidence says collected', async () => {
    const dir = await collectedProject();
    const report = await assessJson(dir, '--prefer-collected');
    expect(report.findings.map((f) => f.rule)).not.toContain('db-cpu-saturated');
    const vertical = report.findings.find((f) => f.rule === 'db-vertical-first');
    expect(vertical?.evidence).toContainEqual(expect.objectContaining({ fact: 'database.cpu_p95_pct', value: 80, provenance: 'collected' }));
    expect(report.conflicts?.find((c) => c.fact === 'database.cpu_p95_pct')?.kept).toBe('collected');
    // every report format says where a value came from
    const md = await runCli(['assess', '--format', 'markdown', '--prefer-collected'], dir);
    expect(md.stdout).toContain('`database.cpu_p95_pct` = 80 (collected: prometheus http://127.0.0.1:');
    const text = await runCli(['assess', '--verbose', '--prefer-collected'], dir);
    expect(text.stdout).toMatch(/database\.cpu_p95_pct = 80 \(collected: prometheus/);
    // the CI gate reads the record too, with the same choice
    const gate = await runCli(['check', '--format', 'json', '--prefer-collected', '--fail-on', 'critical'], dir);
    expect(gate.stdout).toContain('"provenance": "collected"');
    expect(gate.stdout).not.toContain('"rule": "db-cpu-saturated"');
    const declared = await runCli(['check', '--format', 'json', '--fail-on', 'critical'], dir);
    expect(declared.stdout).toContain('"rule": "db-cpu-saturated"');
    // --no-collected: as if nothing had been measured
    const plain = await assessJson(dir, '--no-collected');
    expect(plain.conflicts).toBeUndefined();
  });

  it('--write-profile updates values in place, keeps comments and order, and marks each with source and date', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'scale-advise.yaml'), PROFILE);
    const r = await runCli(['collect', '--prometheus', prom.url, ...AT, '--write-profile'], dir);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'scale-advise.yaml'), 'utf8');
    const mark = `collected from prometheus ${prom.url} on 2026-11-03`;
    expect(text.startsWith('# The shop, as we described it last spring\nversion: 1\ntraffic:\n  monthly_active_users: 30000 # from product analytics\n')).toBe(true);
    expect(text).toContain(`  peak_rps: 120 # typed in by hand; ${mark}\n`);
    expect(text).toContain(`  cpu_p95_pct: 80 # ${mark}\n`);
    expect(text).toContain(`  latency_p95_ms: 406.25 # ${mark}\n`);
    expect(text.indexOf('peak_rps')).toBeLessThan(text.indexOf('engine: postgresql'));
    expect(existsSync(join(dir, '.scale-advise'))).toBe(false);
    // the profile is still valid, and a second run replaces its own marks instead of adding more
    const again = await runCli(['collect', '--prometheus', prom.url, ...AT, '--write-profile'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(dir, 'scale-advise.yaml'), 'utf8')).toBe(text);
    expect((await runCli(['assess'], dir)).code).toBe(0);
  });
});
