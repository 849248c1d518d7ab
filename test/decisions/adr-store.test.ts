// Numbering, slugs, never overwriting, user templates and escaping.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdrStore } from '../../src/decisions/adr/store.js';
import { locateAdrDir } from '../../src/decisions/adr/detect.js';
import { insideDir, slugify } from '../../src/decisions/adr/slug.js';
import { newRecord, supersede } from '../../src/decisions/adr/operations.js';
import { checkMadr } from '../../src/decisions/adr/madr-check.js';
import { escapeMarkdown, codeSpan } from '../../src/decisions/adr/markdown.js';
import { UserError } from '../../src/util/errors.js';
import type { AdrFormat } from '../../src/decisions/adr/types.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sa-adr-'));
/** Whether a directory's mode bits stop this process writing (they do not for root). */
function permissionsBind(): boolean {
  const dir = join(tmp(), 'ro');
  mkdirSync(dir);
  chmodSync(dir, 0o555);
  try {
    writeFileSync(join(dir, 'probe'), '');
    return false;
  } catch {
    return true;
  }
}

const storeIn = (dir: string, format: AdrFormat = 'nygard') => new AdrStore({ dir, format, source: 'option', root: dir });

describe('slugify', () => {
  it('matches adr-tools for ASCII titles', () => {
    expect(slugify('Use MySQL Database')).toBe('use-mysql-database');
    expect(slugify('  --Hello,   World!!  ')).toBe('hello-world');
  });
  it('folds accents and caps length', () => {
    expect(slugify('Café à la crème')).toBe('cafe-a-la-creme');
    const long = slugify('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).not.toMatch(/-$/);
  });
  it('gives untitled for titles with nothing to keep', () => {
    expect(slugify('日本語 ✓')).toBe('untitled');
    expect(slugify('../..')).toBe('untitled');
  });
  it('never leaves the directory', () => {
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(() => insideDir('/x/adr', '../etc/passwd')).toThrow(UserError);
    expect(() => insideDir('/x/adr', 'sub/file.md')).toThrow(UserError);
    expect(insideDir('/x/adr', '0001-a.md')).toBe('/x/adr/0001-a.md');
  });
});

describe('AdrStore', () => {
  it('continues after the highest number and tolerates gaps and other files', async () => {
    const dir = tmp();
    writeFileSync(join(dir, '0001-a.md'), '# 1. A\n');
    writeFileSync(join(dir, '0007-g.md'), '# 7. G\n');
    writeFileSync(join(dir, 'README.md'), 'not a record');
    writeFileSync(join(dir, 'notes.md'), 'not a record');
    const store = storeIn(dir);
    expect(store.nextNumber()).toBe(8);
    const made = await newRecord(store, { title: 'Next one', date: '2024-01-01' });
    expect(made.file).toBe('0008-next-one.md');
    expect(store.list().map((r) => r.number)).toEqual([1, 7, 8]);
  });

  it('does not overwrite a file that takes the number meanwhile, and leaves no lock behind', () => {
    const dir = tmp();
    const store = storeIn(dir);
    let calls = 0;
    const made = store.create('Race', (n) => {
      // another tool writes this number while we render
      if (calls++ === 0) writeFileSync(join(dir, `${String(n).padStart(4, '0')}-race.md`), 'theirs\n');
      return `# ${n}. Race\n`;
    });
    expect(made.number).toBe(2);
    expect(readFileSync(join(dir, '0001-race.md'), 'utf8')).toBe('theirs\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('turns hostile titles into safe file names inside the directory', async () => {
    const dir = tmp();
    const store = storeIn(dir);
    const titles = ['../../etc/passwd', 'x'.repeat(500), '日本語 ✓', 'a/b\\c', 'line\nbreak'];
    for (const title of titles) await newRecord(store, { title, date: '2024-01-01' });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['0001-etc-passwd.md', `0002-${'x'.repeat(60)}.md`, '0003-untitled.md', '0004-a-b-c.md', '0005-line-break.md']);
    const r = store.find(5);
    expect(r.title).toBe('line break');
    expect(store.find(3).title).toBe('日本語 ✓');
  });

  it('reports an unwritable directory as a user error', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file'), '');
    // A path under a regular file cannot be created, even by root.
    const store = storeIn(join(dir, 'file', 'adr'));
    await expect(newRecord(store, { title: 'X' })).rejects.toThrow(/cannot create the ADR directory .*file.*not a directory/);
  });

  // As root, mode bits do not stop writes; the test above covers that case with a path that fails for everyone.
  it.skipIf(!permissionsBind())('reports a read-only directory as a user error', async () => {
    const dir = join(tmp(), 'adr');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    await expect(newRecord(storeIn(dir), { title: 'X' })).rejects.toThrow(/cannot create a record in .*permission denied/);
  });
});

