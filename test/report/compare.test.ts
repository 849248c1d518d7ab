// What changed between two reports: each transition a finding, the stage and completeness can make.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carryOpenSince, compareReports, type ComparableReport } from '../../src/report/compare.js';
import type { Finding } from '../../src/model.js';
import { ROOT } from '../helpers/assess.js';

type F = ComparableReport['findings'][number];
const finding = (rule: string, severity: F['severity'] = 'high', status: F['status'] = 'open') => ({ rule, title: `title of ${rule}`, severity, status }) as F;

function report(over: { stage?: string | null; dims?: Record<string, string | null>; findings?: F[]; missing?: string[]; pct?: number } = {}): ComparableReport {
  return {
    stage: { id: over.stage === undefined ? 'growth' : over.stage, dimensions: { traffic: 'growth', data: 'growth', organization: 'startup', ...over.dims } },
    findings: over.findings ?? [],
    not_evaluated: (over.missing ?? []).map((rule) => ({ rule, missing: ['x.y'] })),
    completeness: { pct: over.pct ?? 50 },
  } as unknown as ComparableReport;
}

describe('compareReports', () => {
  it('a finding only in the new report is new', () => {
    const c = compareReports(report(), report({ findings: [finding('db-cpu')] }), 'old.json');
    expect(c.new.map((f) => f.rule)).toEqual(['db-cpu']);
    expect(c.resolved).toEqual([]);
  });
  it('a finding only in the earlier report is resolved', () => {
    const c = compareReports(report({ findings: [finding('db-cpu', 'medium')] }), report(), 'old.json');
    expect(c.resolved).toEqual([{ rule: 'db-cpu', title: 'title of db-cpu', severity: 'medium', status: 'open' }]);
    expect(c.new).toEqual([]);
  });
  it('a finding whose severity moved is changed in severity, not new nor resolved', () => {
    const c = compareReports(report({ findings: [finding('db-cpu', 'medium')] }), report({ findings: [finding('db-cpu', 'critical')] }), 'old.json');
    expect(c.severity_changed).toEqual([expect.objectContaining({ rule: 'db-cpu', from: 'medium', severity: 'critical' })]);
    expect([c.new, c.resolved, c.status_changed]).toEqual([[], [], []]);
  });
  it('a finding whose status moved (open to addressed) is changed in status', () => {
    const c = compareReports(report({ findings: [finding('db-cpu')] }), report({ findings: [finding('db-cpu', 'high', 'addressed')] }), 'old.json');
    expect(c.status_changed).toEqual([expect.objectContaining({ rule: 'db-cpu', from: 'open', status: 'addressed' })]);
    expect(c.severity_changed).toEqual([]);
  });
  it('the stage and the dimensions that moved', () => {
    const c = compareReports(report({ stage: 'startup', dims: { traffic: 'startup' } }), report({ stage: 'growth' }), 'old.json');
    expect(c.stage).toEqual({ from: 'startup', to: 'growth' });
    expect(c.dimensions).toEqual([{ dimension: 'traffic', from: 'startup', to: 'growth' }]);
  });
  it('completeness gained: rules that can run now; lost: rules that cannot any more', () => {
    const c = compareReports(report({ missing: ['a-rule', 'b-rule'], pct: 40 }), report({ missing: ['b-rule', 'c-rule'], pct: 60 }), 'old.json');
    expect(c.completeness).toEqual({ pct: { from: 40, to: 60 }, now_evaluated: ['a-rule'], no_longer_evaluated: ['c-rule'] });
  });
  it('the same report twice changes nothing', () => {
    const r = report({ findings: [finding('db-cpu')], missing: ['a-rule'] });
    const c = compareReports(r, r, 'old.json');
    expect([c.new, c.resolved, c.severity_changed, c.status_changed, c.dimensions, c.completeness.now_evaluated]).toEqual([[], [], [], [], [], []]);
  });
});

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
// `assess` would look at the repository around the temporary directory; `check` never does.
const cli = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [BIN, ...args, '--now', '2026-12-04', ...(args[0] === 'assess' ? ['--no-detect'] : [])], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const BEFORE = `version: 1
project: { name: shop }
traffic: { peak_rps: 40, monthly_active_users: 2000 }
database: { engine: postgresql, cpu_p95_pct: 50, size_gb: 20 }
team: { engineers: 4 }
`;
const AFTER = BEFORE.replace('cpu_p95_pct: 50', 'cpu_p95_pct: 92');

