// The record files on another branch, read through the git command line
// (imported lazily: only `--base` needs it).
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { UserError } from '../../util/errors.js';
import { lazyImport } from '../../util/lazy-import.js';
import { RECORD_FILE } from './parse.js';

export interface BaseRecords {
  ref: string;
  /** record file names in the ADR directory on `ref` */
  files: string[];
  /** record file names where `ref` and HEAD parted (empty without a common ancestor) */
  mergeBaseFiles: string[];
}

type Git = (args: string[]) => { ok: boolean; out: string; err: string };

async function gitIn(cwd: string): Promise<Git> {
  const { spawnSync } = await lazyImport<typeof import('node:child_process')>('node:child_process');
  return (args) => {
    const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.error) throw new UserError(`--base needs git, and it could not be run: ${r.error.message}`);
    return { ok: r.status === 0, out: r.stdout, err: r.stderr.trim() };
  };
}

/** The nearest existing directory: the ADR directory itself may not exist on this branch. */
function existingDir(dir: string): string {
  let d = dir;
  while (!existsSync(d) && dirname(d) !== d) d = dirname(d);
  return d;
}

/** `dir` with symbolic links resolved as far as it exists, as git reports its top level. */
function realDir(dir: string): string {
  const existing = existingDir(dir);
  return join(realpathSync(existing), relative(existing, dir));
}

function recordFilesAt(git: Git, commit: string, rel: string): string[] {
  const r = git(['ls-tree', '--name-only', '-z', commit, '--', rel ? `${rel}/` : '.']);
  if (!r.ok) throw new UserError(`git ls-tree ${commit} failed: ${r.err}`);
  return r.out
    .split('\0')
    .filter(Boolean)
    .map((p) => (rel ? p.slice(rel.length + 1) : p))
    .filter((name) => !name.includes('/') && RECORD_FILE.test(name))
    .sort();
}

export async function recordsOnBase(dir: string, ref: string): Promise<BaseRecords> {
  if (!ref.trim() || ref.startsWith('-')) throw new UserError(`--base must name a branch, tag or commit; got "${ref}"`);
  const start = realpathSync(existingDir(dir));
  const git = await gitIn(start);
  const top = git(['rev-parse', '--show-toplevel']);
  if (!top.ok) throw new UserError(`--base ${ref}: ${start} is not inside a git repository`);
  const root = realpathSync(top.out.trim());
  const rel = relative(root, realDir(dir)).split(sep).join(posix.sep);
  if (rel.startsWith('..')) throw new UserError(`--base ${ref}: the ADR directory ${dir} is outside the repository ${root}`);
  const run = await gitIn(root);
  const commit = run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!commit.ok) throw new UserError(`--base ${ref}: git knows no such branch, tag or commit in ${root}`);
  const files = recordFilesAt(run, commit.out.trim(), rel);
  const fork = run(['merge-base', commit.out.trim(), 'HEAD']);
  const mergeBaseFiles = fork.ok ? recordFilesAt(run, fork.out.trim(), rel) : [];
  return { ref, files, mergeBaseFiles };
}
