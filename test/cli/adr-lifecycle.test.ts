// The status lifecycle, ambiguous references, review dates, numbering
// conventions and `from --all-open`'s limits, as users meet them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
const ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ADR_DATE: '2024-06-01' };

function sa(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sa-adr-life-'));
  mkdirSync(join(dir, '.git'));
  return dir;
}
const read = (cwd: string, path: string) => readFileSync(join(cwd, path), 'utf8');
const lintClean = (cwd: string) => expect(sa(cwd, 'adr', 'lint', '--now', '2024-06-01')).toMatchObject({ code: 0 });

describe('adr status', () => {
  it('moves a Nygard record through the lifecycle and supersedes it on both sides', () => {
    const cwd = repo();
    sa(cwd, 'adr', 'init');
    sa(cwd, 'adr', 'new', '--status', 'proposed', 'Use', 'MySQL');
    sa(cwd, 'adr', 'new', 'Use', 'Postgres');
    expect(sa(cwd, 'adr', 'status', '2', 'accepted')).toMatchObject({ code: 0, stdout: 'doc/adr/0002-use-mysql.md\n' });
    expect(read(cwd, 'doc/adr/0002-use-mysql.md')).toContain('## Status\n\nAccepted\n\n## Context');
    expect(sa(cwd, 'adr', 'status', '2', 'accepted')).toMatchObject({ code: 0, stdout: '', stderr: '0002-use-mysql.md is accepted already; nothing to do\n' });
    sa(cwd, 'adr', 'status', '2', 'Deprecated');
    expect(read(cwd, 'doc/adr/0002-use-mysql.md')).toContain('## Status\n\nDeprecated\n\n## Context');
    expect(sa(cwd, 'adr', 'status', '2', 'superseded', '--by', '3')).toMatchObject({ code: 0, stdout: 'doc/adr/0002-use-mysql.md\ndoc/adr/0003-use-postgres.md\n' });
    expect(read(cwd, 'doc/adr/0002-use-mysql.md')).toContain('Superseded by [3. Use Postgres](0003-use-postgres.md)');
    expect(read(cwd, 'doc/adr/0003-use-postgres.md')).toContain('## Status\n\nAccepted\n\nSupersedes [2. Use MySQL](0002-use-mysql.md)\n');
    expect(JSON.parse(sa(cwd, 'adr', 'list', '-f', 'json').stdout).records[1]).toMatchObject({ number: 2, status: 'superseded' });
    lintClean(cwd);
    // a superseded decision stays so
    expect(sa(cwd, 'adr', 'status', '2', 'accepted')).toMatchObject({ code: 2, stderr: expect.stringMatching(/0002-use-mysql\.md is superseded by 0003-use-postgres\.md; a superseded decision stays so/) });
  });

  it('refuses what makes no sense, exit 2: itself, a status it does not know, --by without superseded', () => {
    const cwd = repo();
    sa(cwd, 'adr', 'init');
    sa(cwd, 'adr', 'new', 'Use', 'MySQL');
    expect(sa(cwd, 'adr', 'status', '2', 'superseded', '--by', '2')).toMatchObject({ code: 2, stderr: 'scale-advise: refusing to mark 0002-use-mysql.md superseded by itself\n' });
    expect(sa(cwd, 'adr', 'status', '2', 'superseded')).toMatchObject({ code: 2, stderr: expect.stringMatching(/superseded needs --by RECORD/) });
    expect(sa(cwd, 'adr', 'status', '2', 'maybe')).toMatchObject({ code: 2, stderr: expect.stringMatching(/STATUS must be one of draft, proposed, accepted, rejected, deprecated, superseded; got "maybe"/) });
    expect(sa(cwd, 'adr', 'status', '2', 'accepted', '--by', '1')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--by names the superseding record/) });
    expect(read(cwd, 'doc/adr/0002-use-mysql.md')).toContain('## Status\n\nAccepted\n\n## Context');
  });

  it('MADR: the front matter changes, other keys stay, and the superseded record names its successor', () => {
    const cwd = repo();
    sa(cwd, 'adr', 'init', '--format', 'madr');
    sa(cwd, 'adr', 'new', '--status', 'proposed', 'Cache', 'pages');
    sa(cwd, 'adr', 'new', '--status', 'proposed', 'Use', 'a', 'CDN');
    sa(cwd, 'adr', 'status', '1', 'rejected');
    expect(read(cwd, 'docs/decisions/0001-cache-pages.md')).toMatch(/^---\nstatus: rejected\ndate: 2024-06-01\ndecision-makers: ""\n/);
    sa(cwd, 'adr', 'status', '2', 'accepted');
    sa(cwd, 'adr', 'status', 'cache', 'superseded', '--by', 'cdn');
    const old = read(cwd, 'docs/decisions/0001-cache-pages.md');
    expect(old).toMatch(/^---\nstatus: superseded by ADR-0002\ndate: 2024-06-01\ndecision-makers: ""\nconsulted: ""\ninformed: ""\n---\n/);
    expect(old).toContain('## More Information\n\n* Superseded by [ADR-0002: Use a CDN](0002-use-a-cdn.md)\n');
    expect(read(cwd, 'docs/decisions/0002-use-a-cdn.md')).toContain('* Supersedes [ADR-0001: Cache pages](0001-cache-pages.md)');
    lintClean(cwd);
  });

  it('MADR 2 and log4brains records: the `* Status:` line changes in place', () => {
    const cwd = repo();
    mkdirSync(join(cwd, 'docs', 'decisions'), { recursive: true });
    writeFileSync(join(cwd, 'docs/decisions/0001-use-lunr.md'), '# Use Lunr for search\n\n* Status: proposed\n* Date: 2024-05-01\n\n## Context and Problem Statement\n\nSearch must work offline.\n\n## Considered Options\n\n* Lunr\n\n## Decision Outcome\n\nChosen option: "Lunr".\n');
    expect(sa(cwd, 'adr', 'status', '1', 'accepted').code).toBe(0);
    expect(read(cwd, 'docs/decisions/0001-use-lunr.md')).toBe('# Use Lunr for search\n\n* Status: accepted\n* Date: 2024-05-01\n\n## Context and Problem Statement\n\nSearch must work offline.\n\n## Considered Options\n\n* Lunr\n\n## Decision Outcome\n\nChosen option: "Lunr".\n');
  });
});