describe('locateAdrDir', () => {
  it('follows .adr-dir, then doc/adr, docs/decisions, docs/adr, doc/architecture/decisions', () => {
    const root = tmp();
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'docs', 'decisions'), { recursive: true });
    expect(locateAdrDir(root)).toMatchObject({ dir: join(root, 'docs', 'decisions'), format: 'madr', source: 'docs/decisions' });
    mkdirSync(join(root, 'doc', 'adr'), { recursive: true });
    expect(locateAdrDir(root)).toMatchObject({ dir: join(root, 'doc', 'adr'), format: 'nygard' });
    writeFileSync(join(root, '.adr-dir'), 'architecture/records\n');
    const sub = join(root, 'src', 'deep');
    mkdirSync(sub, { recursive: true });
    expect(locateAdrDir(sub)).toMatchObject({ dir: join(root, 'architecture', 'records'), source: 'adr-dir-file' });
  });

  it('reads log4brains\' adrFolder, and sniffs the format of existing records', () => {
    const root = tmp();
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, '.log4brains.yml'), 'project:\n  name: x\n  adrFolder: ./docs/adr\n');
    expect(locateAdrDir(root)).toMatchObject({ dir: join(root, 'docs', 'adr'), format: 'madr', source: 'log4brains' });
    const other = tmp();
    mkdirSync(join(other, '.git'));
    mkdirSync(join(other, 'docs', 'adr'), { recursive: true });
    writeFileSync(join(other, 'docs', 'adr', '0001-x.md'), '---\nstatus: accepted\n---\n# X\n');
    expect(locateAdrDir(other).format).toBe('madr');
  });

  it('falls back to the profile, then to doc/adr', () => {
    const root = tmp();
    mkdirSync(join(root, '.git'));
    expect(locateAdrDir(root, { profile: { base: root, dir: 'arch/decisions', format: 'madr' } })).toMatchObject({ dir: join(root, 'arch', 'decisions'), format: 'madr', source: 'profile' });
    expect(locateAdrDir(root)).toMatchObject({ dir: join(root, 'doc', 'adr'), source: 'default' });
  });
});

describe('templates', () => {
  it('uses the adr-tools template in templates/template.md, placeholders and all', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates', 'template.md'), '# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Context\n\nOurs.\n');
    const made = await newRecord(storeIn(dir), { title: 'Custom', date: '2024-03-03' });
    expect(readFileSync(made.path, 'utf8')).toBe('# 1. Custom\n\nDate: 2024-03-03\n\n## Status\n\nAccepted\n\n## Context\n\nOurs.\n');
  });

  it('uses a Handlebars adr-template.md in a MADR directory, but not MADR\'s stock one', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'adr-template.md'), '---\nstatus: "{proposed | rejected}"\n---\n\n# {short title}\n');
    const stock = await newRecord(storeIn(dir, 'madr'), { title: 'Stock', date: '2024-03-03' });
    expect(readFileSync(stock.path, 'utf8')).toContain('# Stock\n');
    writeFileSync(join(dir, 'adr-template.md'), '---\n{{frontMatter}}---\n\n# {{line title}} (ours)\n');
    const ours = await newRecord(storeIn(dir, 'madr'), { title: 'Mine', date: '2024-03-03' });
    expect(readFileSync(ours.path, 'utf8')).toContain('# Mine (ours)\n');
  });

  it('reports a broken user template with its path', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'adr-template.md'), '{{#if}}\n');
    await expect(newRecord(storeIn(dir, 'madr'), { title: 'X' })).rejects.toThrow(/adr-template\.md: invalid template/);
  });

  it('writes MADR records that keep to MADR 4, new, superseding and superseded', async () => {
    const dir = tmp();
    const store = storeIn(dir, 'madr');
    const a = await newRecord(store, { title: 'First', date: '2024-01-01' });
    const b = await supersede(store, '1', 'Second');
    for (const path of [a.path, b.path]) expect(checkMadr(readFileSync(path, 'utf8')), path).toEqual([]);
    expect(store.find(1)).toMatchObject({ status: 'superseded', statusText: 'superseded by ADR-0002' });
    expect(store.find(2).links).toEqual([{ type: 'Supersedes', target: 1, file: a.file, label: 'ADR-0001: First', line: 26 }]);
  });

  it('the MADR check catches foreign keys and sections', () => {
    expect(checkMadr('---\nstatus: accepted\nauthor: me\n---\n\n# T\n\n## Context and Problem Statement\n\n## Decision\n')).toEqual([
      'front matter key "author" is not a MADR 4 element',
      'section "Decision" is not a MADR 4 section',
      'missing the required section "Considered Options"',
      'missing the required section "Decision Outcome"',
    ]);
  });
});

describe('escaping', () => {
  it('escapes Markdown structure but leaves HTML entities alone', () => {
    expect(escapeMarkdown('a *b* [c](d) <e> & 50%')).toBe('a \\*b\\* \\[c\\](d) \\<e\\> & 50%');
    expect(escapeMarkdown('# not a heading\n1. not a list')).toBe('\\# not a heading\n1\\. not a list');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(existsSync('/')).toBe(true);
  });
});