describe('assess --compare and check --compare', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sa-compare-'));
  writeFileSync(join(dir, 'before.yaml'), BEFORE);
  writeFileSync(join(dir, 'scale-advise.yaml'), AFTER);

  it('names the finding that appeared since the earlier report, in text, markdown and JSON', () => {
    const first = cli(['assess', '-p', 'before.yaml', '--format', 'json', '-o', 'previous.json'], dir);
    expect(first.stderr).toBe('');
    const previous = JSON.parse(readFileSync(join(dir, 'previous.json'), 'utf8'));
    const json = cli(['assess', '--format', 'json', '--compare', 'previous.json'], dir);
    expect(json.status).toBe(0);
    const now = JSON.parse(json.stdout);
    const appeared = now.findings.map((f: F) => f.rule).filter((r: string) => !previous.findings.some((p: F) => p.rule === r));
    expect(appeared.length).toBeGreaterThan(0);
    expect(now.comparison.previous).toBe('previous.json');
    expect(now.comparison.new.map((f: F) => f.rule)).toEqual([...appeared].sort());
    const text = cli(['assess', '--compare', 'previous.json'], dir).stdout;
    expect(text).toContain('Since previous.json');
    expect(text).toContain(`New: ${[...appeared].sort()[0]}`);
    const md = cli(['assess', '--format', 'markdown', '--compare', 'previous.json'], dir).stdout;
    expect(md).toContain('## Since previous.json');
    expect(md).toContain(`- New: \`${[...appeared].sort()[0]}\``);
    const check = cli(['check', '--format', 'json', '--compare', 'previous.json'], dir);
    expect(JSON.parse(check.stdout).comparison.new.length).toBe(appeared.length);
    expect(cli(['check', '--compare', 'previous.json'], dir).stdout).toContain('Since previous.json');
  });

  it('warns on stderr when the earlier report is of another project, and compares still', () => {
    writeFileSync(join(dir, 'other.yaml'), AFTER.replace('name: shop', 'name: checkout'));
    expect(cli(['assess', '-p', 'other.yaml', '--format', 'json', '-o', 'checkout.json'], dir).status).toBe(0);
    const warning = 'scale-advise: warning: checkout.json is a report of project "checkout", not "shop": this compares two different systems\n';
    for (const command of ['assess', 'check']) {
      const r = cli([command, '--compare', 'checkout.json'], dir);
      expect(r.stderr, command).toBe(warning);
      expect(r.stdout).toContain('Since checkout.json');
    }
    // the same project, compared with its own earlier report: nothing said
    const same = cli(['assess', '--compare', 'previous.json'], dir);
    expect([same.status, same.stderr]).toEqual([0, '']);
  });

  it('compared with itself, says nothing changed', () => {
    cli(['assess', '--format', 'json', '-o', 'same.json'], dir);
    expect(cli(['assess', '--compare', 'same.json'], dir).stdout).toContain('Nothing changed');
  });

  it('refuses a report of another schema version, naming the file and where', () => {
    writeFileSync(join(dir, 'v2.json'), '{\n  "schema_version": 2,\n  "stage": {},\n  "findings": []\n}\n');
    const r = cli(['assess', '--compare', 'v2.json'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('v2.json:2:21');
    expect(r.stderr).toContain('schema_version 2');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a file that is not JSON is a located error', () => {
    writeFileSync(join(dir, 'broken.json'), '{\n  "schema_version": 1,\n  "stage": {\n}\n');
    const r = cli(['check', '--compare', 'broken.json'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\.json:\d+:\d+/);
  });
});

describe('open_since: how long a finding has been open', () => {
  const now = (rule: string, status: F['status'] = 'open') => ({ rule, status }) as Finding;
  const earlier = (findings: object[], assessed_on?: string) => ({ findings, ...(assessed_on ? { assessed_on } : {}) }) as Parameters<typeof carryOpenSince>[1];

  it('an open finding that was open before keeps the earlier day; a new one gets none (today)', () => {
    const out = carryOpenSince([now('a'), now('b')], earlier([{ rule: 'a', status: 'open', open_since: '2026-08-01' }], '2026-09-01'), '2026-10-01');
    expect(out.map((f) => f.open_since)).toEqual(['2026-08-01', undefined]);
  });
  it('from a report that carried no open_since, the earlier report\'s own day', () => {
    expect(carryOpenSince([now('a')], earlier([{ rule: 'a', status: 'open' }], '2026-09-01'), '2026-10-01')[0]!.open_since).toBe('2026-09-01');
  });
  it('from a report that carried no dates at all, none (today)', () => {
    expect(carryOpenSince([now('a')], earlier([{ rule: 'a', status: 'open' }]), '2026-10-01')[0]!.open_since).toBeUndefined();
  });
  it('a finding waived before and open now (its waiver ran out) is open since today; an expired waiver counts as open', () => {
    const before = earlier([{ rule: 'a', status: 'waived' }, { rule: 'b', status: 'expired-waiver', open_since: '2026-07-01' }], '2026-09-01');
    const out = carryOpenSince([now('a', 'expired-waiver'), now('b')], before, '2026-10-01');
    expect(out.map((f) => f.open_since)).toEqual([undefined, '2026-07-01']);
  });
  it('a finding no longer open carries nothing', () => {
    expect(carryOpenSince([now('a', 'addressed')], earlier([{ rule: 'a', status: 'open', open_since: '2026-08-01' }]), '2026-10-01')[0]!.open_since).toBeUndefined();
  });
});

describe('dates carried from report to report through --compare', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sa-open-since-'));
  // first the small system, then the example, which has all of its findings and more
  writeFileSync(join(dir, 'first.yaml'), AFTER);
  copyFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), join(dir, 'scale-advise.yaml'));
  const on = (day: string, args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--now', day], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as { assessed_on: string; findings: { rule: string; status: string; open_since: string | null }[] };
  const since = (file: string) => Object.fromEntries(read(file).findings.map((f) => [f.rule, f.open_since]));

  it('a finding keeps the day it was first seen open across assess and check runs', () => {
    expect(on('2026-11-01', ['assess', '--no-detect', '-p', 'first.yaml', '--format', 'json', '-o', 'r1.json']).status).toBe(0);
    const first = read('r1.json');
    expect(first.assessed_on).toBe('2026-11-01');
    const firstOpen = first.findings.filter((f) => f.status === 'open').map((f) => f.rule);
    expect(firstOpen.length).toBeGreaterThan(0);
    expect(on('2026-11-15', ['assess', '--no-detect', '--compare', 'r1.json', '--format', 'json', '-o', 'r2.json']).status).toBe(0);
    const second = since('r2.json');
    const kept = firstOpen.filter((r) => r in second);
    const appeared = Object.keys(second).filter((r) => !firstOpen.includes(r) && second[r] !== null);
    expect(kept.length).toBeGreaterThan(0);
    expect(appeared.length).toBeGreaterThan(0);
    for (const r of kept) expect(second[r], r).toBe('2026-11-01');
    for (const r of appeared) expect(second[r], r).toBe('2026-11-15');
    // the waived finding is not open, so it has no open_since
    expect(second['db-read-replicas']).toBeNull();
    // check keeps them too, in the JSON it writes as the next artefact
    expect(on('2026-12-01', ['check', '--compare', 'r2.json', '--format', 'json:r3.json']).status).toBe(1);
    expect(since('r3.json')).toEqual(second);
  });

  it('without --compare every open finding is open since the day of the assessment', () => {
    on('2026-11-15', ['assess', '--no-detect', '--format', 'json', '-o', 'alone.json']);
    const open = read('alone.json').findings.filter((f) => f.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    expect(new Set(open.map((f) => f.open_since))).toEqual(new Set(['2026-11-15']));
  });
});
