// `scale-advise adr` from the outside: what users and CI see.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';
import { checkMadr } from '../../src/decisions/adr/madr-check.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const EXAMPLE = join(ROOT, 'examples', 'scale-advise.yaml');

/** The example profile, copied into `cwd`: a profile's records are found from its own folder. */
function exampleIn(cwd: string): string {
  copyFileSync(EXAMPLE, join(cwd, 'scale-advise.yaml'));
  return 'scale-advise.yaml';
}
const ENV = { NO_COLOR: '', FORCE_COLOR: '', ADR_DATE: '2024-06-01' };

function sa(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...ENV } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh repository (a `.git` folder bounds the search for ADR directories). */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sa-adr-cli-'));
  mkdirSync(join(dir, '.git'));
  return dir;
}

describe('scale-advise adr', () => {
  it('init, new, list as text and JSON', () => {
    const cwd = repo();
    expect(sa(['adr', 'init'], cwd)).toMatchObject({ code: 0, stdout: 'doc/adr/0001-record-architecture-decisions.md\n' });
    expect(sa(['adr', 'new', 'Use', 'PostgreSQL'], cwd)).toMatchObject({ code: 0, stdout: 'doc/adr/0002-use-postgresql.md\n' });
    const text = sa(['adr', 'list'], cwd);
    expect(text.stdout).toBe('1  accepted    Record architecture decisions\n2  accepted    Use PostgreSQL\n');
    const json = JSON.parse(sa(['adr', 'list', '--format', 'json'], cwd).stdout);
    expect(json.records[1]).toMatchObject({ number: 2, title: 'Use PostgreSQL', status: 'accepted', date: '2024-06-01', file: 'doc/adr/0002-use-postgresql.md', addresses: [] });
    expect(readFileSync(join(cwd, 'doc/adr/0002-use-postgresql.md'), 'utf8')).toMatch(/^# 2\. Use PostgreSQL\n\nDate: 2024-06-01\n\n## Status\n\nAccepted\n\n## Context\n\n/);
  });

  it('init DIR writes .adr-dir as adr-tools does; --format madr writes MADR', () => {
    const cwd = repo();
    expect(sa(['adr', 'init', 'architecture/decisions'], cwd).stdout).toBe('.adr-dir\narchitecture/decisions/0001-record-architecture-decisions.md\n');
    expect(readFileSync(join(cwd, '.adr-dir'), 'utf8')).toBe('architecture/decisions\n');
    expect(sa(['adr', 'new', 'Next'], join(cwd, 'architecture')).stdout).toBe('decisions/0002-next.md\n');
    const m = repo();
    // MADR's own directory starts at 0000, as MADR's first record does
    expect(sa(['adr', 'init', '--format', 'madr'], m).stdout).toBe('docs/decisions/0000-use-markdown-architectural-decision-records.md\n');
    expect(checkMadr(readFileSync(join(m, 'docs/decisions/0000-use-markdown-architectural-decision-records.md'), 'utf8'))).toEqual([]);
    expect(sa(['adr', 'new', 'Next'], m).stdout).toBe('docs/decisions/0001-next.md\n');
    // a directory of the user's own naming keeps adr-tools' numbering
    expect(sa(['adr', 'init', '--format', 'madr', 'decisions'], repo()).stdout).toBe('decisions/0001-record-architecture-decisions.md\n');
    expect(sa(['adr', 'init', '--format', 'yaml'], m)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--format must be one of nygard, madr/) });
  });

  it('from RULE pre-fills the record from the finding and links it to the rule', () => {
    const cwd = repo();
    sa(['adr', 'init'], cwd);
    const r = sa(['adr', 'from', 'db-read-replicas', '--profile', exampleIn(cwd)], cwd);
    expect(r).toMatchObject({ code: 0, stdout: 'doc/adr/0002-scale-database-reads-with-read-replicas.md\n' });
    const text = readFileSync(join(cwd, 'doc/adr/0002-scale-database-reads-with-read-replicas.md'), 'utf8');
    expect(text).toMatch(/## Status\n\nProposed\n\n## Context\n\nAddresses: db-read-replicas\n\nThe primary database runs at 92% CPU/);
    expect(text).toMatch(/\* `database\.cpu_p95_pct` is `92` \(declared, .*scale-advise\.yaml:\d+:\d+\)/);
    expect(text).toMatch(/Decision drivers:\n\n\* primary CPU at peak/);
    expect(text).toMatch(/\* Read replicas with read\/write splitting\n  \* Pro: offloads most reads/);
    expect(text).toMatch(/  \* Con: replication lag/);
    expect(text).toMatch(/Sources \(`db-read-replicas`\):\n\n\* _Scaling Software Architecture: From Startup to Enterprise_: /);
    expect(text).toMatch(/\* _Building Scalable Architectures: From MVP to Enterprise_ \(Holgrex Platform Engineering, 2025-01-22\): /);
    expect(text).toMatch(/## Consequences\n\n\* Queries must be classified/);
    const list = JSON.parse(sa(['adr', 'list', '-f', 'json'], cwd).stdout);
    expect(list.records[1]).toMatchObject({ status: 'proposed', addresses: ['db-read-replicas'] });
    // a second record for the same rule needs --force
    expect(sa(['adr', 'from', 'db-read-replicas', '--profile', exampleIn(cwd)], cwd)).toMatchObject({ code: 2, stderr: expect.stringMatching(/ADR 2 .* already addresses db-read-replicas; pass --force/) });
  });

  it('from RULE for a rule that does not fire says so in the record', () => {
    const cwd = repo();
    writeFileSync(join(cwd, 'scale-advise.yaml'), 'version: 1\ntraffic: { monthly_active_users: 48000 }\ndatabase: { cpu_p95_pct: 20, read_pct: 50, read_replicas: 2 }\n');
    const r = sa(['adr', 'from', 'db-read-replicas'], cwd);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/db-read-replicas does not fire/);
    const text = readFileSync(join(cwd, r.stdout.trim()), 'utf8');
    expect(text).toMatch(/did not fire on scale-advise\.yaml/);
    expect(text).toMatch(/Addresses: db-read-replicas/);
  });

  it('from with an unknown rule exits 2 with a suggestion', () => {
    const r = sa(['adr', 'from', 'db-read-replicaz', '--profile', EXAMPLE], repo());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule "db-read-replicaz"; did you mean "db-read-replicas"\?/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('from --all-open writes one record per open finding and skips those already addressed', () => {
    const cwd = repo();
    sa(['adr', 'init', '--format', 'madr'], cwd);
    sa(['adr', 'from', 'db-cpu-saturated', '--profile', exampleIn(cwd)], cwd);
    const r = sa(['adr', 'from', '--all-open', '--yes', '--profile', exampleIn(cwd)], cwd);
    expect(r.code).toBe(0);
    const files = r.stdout.trim().split('\n');
    // The record written first addresses its finding, which is no longer open: no second record for it.
    for (const f of files) expect(readFileSync(join(cwd, f), 'utf8'), f).not.toMatch(/- db-cpu-saturated\n/);
    expect(files.length).toBeGreaterThan(3);
    // the example waives db-read-replicas: a live waiver is not an open finding
    expect(files.join('\n')).not.toMatch(/read-replicas/);
    for (const f of files) expect(checkMadr(readFileSync(join(cwd, f), 'utf8')), f).toEqual([]);
    const again = sa(['adr', 'from', '--all-open', '--yes', '--profile', exampleIn(cwd)], cwd);
    expect(again).toMatchObject({ code: 0, stdout: '' });
    expect(again.stderr).toMatch(/No open finding without a record/);
  });

  it("finds a profile's records from the profile's folder, so what adr from writes is what check reads", () => {
    // A monorepo: records for the whole repository at its root, and a service with a profile and records of its own.
    const root = repo();
    sa(['adr', 'init'], root);
    const service = join(root, 'services', 'api');
    mkdirSync(service, { recursive: true });
    copyFileSync(EXAMPLE, join(service, 'scale-advise.yaml'));
    expect(sa(['adr', 'init', 'doc/adr'], service)).toMatchObject({ code: 0, stdout: 'doc/adr/0001-record-architecture-decisions.md\n' });
    const profile = ['--profile', 'services/api/scale-advise.yaml'];
    const statusOf = (rule: string) => JSON.parse(sa(['check', ...profile, '--format', 'json', '--now', '2026-12-04'], root).stdout).findings.find((f: { rule: string }) => f.rule === rule)?.status;
    expect(statusOf('db-cpu-saturated')).toBe('open');
    expect(sa(['adr', 'from', 'db-cpu-saturated', ...profile], root)).toMatchObject({ code: 0, stdout: 'services/api/doc/adr/0002-bring-primary-database-cpu-back-under-control.md\n' });
    expect(statusOf('db-cpu-saturated')).toBe('addressed');
    expect(sa(['adr', 'list', ...profile], root).stdout).toMatch(/^1 .*\n2 .*Bring primary database CPU back under control {2}\[db-cpu-saturated\]\n$/);
    // Without a profile the working directory's records are the ones meant.
    expect(sa(['adr', 'list'], root).stdout).toBe('1  accepted    Record architecture decisions\n');
    // --dir names another directory: records already there are skipped, not written twice.
    const other = sa(['adr', 'from', '--all-open', '--yes', ...profile, '--dir', 'services/api/doc/adr'], root);
    expect(other.code).toBe(0);
    expect(other.stdout).not.toMatch(/cpu/);
  });

  it('supersede and link update both records; index writes a TOC and a Mermaid graph', () => {
    const cwd = repo();
    sa(['adr', 'init'], cwd);
    sa(['adr', 'new', 'Use MySQL'], cwd);
    expect(sa(['adr', 'supersede', '2', 'Use', 'Postgres'], cwd).stdout).toBe('doc/adr/0003-use-postgres.md\n');
    expect(sa(['adr', 'link', '3', 'Amends', '1', 'Amended by'], cwd).code).toBe(0);
    const old = readFileSync(join(cwd, 'doc/adr/0002-use-mysql.md'), 'utf8');
    expect(old).toContain('## Status\n\nSuperseded by [3. Use Postgres](0003-use-postgres.md)\n\n## Context');
    const neu = readFileSync(join(cwd, 'doc/adr/0003-use-postgres.md'), 'utf8');
    expect(neu).toContain('## Status\n\nAccepted\n\nSupersedes [2. Use MySQL](0002-use-mysql.md)\n\nAmends [1. Record architecture decisions](0001-record-architecture-decisions.md)\n\n## Context');
    expect(sa(['adr', 'index'], cwd)).toMatchObject({ code: 0, stdout: 'doc/adr/README.md\n' });
    const index = readFileSync(join(cwd, 'doc/adr/README.md'), 'utf8');
    expect(index).toMatch(/^<!-- Generated by scale-advise adr index/);
    expect(index).toContain('| 2 | [Use MySQL](0002-use-mysql.md) | Superseded by [3](0003-use-postgres.md) |');
    expect(index).toContain('```mermaid\ngraph LR');
    expect(index).toContain('adr3 -->|Supersedes| adr2');
    expect(index).toContain('adr3 -->|Amends| adr1');
    expect(index).not.toMatch(/by\| adr|Amended\|/);
    expect(index.match(/ -->\|/g)).toHaveLength(2);
    // regenerating our own file is fine; a file we did not write needs --force
    expect(sa(['adr', 'index'], cwd).code).toBe(0);
    writeFileSync(join(cwd, 'doc/adr/README.md'), '# Our own notes\n');
    expect(sa(['adr', 'index'], cwd)).toMatchObject({ code: 2, stderr: expect.stringMatching(/was not written by `scale-advise adr index`; pass --force/) });
    expect(readFileSync(join(cwd, 'doc/adr/README.md'), 'utf8')).toBe('# Our own notes\n');
    expect(sa(['adr', 'index', '--name', 'index.md'], cwd).stdout).toBe('doc/adr/index.md\n');
    expect(sa(['adr', 'index', '--force'], cwd).code).toBe(0);
  });

  it('an unknown record reference exits 2', () => {
    const cwd = repo();
    sa(['adr', 'init'], cwd);
    expect(sa(['adr', 'supersede', '9', 'X'], cwd)).toMatchObject({ code: 2, stderr: expect.stringMatching(/no ADR matches "9"/) });
    expect(sa(['adr', 'list'], repo())).toMatchObject({ code: 2, stderr: expect.stringMatching(/does not exist; `scale-advise adr init` creates it/) });
  });

  it('hostile titles stay inside the directory', () => {
    const cwd = repo();
    sa(['adr', 'init'], cwd);
    expect(sa(['adr', 'new', '../../etc/passwd'], cwd).stdout).toBe('doc/adr/0002-etc-passwd.md\n');
    expect(sa(['adr', 'new', 'y'.repeat(500)], cwd).stdout).toBe(`doc/adr/0003-${'y'.repeat(60)}.md\n`);
    expect(sa(['adr', 'new', '日本語 ✓'], cwd).stdout).toBe('doc/adr/0004-untitled.md\n');
    expect(readFileSync(join(cwd, 'doc/adr/0004-untitled.md'), 'utf8')).toMatch(/^# 4\. 日本語 ✓\n/);
    expect(readdirSync(join(cwd, 'doc', 'adr')).sort()).toEqual(['0001-record-architecture-decisions.md', '0002-etc-passwd.md', `0003-${'y'.repeat(60)}.md`, '0004-untitled.md']);
  });

  it('a directory that cannot be written is a clear error, exit 2, no stack trace', () => {
    const cwd = repo();
    writeFileSync(join(cwd, 'blocker'), '');
    // A path below a regular file fails for every user, root included.
    const r = sa(['adr', 'new', '--dir', 'blocker/adr', 'X'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^scale-advise: cannot create the ADR directory .*blocker\/adr: a part of the path is a file, not a directory\n$/);
    // And a directory made read-only (binding only where mode bits bind, i.e. not as root).
    const ro = join(cwd, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const asRoot = process.getuid?.() === 0;
    const r2 = sa(['adr', 'new', '--dir', 'ro', 'X'], cwd);
    if (!asRoot) {
      expect(r2.code).toBe(2);
      expect(r2.stderr).toMatch(/permission denied/);
    }
  });

  it('loads Handlebars only for commands that write a record', () => {
    const cwd = repo();
    const hook = join(cwd, 'hook.cjs');
    writeFileSync(hook, "process.on('exit', () => process.stderr.write('handlebars loaded: ' + Object.keys(require.cache).some((k) => /[\\\\/]node_modules[\\\\/]handlebars[\\\\/]/.test(k)) + '\\n'));\n");
    const run = (args: string[]) => spawnSync(process.execPath, ['-r', hook, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...ENV } }).stderr;
    expect(run(['assess', '--profile', EXAMPLE, '--format', 'json'])).toContain('handlebars loaded: false');
    expect(run(['adr', 'new', 'X'])).toContain('handlebars loaded: true');
    expect(run(['adr', 'list'])).toContain('handlebars loaded: false');
  });

  it('concurrent `adr new` runs each get their own number, and nothing is lost', async () => {
    const cwd = repo();
    sa(['adr', 'init'], cwd);
    const N = 8;
    const runs = Array.from({ length: N }, (_, i) =>
      new Promise<{ code: number | null; out: string }>((done) => {
        const p = spawn(process.execPath, [BIN, 'adr', 'new', `Parallel ${i}`], { cwd, env: { ...process.env, ...ENV } });
        let out = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.on('close', (code) => done({ code, out }));
      }),
    );
    const results = await Promise.all(runs);
    expect(results.map((r) => r.code)).toEqual(Array(N).fill(0));
    const files = readdirSync(join(cwd, 'doc', 'adr')).filter((f) => /^\d{4}-parallel-\d\.md$/.test(f));
    expect(files).toHaveLength(N);
    const numbers = files.map((f) => Number(f.slice(0, 4))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: N }, (_, i) => i + 2));
    const titles = files.map((f) => readFileSync(join(cwd, 'doc', 'adr', f), 'utf8').split('\n')[0]!.replace(/^# \d+\. /, '')).sort();
    expect(titles).toEqual(Array.from({ length: N }, (_, i) => `Parallel ${i}`));
    expect(readdirSync(join(cwd, 'doc', 'adr')).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
