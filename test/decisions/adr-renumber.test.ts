// `adr renumber` on the lint fixtures: every kind of link to the moved
// record follows it, and lint still finds nothing wrong.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';
import { rewriteLinks } from '../../src/decisions/adr/renumber.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');

function copy(fixture: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'sa-adr-renumber-')), 'adr');
  cpSync(join(ROOT, 'test', 'fixtures', 'adr', fixture), dir, { recursive: true });
  return dir;
}
function sa(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'adr', ...args, '--dir', dir], { cwd: join(dir, '..'), encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('rewriteLinks', () => {
  it('moves the link and renumbers its text, in both formats, and leaves other links alone', () => {
    const from = { file: '0003-use-x.md', number: 3 };
    const to = { file: '0007-use-x.md', number: 7 };
    expect(rewriteLinks('Amends [3. Use X](0003-use-x.md)\nAmends [30. Other](0030-other.md)\n', from, to)).toBe('Amends [7. Use X](0007-use-x.md)\nAmends [30. Other](0030-other.md)\n');
    expect(rewriteLinks('* Supersedes [ADR-0003: Use X](./0003-use-x.md#decision-outcome)', from, to)).toBe('* Supersedes [ADR-0007: Use X](./0007-use-x.md#decision-outcome)');
    expect(rewriteLinks('see [this record](0003-use-x.md "title") and [ADR-3](<0003-use-x.md>)', from, to)).toBe('see [this record](0007-use-x.md "title") and [ADR-0007](<0007-use-x.md>)');
  });
});

describe('adr renumber', () => {
  it('Nygard: its title, the amend pair and the hand-kept table of contents follow; lint stays clean', () => {
    const dir = copy('nygard-ok');
    const r = sa(dir, 'renumber', '3');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().endsWith('adr/0006-one-command-with-subcommands.md')).toBe(true);
    expect(read(dir, '0006-one-command-with-subcommands.md')).toMatch(/^# 6\. One command with subcommands\n/);
    expect(read(dir, '0005-help-text-lives-in-the-scripts.md')).toContain('Amends [6. One command with subcommands](0006-one-command-with-subcommands.md)');
    expect(read(dir, 'README.md')).toContain('* [6. One command with subcommands](0006-one-command-with-subcommands.md)');
    expect(readdirSync(dir)).not.toContain('0003-one-command-with-subcommands.md');
    expect(sa(dir, 'lint', '--now', '2024-06-01')).toMatchObject({ code: 0, stdout: expect.stringMatching(/no problems/) });
  });

  it('MADR: the superseded record\'s front matter and links in prose follow; --to picks the number', () => {
    const dir = copy('madr-ok');
    expect(sa(dir, 'renumber', '3', '--to', '9').code).toBe(0);
    expect(read(dir, '0002-write-a-table-of-contents-by-hand.md')).toMatch(/^---\nstatus: superseded by ADR-0009\n/);
    expect(read(dir, '0002-write-a-table-of-contents-by-hand.md')).toContain('* Superseded by [ADR-0009: Generate the table of contents](0009-generate-the-table-of-contents.md)');
    expect(sa(dir, 'renumber', '2', '--to', '8').code).toBe(0);
    expect(read(dir, '0001-keep-metadata-in-front-matter.md')).toContain('[ADR-0008](0008-write-a-table-of-contents-by-hand.md) relies on this decision.');
    expect(read(dir, '0009-generate-the-table-of-contents.md')).toContain('* Supersedes [ADR-0008: Write a table of contents by hand](0008-write-a-table-of-contents-by-hand.md)');
    const lint = sa(dir, 'lint', '--now', '2024-06-01');
    expect(lint.code).toBe(0);
    expect(lint.stdout).toMatch(/^0 errors, 1 warning in 5 records/m); // the fixture's "on hold" status
    expect(sa(dir, 'renumber', '1', '--to', '9')).toMatchObject({ code: 2, stderr: expect.stringMatching(/ADR number 9 is taken/) });
    expect(sa(dir, 'renumber', '1', '--to', 'x')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--to must be a record number; got "x"/) });
  });
});
