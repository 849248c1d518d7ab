// Two branches that each add "the next" ADR merge cleanly and leave two
// records with one number. These tests build that history with real git,
// catch it with `adr lint --base main`, fix it with `adr renumber`, and
// check every link with lint and with adr-tools' own toc and graph.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const ENV = {
  ...process.env,
  ADR_DATE: '2024-06-01',
  NO_COLOR: '1',
  EDITOR: 'true',
  VISUAL: 'true',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};
const hasGit = spawnSync('git', ['--version']).status === 0;
const hasAdrTools = spawnSync('adr', ['help'], { encoding: 'utf8' }).status === 0;
const inCi = Boolean(process.env.CI);

function sh(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: ENV });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
  return r.stdout;
}
const git = (cwd: string, ...args: string[]) => sh('git', args, cwd);
function sa(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const ok = (cwd: string, ...args: string[]) => {
  const r = sa(cwd, ...args);
  if (r.code !== 0) throw new Error(`scale-advise ${args.join(' ')} exited ${r.code}: ${r.stderr}${r.stdout}`);
  return r.stdout;
};
const commit = (cwd: string, message: string) => {
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '-m', message);
};

/** main: records 1-2. feature adds 3 (amending 2) and an index; main meanwhile adds 3 and a 4 that supersedes 2. */
function nygardHistory(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'sa-adr-git-'));
  git(cwd, 'init', '-q', '-b', 'main');
  ok(cwd, 'adr', 'init');
  ok(cwd, 'adr', 'new', 'Use', 'MySQL');
  commit(cwd, 'first records');
  git(cwd, 'checkout', '-q', '-b', 'feature');
  expect(ok(cwd, 'adr', 'new', 'Use', 'Kafka')).toBe('doc/adr/0003-use-kafka.md\n');
  ok(cwd, 'adr', 'link', '3', 'Amends', '2', 'Amended by');
  ok(cwd, 'adr', 'index');
  commit(cwd, 'feature: Kafka');
  git(cwd, 'checkout', '-q', 'main');
  expect(ok(cwd, 'adr', 'new', 'Use', 'Redis')).toBe('doc/adr/0003-use-redis.md\n');
  ok(cwd, 'adr', 'supersede', '2', 'Use', 'Postgres');
  commit(cwd, 'main: Redis, Postgres');
  git(cwd, 'checkout', '-q', 'feature');
  return cwd;
}