describe('references that are ambiguous or circular', () => {
  it('a partial title matching several records exits 2, lists them, and writes nothing', () => {
    const cwd = repo();
    sa(cwd, 'adr', 'init');
    for (const t of ['Use MySQL', 'Use Redis', 'Use Kafka']) sa(cwd, 'adr', 'new', ...t.split(' '));
    const r = sa(cwd, 'adr', 'supersede', 'use', 'Y');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('scale-advise: "use" matches 3 records in doc/adr; name one by its file name:\n  0002-use-mysql.md  Use MySQL\n  0003-use-redis.md  Use Redis\n  0004-use-kafka.md  Use Kafka\n');
    expect(readdirSync(join(cwd, 'doc/adr'))).toHaveLength(4);
    expect(read(cwd, 'doc/adr/0002-use-mysql.md')).not.toMatch(/Superseded/);
    // one match, by file name or by title, is fine
    expect(sa(cwd, 'adr', 'supersede', 'redis', 'Use', 'Valkey')).toMatchObject({ code: 0, stdout: 'doc/adr/0005-use-valkey.md\n' });
  });

  it('refuses to link a record to itself', () => {
    const cwd = repo();
    sa(cwd, 'adr', 'init');
    sa(cwd, 'adr', 'new', 'Use', 'MySQL');
    const before = read(cwd, 'doc/adr/0002-use-mysql.md');
    expect(sa(cwd, 'adr', 'link', '2', 'Amends', '0002', 'Amended by')).toMatchObject({ code: 2, stderr: 'scale-advise: refusing to link 0002-use-mysql.md to itself\n' });
    expect(read(cwd, 'doc/adr/0002-use-mysql.md')).toBe(before);
  });
});

describe('review-by', () => {
  it('adr new --review-by writes the date in each format; adr list shows it and what is due', () => {
    const cwd = repo();
    sa(cwd, 'adr', 'init');
    expect(sa(cwd, 'adr', 'new', '--review-by', '6m', 'Use', 'MySQL').code).toBe(0);
    expect(read(cwd, 'doc/adr/0002-use-mysql.md')).toMatch(/^# 2\. Use MySQL\n\nDate: 2024-06-01\n\nReview-by: 2024-12-01\n\n## Status\n/);
    sa(cwd, 'adr', 'new', '--review-by', '2025-06-30', 'Use', 'Redis');
    expect(sa(cwd, 'adr', 'list', '--now', '2024-12-01').stdout).toBe(
      '1  accepted    Record architecture decisions\n2  accepted    Use MySQL  review by 2024-12-01 (due)\n3  accepted    Use Redis  review by 2025-06-30\n',
    );
    const json = JSON.parse(sa(cwd, 'adr', 'list', '-f', 'json', '--now', '2024-11-30').stdout);
    expect(json.records.map((r: { review_by: string | null; review_due: boolean | null }) => [r.review_by, r.review_due])).toEqual([[null, null], ['2024-12-01', false], ['2025-06-30', false]]);
    expect(sa(cwd, 'adr', 'new', '--review-by', 'someday', 'X')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--review-by must be a period such as 30d, 6w, 6m or 1y, or a date YYYY-MM-DD; got "someday"/) });
    lintClean(cwd);

    const m = repo();
    sa(m, 'adr', 'init', '--format', 'madr');
    sa(m, 'adr', 'new', '--review-by', '1y', 'Cache', 'pages');
    expect(read(m, 'docs/decisions/0001-cache-pages.md')).toMatch(/^---\nstatus: accepted\ndate: 2024-06-01\nreview-by: 2025-06-01\n/);
    expect(sa(m, 'adr', 'list', '--now', '2024-06-02').stdout).toContain('Cache pages  review by 2025-06-01\n');
    lintClean(m);
  });
});

