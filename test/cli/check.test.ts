// `scale-advise check` from the outside, as CI runs it: no TTY, CI=true,
// output piped. Every date is injected with --now.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const NOW = '2026-12-04';

function check(args: string[], cwd: string, env: Record<string, string> = {}) {
  const base = { ...process.env };
  delete base.GITHUB_ACTIONS;
  delete base.GITHUB_STEP_SUMMARY;
  const r = spawnSync(process.execPath, [BIN, 'check', '--now', NOW, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...base, NO_COLOR: '', FORCE_COLOR: '', CI: 'true', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Fires db-cpu-saturated and db-read-replicas (warning signs, high), db-slow-queries
// (warning sign, medium) and cache-missing (recommendation, high).
const PROFILE = `version: 1
adr:
  dir: docs/adr
traffic:
  monthly_active_users: 48000
  peak_rps: 800
database:
  engine: postgresql
  cpu_p95_pct: 92
  slow_queries_per_hour: 40
  read_pct: 85
  read_replicas: 0
architecture:
  cache: none
`;

function project(extra = '', base = PROFILE): string {
  const dir = mkdtempSync(join(tmpdir(), 'sa-check-'));
  writeFileSync(join(dir, 'scale-advise.yaml'), base + extra);
  return dir;
}

const waiver = (rule: string, expires: string, fact?: string) =>
  `  - rule: ${rule}\n${fact ? `    fact: ${fact}\n` : ''}    reason: Replicas come with the Aurora move.\n    owner: platform@acme.example\n    expires: ${expires}\n`;

function adr(dir: string, file: string, text: string) {
  mkdirSync(join(dir, 'docs', 'adr'), { recursive: true });
  writeFileSync(join(dir, 'docs', 'adr', file), text);
}

const record = (n: number, title: string, status: string, body: string) =>
  `# ${n}. ${title}\n\nDate: 2026-11-01\n\n## Status\n\n${status}\n\n## Context\n\n${body}\n\n## Decision\n\nWe will.\n\n## Consequences\n\nSome.\n`;

const json = (stdout: string) => JSON.parse(stdout) as { findings: { rule: string; status: string }[]; check: { passed: boolean; failing: string[]; notes: { level: string; file: string; line: number | null; message: string }[] }; summary: Record<string, number> };
const statusOf = (stdout: string, rule: string) => json(stdout).findings.find((f) => f.rule === rule)?.status;

describe('check: exit codes at each threshold', () => {
  const dir = project();
  it.each([
    { args: [], code: 1, failing: ['db-cpu-saturated', 'db-read-replicas', 'db-slow-queries'] },
    { args: ['--fail-on', 'high'], code: 1, failing: ['db-cpu-saturated', 'db-read-replicas'] },
    { args: ['--fail-on', 'critical'], code: 0, failing: [] },
    { args: ['--fail-on', 'high', '--fail-on-kind', 'recommendation'], code: 1, failing: ['cache-missing'] },
    { args: ['--fail-on', 'high', '--fail-on-kind', 'pitfall'], code: 0, failing: [] },
  ])('$args exits $code', ({ args, code, failing }) => {
    const r = check([...args, '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(code);
    expect(json(r.stdout).check.failing.sort()).toEqual(failing);
    expect(json(r.stdout).check.passed).toBe(code === 0);
  });

  it('never fails on recommendations unless asked', () => {
    const r = check(['--fail-on', 'low', '--format', 'json'], project(`waivers:\n${waiver('db-cpu-saturated', '2027-01-31')}${waiver('db-read-replicas', '2027-01-31')}${waiver('db-slow-queries', '2027-01-31')}`));
    expect(r.code, r.stderr).toBe(0);
    expect(statusOf(r.stdout, 'cache-missing')).toBe('open');
  });

  it('rejects a misspelt kind and severity with a suggestion (exit 2)', () => {
    expect(check(['--fail-on-kind', 'warning-signs'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/did you mean "warning-sign"/) });
    expect(check(['--fail-on', 'hgh'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/did you mean "high"/) });
  });
});

describe('check: waivers', () => {
  const all = (expires: string) => waiver('db-cpu-saturated', expires) + waiver('db-read-replicas', expires) + waiver('db-slow-queries', expires);

  it('passes while every failing finding has a live waiver, and fails again the day after expiry', () => {
    const dir = project(`waivers:\n${all('2027-01-31')}`);
    const live = check(['--format', 'json'], dir);
    expect(live.code, live.stderr).toBe(0);
    expect(statusOf(live.stdout, 'db-read-replicas')).toBe('waived');
    const lastDay = check(['--format', 'json', '--now', '2027-01-31'], dir);
    expect(lastDay.code).toBe(0);
    const after = check(['--format', 'json', '--now', '2027-02-01'], dir);
    expect(after.code).toBe(1);
    expect(statusOf(after.stdout, 'db-read-replicas')).toBe('expired-waiver');
    expect(json(after.stdout).check.failing).toContain('db-read-replicas');
  });

  it('warns of a waiver that ends within 14 days, without failing', () => {
    const r = check([], project(`waivers:\n${all('2026-12-10')}`));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/scale-advise\.yaml:\d+:\d+: the waiver for db-cpu-saturated expires in 6 days \(2026-12-10\)/);
    const farther = check([], project(`waivers:\n${all('2026-12-19')}`));
    expect(farther.stdout).not.toMatch(/expires in/);
  });

  it('reports a stale waiver whose rule no longer fires', () => {
    const r = check(['--format', 'json'], project(`waivers:\n${waiver('db-write-bound', '2027-01-31')}`));
    const stale = json(r.stdout).check.notes.find((n) => /db-write-bound/.test(n.message));
    expect(stale).toMatchObject({ level: 'warning', file: 'scale-advise.yaml', message: expect.stringMatching(/stale: the rule no longer fires/) });
    expect(stale!.line).toBeGreaterThan(14);
  });

  it('covers only the named fact when a waiver names one', () => {
    const other = check(['--format', 'json'], project(`waivers:\n${waiver('db-read-replicas', '2027-01-31', 'architecture.components')}`));
    expect(statusOf(other.stdout, 'db-read-replicas')).toBe('open');
    const same = check(['--format', 'json'], project(`waivers:\n${waiver('db-read-replicas', '2027-01-31', 'database.read_replicas')}`));
    expect(statusOf(same.stdout, 'db-read-replicas')).toBe('waived');
  });

  it('ignores every waiver in an audit run (--no-waivers)', () => {
    const r = check(['--no-waivers', '--format', 'json'], project(`waivers:\n${all('2027-01-31')}`));
    expect(r.code).toBe(1);
    expect(statusOf(r.stdout, 'db-read-replicas')).toBe('open');
  });

  it.each([
    { name: 'an unknown rule id, with the closest one', waivers: waiver('db-read-replica', '2027-01-31'), error: /scale-advise\.yaml:16:11: `waivers\[0\]\.rule` names no rule: db-read-replica \(did you mean `db-read-replicas`\?\)/ },
    { name: 'a waiver longer than 180 days', waivers: waiver('db-read-replicas', '2027-06-30'), error: /scale-advise\.yaml:19:14: `waivers\[0\]\.expires` is 208 days ahead; a waiver may run at most 180 days \(until 2027-06-02\)/ },
    { name: 'a waiver with no expiry', waivers: '  - rule: db-read-replicas\n    reason: r\n    owner: o\n', error: /scale-advise\.yaml:16:5: `waivers\[0\]` is missing the required field `expires`/ },
  ])('refuses $name at file:line:col (exit 2)', ({ waivers, error }) => {
    const r = check([], project(`waivers:\n${waivers}`));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(error);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('takes the maximum length from --max-waiver-days', () => {
    const dir = project(`waivers:\n${waiver('db-read-replicas', '2027-01-31')}`);
    expect(check(['--max-waiver-days', '30'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/58 days ahead; a waiver may run at most 30 days/) });
  });

  it('reads waivers from a separate file and points into it', () => {
    const dir = project();
    writeFileSync(join(dir, 'waivers.yaml'), `waivers:\n${waiver('db-cpu-saturated', '2027-01-31')}`);
    const r = check(['--waivers', 'waivers.yaml', '--format', 'json'], dir);
    expect(statusOf(r.stdout, 'db-cpu-saturated')).toBe('waived');
    writeFileSync(join(dir, 'bad.yaml'), `waivers:\n${waiver('db-cpu-saturatd', '2027-01-31')}`);
    expect(check(['--waivers', 'bad.yaml'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/bad\.yaml:2:11: .*names no rule: db-cpu-saturatd.*did you mean `db-cpu-saturated`/) });
    writeFileSync(join(dir, 'mixed.yaml'), `traffic:\n  peak_rps: 1\nwaivers: []\n`);
    expect(check(['--waivers', 'mixed.yaml'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/mixed\.yaml:1:1: a waiver file holds only `waivers:`; found `traffic`/) });
  });
});

describe('check: one component at a time', () => {
  // extract-cpu-heavy-component (a recommendation) fires for reporting and for search.
  const components = (extra = '') =>
    project(`team:\n  engineers: 12\n  teams: 2\narchitecture:\n  services: 1\n  components:\n    - name: reporting\n      cpu_share_pct: 45\n    - name: search\n      cpu_share_pct: 40\n    - name: payments\n      cpu_share_pct: 5\n${extra}`, PROFILE.replace('architecture:\n  cache: none\n', ''));
  const gate = ['--fail-on-kind', 'recommendation', '--fail-on', 'medium', '--format', 'json'];
  const rule = 'extract-cpu-heavy-component';
  const finding = (stdout: string) => (JSON.parse(stdout) as { findings: { rule: string; status: string; components?: string[] }[] }).findings.find((f) => f.rule === rule)!;

  it('names the components a finding is about', () => {
    expect(finding(check(gate, components()).stdout).components).toEqual(['reporting', 'search']);
  });

  it('waives the finding only when every component it is about is waived', () => {
    const one = check(gate, components(`waivers:\n${waiver(rule, '2027-01-31', 'architecture.components[reporting]')}`));
    expect(finding(one.stdout).status).toBe('open');
    const both = check(gate, components(`waivers:\n${waiver(rule, '2027-01-31', 'architecture.components[reporting]')}${waiver(rule, '2027-01-31', 'architecture.components[search]')}`));
    expect(finding(both.stdout).status).toBe('waived');
    const all = check(gate, components(`waivers:\n${waiver(rule, '2027-01-31', 'architecture.components')}`));
    expect(finding(all.stdout).status).toBe('waived');
  });

  it('baselines each component, so a new component firing the same rule fails', () => {
    const dir = components();
    expect(check(['--update-baseline', ...gate], dir).code).toBe(0);
    expect(readFileSync(join(dir, '.scale-advise-baseline.json'), 'utf8')).toContain('{"rule":"extract-cpu-heavy-component","fact":"architecture.components[search]"}');
    expect(finding(check(['--baseline', ...gate], dir).stdout).status).toBe('baselined');
    const profile = readFileSync(join(dir, 'scale-advise.yaml'), 'utf8');
    writeFileSync(join(dir, 'scale-advise.yaml'), profile.replace('name: payments\n      cpu_share_pct: 5', 'name: payments\n      cpu_share_pct: 50'));
    const r = check(['--baseline', ...gate], dir);
    expect(r.code).toBe(1);
    expect(finding(r.stdout)).toMatchObject({ status: 'open', components: ['reporting', 'search', 'payments'] });
  });
});

describe('check: decision records', () => {
  it('counts an ADR as addressing its rule, and stops when it is superseded by one that does not', () => {
    const dir = project();
    adr(dir, '0001-add-read-replicas.md', record(1, 'Add read replicas', 'Accepted', 'Addresses: db-read-replicas'));
    const before = check(['--format', 'json'], dir);
    expect(statusOf(before.stdout, 'db-read-replicas')).toBe('addressed');
    adr(dir, '0001-add-read-replicas.md', record(1, 'Add read replicas', 'Superseded by [2. Move to Aurora](0002-move-to-aurora.md)', 'Addresses: db-read-replicas'));
    adr(dir, '0002-move-to-aurora.md', record(2, 'Move to Aurora', 'Accepted\n\nSupersedes [1. Add read replicas](0001-add-read-replicas.md)', 'A managed cluster.'));
    const after = check(['--format', 'json'], dir);
    expect(statusOf(after.stdout, 'db-read-replicas')).toBe('open');
    expect(json(after.stdout).check.failing).toContain('db-read-replicas');
  });

  it('warns of a passed review-by date, and fails on it only with --fail-on-review', () => {
    const dir = project(`waivers:\n${waiver('db-cpu-saturated', '2027-01-31')}${waiver('db-slow-queries', '2027-01-31')}`);
    adr(dir, '0001-add-read-replicas.md', record(1, 'Add read replicas', 'Accepted', 'Addresses: db-read-replicas\n\nReview-by: 2026-12-01'));
    const r = check([], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/warning docs\/adr\/0001-add-read-replicas\.md:1:1: decision 1 "Add read replicas" was due for review by 2026-12-01/);
    expect(check(['--fail-on-review'], dir).code).toBe(1);
    expect(check(['--fail-on-review', '--now', '2026-12-01'], dir).code).toBe(0);
  });
});

describe('check: the baseline', () => {
  it('records open findings sorted, fails only on new ones, and reports entries that no longer fire', () => {
    const dir = project();
    const update = check(['--update-baseline', '--format', 'json'], dir);
    expect(update.code, update.stderr).toBe(0);
    const file = join(dir, '.scale-advise-baseline.json');
    const entries = (JSON.parse(readFileSync(file, 'utf8')) as { entries: { rule: string; fact: string }[] }).entries;
    expect(entries).toEqual([
      { rule: 'cache-missing', fact: 'architecture.cache' },
      { rule: 'db-cpu-saturated', fact: 'database.cpu_p95_pct' },
      { rule: 'db-read-replicas', fact: 'database.read_pct' },
      { rule: 'db-slow-queries', fact: 'database.slow_queries_per_hour' },
    ]);
    expect(statusOf(update.stdout, 'db-cpu-saturated')).toBe('baselined');

    expect(check(['--baseline'], dir).code).toBe(0);
    expect(check([], dir).code).toBe(1); // without --baseline, every open finding counts

    // Fix one finding, add a new one: the new one fails, the gone entry is reported for pruning.
    writeFileSync(join(dir, 'scale-advise.yaml'), PROFILE.replace('slow_queries_per_hour: 40', 'slow_queries_per_hour: 0').replace('read_replicas: 0', 'read_replicas: 0\n  lock_incidents_30d: 6'));
    const r = check(['--baseline', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(json(r.stdout).check.failing).toEqual(['db-lock-contention']);
    expect(json(r.stdout).check.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/baseline entry db-slow-queries \(database\.slow_queries_per_hour\) no longer fires/));
    expect(check(['--baseline', '--no-waivers'], dir).code).toBe(1);
  });

  it('refuses to record a baseline in an audit run', () => {
    expect(check(['--update-baseline', '--no-waivers'], project())).toMatchObject({ code: 2, stderr: expect.stringMatching(/--update-baseline .* --no-waivers/) });
  });

  it('says how to make a baseline when --baseline finds none', () => {
    expect(check(['--baseline'], project())).toMatchObject({ code: 2, stderr: expect.stringMatching(/no baseline at \.scale-advise-baseline\.json; record one with `scale-advise check --update-baseline`/) });
  });
});

describe('check: formats in CI', () => {
  it('writes several formats in one run, and the piped text whole', () => {
    const dir = project();
    const r = check(['--format', 'sarif:out.sarif', '--format', 'junit:out.xml', '--format', 'text', '--verbose'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'out.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(r.stdout).toMatch(/^scale-advise · scale-advise\.yaml/);
    expect(r.stdout.trimEnd()).toMatch(/check failed: 3 open findings among warning-sign, pitfall at medium or above\.$/);
    const toFile = check(['--format', 'text:out.txt', '--verbose'], dir);
    expect(toFile.stdout).toBe('');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(r.stdout);
    expect(check(['--format', 'sarif:out.sarif'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/out\.sarif already exists; pass --force/) });
    // Nothing is written when one of the files exists: not even the reports before it.
    expect(check(['--format', 'json:new.json', '--format', 'sarif:out.sarif'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/out\.sarif already exists/) });
    expect(existsSync(join(dir, 'new.json'))).toBe(false);
    expect(check(['--format', 'json:new.json', '--format', 'sarif:out.sarif', '--force'], dir).code).toBe(1);
  });

  it('refuses two formats on stdout and an unknown format', () => {
    const dir = project();
    expect(check(['--format', 'text', '--format', 'json'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/only one format can go to stdout/) });
    expect(check(['--format', 'sarf'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/did you mean "sarif"/) });
  });

  it('prints GitHub annotations inside GitHub Actions and appends a step summary', () => {
    const dir = project();
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const r = check([], dir, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=scale-advise\.yaml,line=9,col=16,title=db-cpu-saturated \(warning-sign%2C high\)::The primary database runs at 92%25 CPU at the 95th percentile/m);
    expect(r.stdout).toMatch(/^::warning file=scale-advise\.yaml,line=14,col=10,title=cache-missing/m);
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# Earlier step\n')).toBe(true);
    expect(md).toMatch(/## scale-advise check: failed/);
    expect(md).toMatch(/\| high \| warning-sign \| `db-cpu-saturated` \| open \|/);
  });

  it('leaves no report behind when the input is wrong', () => {
    const dir = project('waivers:\n' + waiver('nope', '2027-01-01'));
    expect(check(['--format', 'sarif:out.sarif'], dir).code).toBe(2);
    expect(existsSync(join(dir, 'out.sarif'))).toBe(false);
  });
});

describe('check: decision records that collide', () => {
  it('warns when two records share a number, as parallel branches leave them, without failing the gate', () => {
    const dir = project();
    adr(dir, '0001-use-postgres.md', record(1, 'Use Postgres', 'Accepted', 'We need a database.'));
    adr(dir, '0002-add-a-cache.md', record(2, 'Add a cache', 'Proposed', 'Reads are slow.\n\nAddresses: cache-missing'));
    adr(dir, '0002-add-read-replicas.md', record(2, 'Add read replicas', 'Accepted', 'Reads are slow.\n\nAddresses: db-read-replicas, db-cpu-saturated, db-slow-queries'));
    const text = check(['--format', 'text'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/docs\/adr\/0002-add-a-cache\.md:1:1: decision number 2 is also used by docs\/adr\/0002-add-read-replicas\.md; references to it are ambiguous/);
    const gh = check(['--format', 'github'], dir);
    expect(gh.stdout).toMatch(/::warning file=docs\/adr\/0002-add-a-cache\.md,line=1.*decision number 2/);
  });
});
