// Where a project keeps its ADRs, found the way the tools that write them
// do: adr-tools' `.adr-dir` (else `doc/adr`), log4brains' `.log4brains.yml`,
// MADR's `docs/decisions`, then `docs/adr` and `doc/architecture/decisions`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { positionAt, readYamlFile } from '../../profile/parse-yaml.js';
import { readUserFile } from '../../util/read-file.js';
import { UserError } from '../../util/errors.js';
import { RECORD_FILE } from './parse.js';
import { splitFrontMatter } from './markdown.js';
import type { AdrDirSource, AdrFormat, AdrLocation } from './types.js';

export interface ProfileAdrSettings {
  dir?: string;
  format?: AdrFormat;
  /** directory the profile's relative paths start from */
  base: string;
}

const CONVENTIONS: { path: string; source: AdrDirSource; format: AdrFormat }[] = [
  { path: 'doc/adr', source: 'doc/adr', format: 'nygard' },
  { path: 'docs/decisions', source: 'docs/decisions', format: 'madr' },
  { path: 'docs/adr', source: 'docs/adr', format: 'nygard' },
  { path: 'doc/architecture/decisions', source: 'doc/architecture/decisions', format: 'nygard' },
];

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/** The format the records already in a directory use, judged from the first few. */
export function sniffFormat(dir: string): AdrFormat | null {
  if (!isDir(dir)) return null;
  const files = readdirSync(dir).filter((f) => RECORD_FILE.test(f)).sort().slice(-5);
  let madr = 0;
  let nygard = 0;
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(join(dir, f), 'utf8').slice(0, 4000);
    } catch {
      continue;
    }
    if (splitFrontMatter(text) || /^## Context and Problem Statement\s*$/m.test(text)) madr++;
    else if (/^## Status\s*$/m.test(text)) nygard++;
  }
  if (!madr && !nygard) return null;
  return madr > nygard ? 'madr' : 'nygard';
}

function readAdrDirFile(file: string): string {
  const first = readUserFile(file, file).split(/\r?\n/)[0]?.trim() ?? '';
  if (!first) throw new UserError([{ file, position: { line: 1, column: 1 }, message: '.adr-dir is empty; it should name the ADR directory' }]);
  return first;
}

function log4brainsFolder(file: string): string {
  // Parsed like a profile: a mistake is reported at its line and column, in our words.
  const parsed = readYamlFile(file, file);
  const folder = (parsed.data as { project?: { adrFolder?: unknown } } | null)?.project?.adrFolder;
  if (typeof folder !== 'string' || !folder.trim()) {
    const position = positionAt(parsed, ['project', 'adrFolder']) ?? positionAt(parsed, ['project']) ?? { line: 1, column: 1 };
    throw new UserError([{ file, position, message: '`project.adrFolder` should name the ADR directory (a path)' }]);
  }
  return folder.trim();
}

/** Where each format's own tooling puts records by default. */
export function defaultDirFor(format: AdrFormat): string {
  return format === 'madr' ? 'docs/decisions' : 'doc/adr';
}

/** The directories searched: cwd and its parents up to the repository root (the first holding `.git`). */
function searchRoots(cwd: string): string[] {
  const roots: string[] = [];
  let dir = resolve(cwd);
  for (;;) {
    roots.push(dir);
    if (existsSync(join(dir, '.git'))) return roots;
    const up = dirname(dir);
    if (up === dir) return [resolve(cwd)]; // no repository: only the working directory counts
    dir = up;
  }
}

function located(dir: string, source: AdrDirSource, root: string, fallback: AdrFormat, profileFormat?: AdrFormat): AdrLocation {
  return { dir, source, root, format: profileFormat ?? sniffFormat(dir) ?? fallback };
}

/**
 * Find the ADR directory and its format. An explicit `--dir` (relative to the
 * working directory) wins; then the tools' conventions, nearest directory
 * first, searched from the profile's folder when there is a profile, else
 * from the working directory, so every command finds the records of a
 * profile in the same place; then the profile's `adr.dir`; then adr-tools'
 * default, `doc/adr`. A format named in the profile wins over what the
 * records look like, which wins over the convention's own.
 */
export function locateAdrDir(cwd: string, opts: { dir?: string; format?: AdrFormat; profile?: ProfileAdrSettings } = {}): AdrLocation {
  const pf = opts.format ?? opts.profile?.format;
  if (opts.dir) return located(resolve(cwd, opts.dir), 'option', resolve(cwd), 'nygard', pf);
  const start = opts.profile?.base ?? cwd;
  for (const root of searchRoots(start)) {
    const adrDirFile = join(root, '.adr-dir');
    if (isFile(adrDirFile)) return located(resolve(root, readAdrDirFile(adrDirFile)), 'adr-dir-file', root, 'nygard', pf);
    const l4b = join(root, '.log4brains.yml');
    if (isFile(l4b)) return located(resolve(root, log4brainsFolder(l4b)), 'log4brains', root, 'madr', pf);
    for (const c of CONVENTIONS) {
      const dir = join(root, c.path);
      if (isDir(dir)) return located(dir, c.source, root, c.format, pf);
    }
  }
  if (opts.profile?.dir) return located(resolve(opts.profile.base, opts.profile.dir), 'profile', opts.profile.base, 'nygard', pf);
  const root = searchRoots(start).at(-1)!;
  return located(join(root, defaultDirFor(pf ?? 'nygard')), 'default', root, pf === 'madr' ? 'madr' : 'nygard', pf);
}