/** adr-tools' view: every graph edge joins declared nodes, each number is declared once, the toc numbers match the files. */
function checkWithAdrTools(cwd: string): string {
  const graph = sh('adr', ['generate', 'graph'], cwd);
  const nodes = [...graph.matchAll(/^\s+_(\d+) \[label="(\d+)\. /gm)].map((m) => m[1]!);
  expect(new Set(nodes).size, graph).toBe(nodes.length);
  for (const m of graph.matchAll(/^\s+_(\d+) -> _(\d+) \[label="([^"]+)"/gm)) {
    expect(nodes, `${m[0]} in\n${graph}`).toContain(m[1]);
    expect(nodes, `${m[0]} in\n${graph}`).toContain(m[2]);
  }
  const toc = sh('adr', ['generate', 'toc'], cwd);
  const entries = [...toc.matchAll(/^\* \[(\d+)\. [^\]]+\]\((\d+)-[^)]+\.md\)$/gm)];
  expect(entries.length).toBe(readdirSync(join(cwd, 'doc', 'adr')).filter((f) => /^\d{4}-.*\.md$/.test(f)).length);
  for (const m of entries) expect(Number(m[1]), m[0]).toBe(Number(m[2]));
  return graph;
}

describe.skipIf(!(hasGit && hasAdrTools) && !inCi)('ADR numbers across branches (real git)', () => {
  it('git and adr-tools are installed (required under CI)', () => {
    expect(hasGit, 'install git').toBe(true);
    expect(hasAdrTools, 'install the Debian package adr-tools').toBe(true);
  });

  it('lint --base main catches the number main took meanwhile; renumber --base main moves the record and its links', () => {
    const cwd = nygardHistory();
    // On its own the branch looks sound: the collision only shows against main.
    expect(sa(cwd, 'adr', 'lint', '--now', '2024-06-01')).toMatchObject({ code: 0 });
    const caught = sa(cwd, 'adr', 'lint', '--base', 'main', '--now', '2024-06-01');
    expect(caught.code).toBe(1);
    expect(caught.stdout).toContain('doc/adr/0003-use-kafka.md:1:1: error: number 3 is taken on main by 0003-use-redis.md; `scale-advise adr renumber 0003-use-kafka --base main` moves this record to a number free on both [number-taken-on-base]');
    const json = JSON.parse(sa(cwd, 'adr', 'lint', '--base', 'main', '--format', 'json').stdout);
    expect(json.problems.map((p: { code: string }) => p.code)).toEqual(['number-taken-on-base']);

    const moved = sa(cwd, 'adr', 'renumber', '3', '--base', 'main');
    expect(moved).toMatchObject({ code: 0, stdout: 'doc/adr/0005-use-kafka.md\n' });
    expect(moved.stderr).toBe('0003-use-kafka.md is now 0005-use-kafka.md; links updated in doc/adr/0002-use-mysql.md, doc/adr/README.md\n');
    expect(readFileSync(join(cwd, 'doc/adr/0005-use-kafka.md'), 'utf8')).toMatch(/^# 5\. Use Kafka\n[\s\S]*\nAmends \[2\. Use MySQL\]\(0002-use-mysql\.md\)\n/);
    expect(readFileSync(join(cwd, 'doc/adr/0002-use-mysql.md'), 'utf8')).toContain('Amended by [5. Use Kafka](0005-use-kafka.md)');
    expect(readFileSync(join(cwd, 'doc/adr/README.md'), 'utf8')).toContain('| 5 | [Use Kafka](0005-use-kafka.md) |');
    expect(sa(cwd, 'adr', 'lint', '--base', 'main', '--now', '2024-06-01')).toMatchObject({ code: 0, stdout: '3 records in doc/adr: no problems\n' });
    commit(cwd, 'feature: renumber');

    // The merge is clean, and the merged directory is sound once the index is written again.
    git(cwd, 'merge', '-q', '--no-edit', 'main');
    expect(readdirSync(join(cwd, 'doc/adr')).filter((f) => f.endsWith('.md') && f !== 'README.md')).toEqual(['0001-record-architecture-decisions.md', '0002-use-mysql.md', '0003-use-redis.md', '0004-use-postgres.md', '0005-use-kafka.md']);
    expect(sa(cwd, 'adr', 'lint', '--now', '2024-06-01').stdout).toMatch(/README\.md:1:1: error: the index no longer matches the records/);
    ok(cwd, 'adr', 'index');
    expect(sa(cwd, 'adr', 'lint', '--base', 'main', '--now', '2024-06-01')).toMatchObject({ code: 0, stdout: '5 records in doc/adr: no problems\n' });
    if (hasAdrTools || inCi) {
      const graph = checkWithAdrTools(cwd);
      expect(graph).toContain('_5 -> _2 [label="Amends", weight=0]');
      expect(graph).toContain('_4 -> _2 [label="Supersedes", weight=0]');
    }
  });

  it('after a merge, the shared number is ambiguous; --base picks the record main lacks', () => {
    const cwd = nygardHistory();
    git(cwd, 'merge', '-q', '--no-edit', 'main');
    const lint = sa(cwd, 'adr', 'lint', '--now', '2024-06-01');
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('doc/adr/0003-use-kafka.md:1:1: error: number 3 is also used by 0003-use-redis.md');
    const ambiguous = sa(cwd, 'adr', 'renumber', '3');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toBe('scale-advise: "3" matches 2 records in doc/adr; name one by its file name:\n  0003-use-kafka.md  Use Kafka\n  0003-use-redis.md  Use Redis\n');
    expect(sa(cwd, 'adr', 'renumber', '3', '--base', 'main').stdout).toBe('doc/adr/0005-use-kafka.md\n');
    ok(cwd, 'adr', 'index');
    expect(sa(cwd, 'adr', 'lint', '--now', '2024-06-01')).toMatchObject({ code: 0, stdout: '5 records in doc/adr: no problems\n' });
    if (hasAdrTools || inCi) checkWithAdrTools(cwd);
  });

  it('MADR: renumbering a superseding record rewrites the old record\'s front matter and its link', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sa-adr-git-madr-'));
    git(cwd, 'init', '-q', '-b', 'main');
    ok(cwd, 'adr', 'init', '--format', 'madr');
    ok(cwd, 'adr', 'new', 'Cache', 'pages');
    commit(cwd, 'first records');
    git(cwd, 'checkout', '-q', '-b', 'feature');
    expect(ok(cwd, 'adr', 'supersede', '1', 'Put', 'a', 'CDN', 'in', 'front')).toBe('docs/decisions/0002-put-a-cdn-in-front.md\n');
    commit(cwd, 'feature: CDN');
    git(cwd, 'checkout', '-q', 'main');
    ok(cwd, 'adr', 'new', 'Queue', 'exports');
    commit(cwd, 'main: queue');
    git(cwd, 'checkout', '-q', 'feature');
    expect(sa(cwd, 'adr', 'lint', '--base', 'main', '--now', '2024-06-01').stdout).toContain('0002-put-a-cdn-in-front.md:1:1: error: number 2 is taken on main by 0002-queue-exports.md');
    expect(ok(cwd, 'adr', 'renumber', '0002-put', '--base', 'main')).toBe('docs/decisions/0003-put-a-cdn-in-front.md\n');
    const old = readFileSync(join(cwd, 'docs/decisions/0001-cache-pages.md'), 'utf8');
    expect(old).toMatch(/^---\nstatus: superseded by ADR-0003\ndate: 2024-06-01\n/);
    expect(old).toContain('* Superseded by [ADR-0003: Put a CDN in front](0003-put-a-cdn-in-front.md)');
    expect(sa(cwd, 'adr', 'lint', '--base', 'main', '--now', '2024-06-01')).toMatchObject({ code: 0 });
    commit(cwd, 'feature: renumber');
    git(cwd, 'merge', '-q', '--no-edit', 'main');
    expect(sa(cwd, 'adr', 'lint', '--now', '2024-06-01')).toMatchObject({ code: 0, stdout: '4 records in docs/decisions: no problems\n' });
  });

  it('loads the git runner only for --base', () => {
    const cwd = nygardHistory();
    const loaded = (...args: string[]) =>
      spawnSync(process.execPath, ['-r', join(ROOT, 'test', 'helpers', 'trace-loads.cjs'), BIN, 'adr', 'lint', ...args], { cwd, encoding: 'utf8', env: ENV })
        .stderr.split('\n')
        .filter((l) => l.startsWith('LOADED '));
    expect(loaded()).not.toContain('LOADED node:child_process');
    expect(loaded('--base', 'main')).toContain('LOADED node:child_process');
  });

  it('--base names what git does not know: exit 2 with the reason', () => {
    const cwd = nygardHistory();
    expect(sa(cwd, 'adr', 'lint', '--base', 'no-such-branch')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--base no-such-branch: git knows no such branch, tag or commit/) });
    expect(sa(cwd, 'adr', 'lint', '--base', '--upload-pack=x')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--base must name a branch, tag or commit/) });
    const plain = mkdtempSync(join(tmpdir(), 'sa-adr-nogit-'));
    ok(plain, 'adr', 'init');
    expect(sa(plain, 'adr', 'lint', '--base', 'main')).toMatchObject({ code: 2, stderr: expect.stringMatching(/is not inside a git repository/) });
  });
});
