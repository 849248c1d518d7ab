// A saturated system gets the warning signs a tech lead expects, with the
// measured numbers, and a system with room (or one that does not state the
// numbers) gets none of them: no advice for capacity problems it does not have.
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';
import { runCli } from '../helpers/cli.js';

const FIX = join(ROOT, 'test', 'fixtures', 'cli');
const EXAMPLE = join(ROOT, 'examples', 'scale-advise.yaml');
const SATURATION = ['app-instances-at-max', 'app-tier-saturated', 'db-memory-pressure', 'db-storage-near-limit'];

interface Report {
  findings: { rule: string; kind: string; severity: string; message: string; status: string; evidence: { fact: string; value: unknown }[] }[];
  not_evaluated: { rule: string; missing: string[] }[];
  groups: { id: string; findings: string[] }[];
}

/** Run from the profile's own folder, so detection sees that folder alone. */
function assessJson(profile: string): Report {
  const r = runCli(['assess', '--profile', profile, '--format', 'json'], dirname(profile));
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

describe('a saturated system', () => {
  const report = assessJson(join(FIX, 'saturated', 'scale-advise.yaml'));
  const finding = (rule: string) => report.findings.find((f) => f.rule === rule)!;

  it('gets all four saturation warning signs, open and high', () => {
    for (const rule of SATURATION) expect(finding(rule), rule).toMatchObject({ kind: 'warning-sign', severity: 'high', status: 'open' });
  });

  it('quotes the measured numbers', () => {
    expect(finding('app-tier-saturated').message).toMatch(/95% CPU and 78% memory at the 95th percentile across 8 instances/);
    expect(finding('db-memory-pressure').message).toMatch(/\(postgresql\).*97% of its memory.*98\.2% of block reads/);
    expect(finding('db-storage-near-limit').message).toMatch(/920 GB of the 1,000 GB .*\(92% used\).*fills it in 2\.3 months/);
    expect(finding('app-instances-at-max').message).toMatch(/runs 8 of the 8 application instances/);
    expect(finding('db-storage-near-limit').evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fact: 'derived.db_storage_used_pct', value: 92 }),
        expect.objectContaining({ fact: 'database.size_gb', value: 920 }),
      ]),
    );
  });

  it('shows the two application-tier findings as one problem', () => {
    expect(report.groups.find((g) => g.id === 'app-capacity')?.findings).toEqual(['app-instances-at-max', 'app-tier-saturated']);
  });

  it('fails the CI gate, naming them', () => {
    const r = runCli(['check'], join(FIX, 'saturated'));
    expect(r.code).toBe(1);
    for (const rule of SATURATION) expect(r.stdout).toContain(rule);
  });
});

describe('a single saturated server at the growth stage', () => {
  const SPOF = join(ROOT, 'test', 'fixtures', 'rules', 'app-tier-spof');

  it('is a single point of failure worth a warning, even without an availability target or an outage', () => {
    const spof = assessJson(join(SPOF, 'fires-saturated.yaml')).findings.find((f) => f.rule === 'app-tier-spof');
    expect(spof?.message).toMatch(/single instance.*already saturated \(93% CPU, 60% memory at p95\)/);
  });

  it('is not one while it is busy but below the saturation thresholds', () => {
    expect(assessJson(join(SPOF, 'silent-growth-busy.yaml')).findings.map((f) => f.rule)).not.toContain('app-tier-spof');
  });
});

describe('systems that are not saturated', () => {
  it('a system with headroom: every saturation rule is evaluated and silent', () => {
    const report = assessJson(join(FIX, 'headroom', 'scale-advise.yaml'));
    const fired = report.findings.map((f) => f.rule);
    for (const rule of SATURATION) {
      expect(fired, rule).not.toContain(rule);
      expect(report.not_evaluated.map((n) => n.rule), rule).not.toContain(rule);
    }
  });

  it('the bundled example states none of these numbers, so none of the rules fires; each names what it lacks', () => {
    const report = assessJson(EXAMPLE);
    const fired = report.findings.map((f) => f.rule);
    for (const rule of SATURATION) expect(fired, rule).not.toContain(rule);
    const missing = (rule: string) => report.not_evaluated.find((n) => n.rule === rule)?.missing ?? [];
    expect(missing('app-tier-saturated')).toEqual(['architecture.app_cpu_p95_pct', 'architecture.app_memory_p95_pct']);
    expect(missing('db-storage-near-limit')).toEqual(['derived.db_storage_used_pct']);
  });
});

describe('the catalog lists the new rules', () => {
  it('in `rules` and `explain`', () => {
    const list = runCli(['rules'], ROOT);
    expect(list.code).toBe(0);
    for (const rule of SATURATION) expect(list.stdout).toContain(rule);
    expect(list.stdout).toMatch(/of 87 rules/);
    const explain = runCli(['explain', 'db-storage-near-limit'], ROOT);
    expect(explain.stdout).toMatch(/derived\.db_storage_used_pct/);
    expect(explain.stdout).toMatch(/derived\.db_storage_headroom_months \(optional\)/);
  });
});

describe('the roadmap of a limit close ahead', () => {
  interface Item { rule: string; rules: string[]; why: string; severity: string }
  const roadmap = (dir: string) => {
    const r = runCli(['roadmap', '--format', 'json', '--now', '2026-11-23'], join(FIX, dir));
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { roadmap: { phases: { id: string; items: Item[] }[] } }).roadmap.phases;
  };

  it('plans a medium step that relieves a limit reached within three months now, and says which limit', () => {
    const now = roadmap('cpu-runway').find((p) => p.id === 'now')!.items;
    const forecast = now.find((i) => i.rules.includes('db-cpu-forecast'));
    expect(forecast).toMatchObject({ severity: 'medium' });
    expect(forecast!.why).toMatch(/^the primary's CPU reaches 100% in about 2\.3 months/);
  });

  it('plans the storage step now when the volume fills in 2.3 months', () => {
    const now = roadmap('saturated').find((p) => p.id === 'now')!.items;
    expect(now.find((i) => i.rule === 'db-storage-near-limit')?.why).toMatch(/^database storage reaches 1,000 GB in about 2\.3 months/);
  });
});
