// A round trip with the real adr-tools (Debian package `adr-tools`, 3.0.0):
// each tool reads, lists and supersedes the other's records. Skipped when
// `adr` is not installed, except under CI, where a missing adr-tools fails.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const EXAMPLE = join(ROOT, 'examples', 'scale-advise.yaml');

/** The example profile, copied into `cwd`: a profile's records are found from its own folder. */
function exampleIn(cwd: string): string {
  copyFileSync(EXAMPLE, join(cwd, 'scale-advise.yaml'));
  return 'scale-advise.yaml';
}
const ENV = { ...process.env, ADR_DATE: '2024-06-01', VISUAL: 'true', EDITOR: 'true', NO_COLOR: '' };

const hasAdrTools = spawnSync('adr', ['help'], { encoding: 'utf8' }).status === 0;
const inCi = Boolean(process.env.CI);

function adrTools(args: string[], cwd: string): string {
  const r = spawnSync('adr', args, { cwd, encoding: 'utf8', env: ENV });
  if (r.status !== 0) throw new Error(`adr ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
  return r.stdout;
}

function sa(args: string[], cwd: string): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: ENV });
  if (r.status !== 0) throw new Error(`scale-advise ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sa-adrtools-'));
  mkdirSync(join(dir, '.git'));
  return dir;
}

interface Listed {
  number: number;
  title: string;
  status: string;
  addresses: string[];
  links: { type: string; target: number }[];
}
const list = (cwd: string): Listed[] => JSON.parse(sa(['adr', 'list', '--format', 'json'], cwd)).records;

/** A record up to its Context section: what both tools must write alike. */
const head = (text: string) => text.slice(0, text.indexOf('## Context'));

describe.skipIf(!hasAdrTools && !inCi)('round trip with adr-tools', () => {
  it('adr-tools is installed (required under CI)', () => {
    expect(hasAdrTools, 'install the Debian package adr-tools').toBe(true);
  });

  it('lists and parses records adr-tools wrote, superseded and linked ones included', () => {
    const cwd = repo();
    adrTools(['init'], cwd);
    adrTools(['new', 'Use', 'MySQL'], cwd);
    adrTools(['new', '-s', '2', 'Use', 'Postgres'], cwd);
    adrTools(['link', '3', 'Amends', '1', 'Amended by'], cwd);
    const records = list(cwd);
    expect(records.map((r) => [r.number, r.title, r.status])).toEqual([
      [1, 'Record architecture decisions', 'accepted'],
      [2, 'Use MySQL', 'superseded'],
      [3, 'Use Postgres', 'accepted'],
    ]);
    expect(records[2]!.links.map((l) => [l.type, l.target])).toEqual([
      ['Supersedes', 2],
      ['Amends', 1],
    ]);
    expect(records[0]!.links.map((l) => [l.type, l.target])).toEqual([['Amended by', 3]]);
  });

  it('records scale-advise writes appear in adr-tools\' list and table of contents', () => {
    const cwd = repo();
    sa(['adr', 'init'], cwd);
    sa(['adr', 'new', 'Use', 'Redis'], cwd);
    sa(['adr', 'from', 'db-cpu-saturated', '--profile', exampleIn(cwd)], cwd);
    const listed = adrTools(['list'], cwd).trim().split('\n');
    expect(listed).toEqual([
      'doc/adr/0001-record-architecture-decisions.md',
      'doc/adr/0002-use-redis.md',
      expect.stringMatching(/^doc\/adr\/0003-[a-z0-9-]+\.md$/),
    ]);
    const toc = adrTools(['generate', 'toc'], cwd);
    expect(toc).toContain('* [1. Record architecture decisions](0001-record-architecture-decisions.md)');
    expect(toc).toContain('* [2. Use Redis](0002-use-redis.md)');
    expect(toc).toMatch(/\* \[3\. .+\]\(0003-[a-z0-9-]+\.md\)/);
    // adr-tools numbers after ours
    expect(adrTools(['new', 'After', 'ours'], cwd).trim()).toBe('doc/adr/0004-after-ours.md');
  });

  it('writes the same record head as adr-tools for the same steps', () => {
    const theirs = repo();
    const ours = repo();
    adrTools(['init'], theirs);
    sa(['adr', 'init'], ours);
    for (const [tool, cwd] of [[adrTools, theirs], [sa, ours]] as const) {
      tool(['adr', 'new', 'Use', 'MySQL'].slice(tool === adrTools ? 1 : 0), cwd);
    }
    adrTools(['new', '-s', '2', 'Use', 'Postgres'], theirs);
    sa(['adr', 'supersede', '2', 'Use', 'Postgres'], ours);
    adrTools(['link', '3', 'Amends', '1', 'Amended by'], theirs);
    sa(['adr', 'link', '3', 'Amends', '1', 'Amended by'], ours);
    for (const f of ['0001-record-architecture-decisions.md', '0002-use-mysql.md', '0003-use-postgres.md']) {
      const a = readFileSync(join(theirs, 'doc', 'adr', f), 'utf8');
      const b = readFileSync(join(ours, 'doc', 'adr', f), 'utf8');
      expect(head(b), f).toBe(head(a));
      expect(b.match(/^## .*$/gm), f).toEqual(a.match(/^## .*$/gm));
    }
  });

  it('adr-tools supersedes a scale-advise record, and scale-advise one of adr-tools\'', () => {
    const cwd = repo();
    sa(['adr', 'init'], cwd);
    sa(['adr', 'from', 'db-cpu-saturated', '--profile', exampleIn(cwd)], cwd);
    expect(list(cwd)[1]).toMatchObject({ number: 2, status: 'proposed', addresses: ['db-cpu-saturated'] });
    // adr-tools removes only an "Accepted" line; the superseded-by link still decides the status
    adrTools(['new', '-s', '2', 'Shard', 'later'], cwd);
    let records = list(cwd);
    expect(records[1]).toMatchObject({ number: 2, status: 'superseded' });
    expect(records[2]).toMatchObject({ number: 3, title: 'Shard later', status: 'accepted', links: [{ type: 'Supersedes', target: 2 }] });
    // and back: scale-advise supersedes adr-tools' record 3
    sa(['adr', 'supersede', '3', 'Read', 'replicas', 'first'], cwd);
    records = list(cwd);
    expect(records[2]).toMatchObject({ number: 3, status: 'superseded' });
    expect(records[3]).toMatchObject({ number: 4, status: 'accepted', links: [{ type: 'Supersedes', target: 3 }] });
    const graph = adrTools(['generate', 'graph'], cwd);
    expect(graph).toContain('_3 -> _2 [label="Supersedes", weight=0]');
    expect(graph).toContain('_4 -> _3 [label="Supersedes", weight=0]');
    expect(readFileSync(join(cwd, 'doc', 'adr', '0003-shard-later.md'), 'utf8')).toMatch(/## Status\n\nSupersedes \[2\. .+\]\(0002-[a-z0-9-]+\.md\)\n\nSuperseded by \[4\. Read replicas first\]\(0004-read-replicas-first\.md\)\n\n## Context/);
  });
});
