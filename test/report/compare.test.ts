// What changed between two reports: each transition a finding, the stage and completeness can make.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareReports, type ComparableReport } from '../../src/report/compare.js';
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