describe('numbering conventions', () => {
  it('log4brains directories get date-named records, a suffix when the name is taken, and no duplicate-number errors', () => {
    const cwd = repo();
    writeFileSync(join(cwd, '.log4brains.yml'), 'project:\n  name: shop\n  adrFolder: ./docs/adr\n');
    mkdirSync(join(cwd, 'docs', 'adr'), { recursive: true });
    expect(sa(cwd, 'adr', 'new', 'Use', 'Lunr', 'for', 'search')).toMatchObject({ code: 0, stdout: 'docs/adr/20240601-use-lunr-for-search.md\n' });
    expect(sa(cwd, 'adr', 'new', 'Use', 'Lunr', 'for', 'search')).toMatchObject({ code: 0, stdout: 'docs/adr/20240601-use-lunr-for-search-2.md\n' });
    expect(sa(cwd, 'adr', 'new', 'Avoid', 'default', 'exports').stdout).toBe('docs/adr/20240601-avoid-default-exports.md\n');
    lintClean(cwd);
    expect(sa(cwd, 'adr', 'renumber', '20240601-avoid')).toMatchObject({ code: 2, stderr: expect.stringMatching(/names records by date \(log4brains\); there are no numbers to change/) });
  });
});

describe('adr from --all-open', () => {
  const openKinds = () => {
    // --no-detect: the example describes a made-up system, not this repository, and `adr from` reads the profile alone.
    const a = JSON.parse(spawnSync(process.execPath, [BIN, 'assess', '--profile', EXAMPLE, '--format', 'json', '--no-detect'], { encoding: 'utf8' }).stdout) as { findings: { rule: string; kind: string; status: string }[] };
    const ids = (...kinds: string[]) => a.findings.filter((f) => kinds.includes(f.kind) && (f.status === 'open' || f.status === 'expired-waiver')).map((f) => f.rule).sort();
    const signIds = ids('warning-sign', 'pitfall');
    return { signs: signIds.length, signIds, recommendations: ids('recommendation').length };
  };

  it('writes warning signs and pitfalls only, unless --kind says otherwise; above 10 it needs --yes off a terminal', () => {
    const { signs, signIds, recommendations } = openKinds();
    expect(signs).toBeGreaterThan(10); // the example profile has many open warning signs
    expect(recommendations).toBeGreaterThan(0);
    const cwd = repo();
    sa(cwd, 'adr', 'init');
    const refused = sa(cwd, 'adr', 'from', '--all-open', '--profile', exampleIn(cwd));
    expect(refused).toMatchObject({ code: 2, stdout: '', stderr: `scale-advise: this would write ${signs} records; pass --yes to write them, or narrow them with --kind\n` });
    expect(readdirSync(join(cwd, 'doc/adr'))).toHaveLength(1);
    const written = sa(cwd, 'adr', 'from', '--all-open', '--yes', '--profile', exampleIn(cwd));
    expect(written.stdout.trim().split('\n')).toHaveLength(signs);
    const addressed = JSON.parse(sa(cwd, 'adr', 'list', '-f', 'json').stdout).records.slice(1).map((r: { addresses: string[] }) => r.addresses[0]);
    expect(addressed.sort()).toEqual(signIds);
    const recs = sa(cwd, 'adr', 'from', '--all-open', '--kind', 'recommendation', '--yes', '--profile', exampleIn(cwd));
    expect(recs.stdout.trim().split('\n')).toHaveLength(recommendations);
    expect(sa(cwd, 'adr', 'from', '--all-open', '--kind', 'warning', '--profile', exampleIn(cwd))).toMatchObject({ code: 2, stderr: expect.stringMatching(/--kind takes warning-sign, pitfall, recommendation \(comma-separated\); got "warning"/) });
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript && !process.env.CI)('asks on a terminal: "n" writes nothing, "y" writes them', () => {
    const { signs } = openKinds();
    const cwd = repo();
    sa(cwd, 'adr', 'init');
    // script(1) runs the command on a pseudo-terminal and feeds it our input.
    const onTty = (answer: string) =>
      spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} adr from --all-open --profile ${exampleIn(cwd)}`, '/dev/null'], { cwd, input: answer, encoding: 'utf8', env: ENV });
    const no = onTty('n\n');
    expect(no.status).toBe(0);
    expect(no.stdout).toContain(`Write ${signs} records? [y/N]`);
    expect(no.stdout).toContain('Nothing written.');
    expect(readdirSync(join(cwd, 'doc/adr'))).toHaveLength(1);
    const yes = onTty('y\n');
    expect(yes.status).toBe(0);
    expect(readdirSync(join(cwd, 'doc/adr'))).toHaveLength(1 + signs);
  });
});
