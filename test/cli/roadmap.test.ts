// `scale-advise roadmap` and `assess --what-if` from the outside, as a user runs them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const EXAMPLE = join(ROOT, 'examples', 'scale-advise.yaml');
const MVP = join(ROOT, 'test', 'fixtures', 'cases', 'healthy-mvp.yaml');

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scale-advise roadmap', () => {
  it('prints the phases with months, lead times and the assumptions', () => {
    const r = cli(['roadmap', '--profile', EXAMPLE, '--now', '2026-11-23']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/At 25%\/month, you reach Scale \(100,000 monthly active users\) in about 3\.3\s+months; the primary's CPU reaches 100% in about 2 weeks/);
    expect(r.stdout).toMatch(/^NOW · /m);
    expect(r.stdout).toMatch(/The primary database carries more load than it can take \(db-cpu-saturated\)\n\s+urgent: database connection use reaches 100% in less than a week, and the\s+step takes 1-3 weeks/);
    expect(r.stdout).toMatch(/covers db-cpu-saturated, db-slow-queries, db-connection-pooling,\s+cache-missing/);
    expect(r.stdout).toMatch(/^Assumptions$/m);
    expect(r.stdout.split('\n').filter((l) => l.length > 80)).toEqual([]);
  });

  it('quotes reported effects with their source, never as a promise', () => {
    const r = cli(['roadmap', '--profile', EXAMPLE, '--now', '2026-11-23', '--verbose']);
    expect(r.stdout).toMatch(/Reported elsewhere \(not a promise\): Read replicas taking the SELECTs,\s+together with connection pooling, are reported to carry a 5-10x traffic\s+increase/);
    expect(r.stdout).toMatch(/source: 001_f2f4f15da7816435\.txt/);
  });

  it('agrees with the roadmap of the assess report', () => {
    const fromRoadmap = JSON.parse(cli(['roadmap', '--profile', EXAMPLE, '--now', '2026-11-23', '--format', 'json']).stdout).roadmap;
    const fromAssess = JSON.parse(cli(['assess', '--profile', EXAMPLE, '--now', '2026-11-23', '--format', 'json']).stdout).roadmap;
    expect(fromRoadmap).toEqual(fromAssess);
    const item = fromAssess.phases[0].items[0];
    for (const key of ['rule', 'topics', 'title', 'months', 'requires', 'unlocks', 'expected_effect', 'lead_time']) expect(item, key).toHaveProperty(key);
    expect(fromAssess.projection.next_stage).toMatchObject({ stage: 'scale', months: 3.3 });
    expect(fromAssess.assumptions.length).toBeGreaterThan(2);
  });

  it('says a healthy MVP needs little, in few lines', () => {
    const r = cli(['roadmap', '--profile', MVP, '--now', '2026-11-23']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/A short roadmap on purpose/);
    expect(r.stdout).not.toMatch(/^NOW/m);
  });

  it('plans for 10x load and says what changes', () => {
    const r = cli(['roadmap', '--profile', EXAMPLE, '--now', '2026-11-23', '--what-if', '10x']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/What if: 10x load/);
    expect(r.stdout).toMatch(/Stage: Growth today, Scale at 10x load\./);
    expect(r.stdout).toMatch(/Findings that appear: .*multi-az/s);
  });

  it('rejects a factor it cannot read (exit 2)', () => {
    const r = cli(['roadmap', '--profile', EXAMPLE, '--what-if', 'ten']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--what-if must be a load factor such as 2x, 10x or 0\.5x .*; got "ten"/);
  });

  it('writes ROADMAP.md, replaces it while untouched, and keeps it once edited unless --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-roadmap-'));
    const out = join(dir, 'ROADMAP.md');
    const write = (...extra: string[]) => cli(['roadmap', '--profile', EXAMPLE, '--now', '2026-11-23', '--output', out, ...extra]);
    expect(write().code).toBe(0);
    const first = readFileSync(out, 'utf8');
    expect(first).toMatch(/^<!-- scale-advise:generated sha256=[0-9a-f]{64} /);
    expect(first).toMatch(/```mermaid\ngantt\n/); // a .md output is Markdown
    expect(cli(['roadmap', '--profile', EXAMPLE, '--now', '2026-12-01', '--output', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/as of 2026-12-01/);
    writeFileSync(out, readFileSync(out, 'utf8').replace('## Assumptions', '## Assumptions (we disagree with some)'));
    const refused = write();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/ROADMAP\.md was edited since scale-advise generated it; keeping it\. Pass --force/);
    expect(readFileSync(out, 'utf8')).toMatch(/we disagree/);
    expect(write('--force').code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toMatch(/we disagree/);
    expect(readdirSync(dir)).toEqual(['ROADMAP.md']); // no temporary file left behind
  });

  it('keeps a ROADMAP.md it did not write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-roadmap-'));
    writeFileSync(join(dir, 'ROADMAP.md'), '# Our own plan\n');
    const r = cli(['roadmap', '--profile', EXAMPLE, '--output', join(dir, 'ROADMAP.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/was not generated by scale-advise/);
  });
});

describe('explain', () => {
  it("shows a rule's place on the roadmap: prerequisites, lead time, reported effect", () => {
    const r = cli(['explain', 'db-write-bound']);
    expect(r.stdout).toMatch(/Waits for\n {2}db-read-replicas, db-connection-pooling: while one of these fires/);
    expect(r.stdout).toMatch(/On the roadmap\n {2}lead time: 2-6 months/);
    expect(r.stdout).toMatch(/reported effect \(not a promise\): Date-based sharding/);
  });
});

describe('assess --what-if', () => {
  it('evaluates at the scaled load, shows measured values beside projected ones, and lists what changes', () => {
    const r = cli(['assess', '--profile', EXAMPLE, '--now', '2026-11-23', '--what-if', '10x', '--verbose']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Stage: Scale/);
    expect(r.stdout).toMatch(/Stage: Growth today, Scale at 10x load\./);
    expect(r.stdout).toMatch(/database\.cpu_p95_pct = 100 \(today: 92\)/);
  });

  it('carries the comparison and the baseline in JSON', () => {
    const report = JSON.parse(cli(['assess', '--profile', EXAMPLE, '--now', '2026-11-23', '--what-if', '0.5x', '--format', 'json']).stdout);
    expect(report.what_if).toMatchObject({ factor: 0.5, stage: { from: 'growth', to: 'growth' } });
    expect(report.scenario).toEqual({ label: '0.5x load', factor: 0.5 });
    const projected = report.findings.flatMap((f: { evidence: { provenance: string }[] }) => f.evidence).find((e: { provenance: string }) => e.provenance === 'projected');
    expect(projected).toHaveProperty('baseline');
  });
});
