// `adr lint` on records written the way adr-tools and MADR write theirs:
// the sound sets pass, and each broken fixture fails with its own message
// at its own line.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';
import { duplicateNumbers, numbersTakenOnBase } from '../../src/decisions/adr/duplicates.js';
import { reviewByDate, isIsoDate } from '../../src/decisions/adr/dates.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const FIXTURES = 'test/fixtures/adr';

function lint(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'adr', 'lint', '--dir', `${FIXTURES}/${dir}`, '--now', '2024-06-01', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('adr lint on sound records', () => {
  it('passes a Nygard directory modelled on adr-tools\' own records: supersede and amend pairs, a hand-kept table of contents', () => {
    expect(lint('nygard-ok')).toMatchObject({ code: 0, stdout: `5 records in ${FIXTURES}/nygard-ok: no problems\n`, stderr: '' });
  });

  it('passes a MADR 4 directory modelled on MADR\'s own: 0000 first, Just-the-Docs keys, a status of its own as a warning only', () => {
    const r = lint('madr-ok');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${FIXTURES}/madr-ok/0004-pause-the-plugin-api.md:2:1: warning: status "on hold" is none of draft, proposed, accepted, rejected, deprecated, superseded; the record addresses no rule while it says so [unknown-status]\n` +
        `0 errors, 1 warning in 5 records (${FIXTURES}/madr-ok)\n`,
    );
  });

  it('passes log4brains\' date-named records: one date for two records, supersede links on the status line', () => {
    expect(lint('log4brains-ok')).toMatchObject({ code: 0, stdout: `3 records in ${FIXTURES}/log4brains-ok: no problems\n` });
  });

  it('warns about a review date that has passed, judged against --now', () => {
    expect(lint('nygard-ok').stdout).not.toMatch(/review/);
    const later = spawnSync(process.execPath, [BIN, 'adr', 'lint', '--dir', `${FIXTURES}/nygard-ok`, '--now', '2025-03-02'], { cwd: ROOT, encoding: 'utf8' });
    expect(later.status).toBe(0);
    expect(later.stdout).toContain('0003-one-command-with-subcommands.md:5:1: warning: due for review since 2025-03-02 [review-due]');
  });

  it('prints JSON with every problem located', () => {
    const r = lint('broken/nygard-broken-link', '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      schema_version: 1,
      dir: `${FIXTURES}/broken/nygard-broken-link`,
      base: null,
      records: 1,
      problems: [{ file: `${FIXTURES}/broken/nygard-broken-link/0001-use-a-job-queue.md`, line: 9, column: 31, severity: 'error', code: 'broken-link', message: 'the link to 0009-retry-failed-jobs.md points at no file in the ADR directory' }],
      summary: { errors: 1, warnings: 0 },
    });
  });

  it('exits 2 on bad input, 1 never', () => {
    expect(lint('nygard-ok', '--format', 'xml')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--format must be text or json/) });
    expect(lint('nygard-ok', '--now', '2024-02-30')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--now must be a date that exists, as YYYY-MM-DD; got "2024-02-30"/) });
    expect(lint('no-such-dir')).toMatchObject({ code: 2, stderr: expect.stringMatching(/does not exist/) });
  });
});

// Each broken fixture: the file, line:column, and message lint must give.
const BROKEN: [string, string, RegExp][] = [
  ['nygard-missing-section', '0001-use-a-job-queue.md:1:1', /missing the section "## Consequences", which a Nygard \(adr-tools\) record requires \[missing-section\]/],
  ['nygard-unknown-status', '0001-use-a-job-queue.md:7:1', /unknown status "Maybe later"; expected one of draft, proposed, accepted, rejected, deprecated, superseded \[unknown-status\]/],
  ['nygard-invalid-date', '0001-use-a-job-queue.md:3:1', /"2024-13-45" is not a date written YYYY-MM-DD \[invalid-date\]/],
  ['nygard-broken-link', '0001-use-a-job-queue.md:9:31', /the link to 0009-retry-failed-jobs\.md points at no file in the ADR directory \[broken-link\]/],
  ['nygard-one-way-supersede', '0002-use-a-job-queue.md:9:1', /supersedes 0001-use-cron-jobs\.md, but 0001-use-cron-jobs\.md does not say it is superseded by 0002-use-a-job-queue\.md; `scale-advise adr status 1 superseded --by 2` writes both sides/],
  ['nygard-title-number', '0003-use-a-job-queue.md:1:3', /the title says 2 but the file is number 3/],
  ['nygard-self-link', '0001-use-a-job-queue.md:9:29', /the record links to itself \[self-link\]/],
  ['duplicate-number', '0002-use-a-job-queue.md:1:1', /number 2 is also used by 0002-use-redis-for-sessions\.md; `scale-advise adr renumber 0002-use-a-job-queue` moves this one/],
  ['unknown-rule', '0001-add-a-read-replica.md:11:12', /addresses "db-read-replicaz", which is no rule; did you mean "db-read-replicas"\?/],
  ['invalid-review-by', '0001-use-a-job-queue.md:5:1', /review-by "next spring" is not a date written YYYY-MM-DD/],
  ['madr-missing-section', '0001-cache-rendered-pages.md:4:1', /missing the section "## Considered Options", which a MADR 4 record requires/],
  ['madr-placeholder-status', '0001-cache-rendered-pages.md:2:1', /the status is still the template's placeholder/],
  ['madr-invalid-front-matter', '0001-cache-rendered-pages.md:3:18', /the front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a \] \[invalid-front-matter\]/],
  ['madr-invalid-date', '0001-cache-rendered-pages.md:3:1', /"2024-02-30" is not a date written YYYY-MM-DD/],
  ['madr-superseded-by-nothing', '0001-cache-rendered-pages.md:2:1', /the status says "superseded by ADR-0007", and there is no record number 7 \[broken-link\]/],
  ['madr-one-way-supersede', '0001-cache-rendered-pages.md:2:1', /is superseded by 0002-render-less\.md, but 0002-render-less\.md has no "Supersedes" link back to it/],
  ['index-out-of-date', 'README.md:1:1', /the index no longer matches the records; `scale-advise adr index` rewrites it/],
  ['index-missing-record', 'README.md:1:1', /the index does not list 0002-use-a-job-queue\.md \(2\. Use a job queue\)/],
];

describe('adr lint on broken records', () => {
  for (const [dir, where, message] of BROKEN) {
    it(`${dir}: fails at ${where}`, () => {
      const r = lint(`broken/${dir}`);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const line = r.stdout.split('\n').find((l) => l.startsWith(`${FIXTURES}/broken/${dir}/${where}: error: `));
      expect(line, r.stdout).toBeDefined();
      expect(line).toMatch(message);
      expect(r.stdout).toMatch(/^[1-9]\d* errors?, \d+ warnings? in \d+ records? /m);
    });
  }
});

describe('duplicateNumbers and numbersTakenOnBase', () => {
  it('groups files by number and leaves date-named records alone', () => {
    expect(duplicateNumbers([{ file: '0001-a.md' }, { file: '0002-b.md' }, { file: '0002-a.md' }, { file: '20240601-x.md' }, { file: '20240601-y.md' }])).toEqual([{ number: 2, files: ['0002-a.md', '0002-b.md'] }]);
    expect(duplicateNumbers([{ file: '0001-a.md' }, { file: '0002-b.md' }])).toEqual([]);
  });

  it('blames only records added since the branches parted, not renames of records both had', () => {
    const base = { files: ['0001-a.md', '0002-b.md', '0003-redis.md'], mergeBaseFiles: ['0001-a.md', '0002-b.md'] };
    expect(numbersTakenOnBase(['0001-a.md', '0002-b-renamed.md', '0003-kafka.md'], base)).toEqual([{ file: '0003-kafka.md', number: 3, taken: ['0003-redis.md'] }]);
    expect(numbersTakenOnBase(['0001-a.md', '0002-b.md', '0004-kafka.md'], base)).toEqual([]);
  });
});

describe('review-by dates', () => {
  it('adds periods on the calendar, keeping to the month\'s last day', () => {
    expect(reviewByDate('6m', '2024-01-31')).toBe('2024-07-31');
    expect(reviewByDate('1m', '2024-01-31')).toBe('2024-02-29');
    expect(reviewByDate('1y', '2024-02-29')).toBe('2025-02-28');
    expect(reviewByDate('2w', '2024-12-25')).toBe('2025-01-08');
    expect(reviewByDate('30d', '2024-06-01')).toBe('2024-07-01');
    expect(reviewByDate('2025-01-01', '2024-06-01')).toBe('2025-01-01');
    expect(() => reviewByDate('soon', '2024-06-01')).toThrow(/--review-by must be a period such as 30d, 6w, 6m or 1y/);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });
});
