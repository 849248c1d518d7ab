// The repository's files, as git would see them: .gitignore files (at every
// level) are honoured, and dependency, vendor and build folders are skipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ignore } from 'ignore';

/** Folders that hold installed or generated code, never the project's own configuration. */
export const SKIPPED_DIRS = new Set([
  '.git', 'node_modules', 'vendor', 'build', 'dist', 'target', 'out', '.venv', 'venv', '__pycache__',
  'bower_components', '.terraform', 'coverage', '.next', '.nuxt', '.gradle', '.tox', '.cache',
  // test data: manifests and configs there describe made-up projects
  'fixtures', '__fixtures__', 'testdata',
]);

/** A walk stops here; a repository this large is judged on what was seen, and says so. */
export const MAX_FILES = 50_000;

export interface WalkResult {
  /** relative POSIX paths of files */
  files: string[];
  /** relative POSIX paths of the folders walked ('' is the root) */
  dirs: string[];
  truncated: boolean;
}

export async function walkRepository(root: string): Promise<WalkResult> {
  const ignoreFactory = (await import('ignore')).default as unknown as (opts?: object) => Ignore;
  const files: string[] = [];
  const dirs: string[] = [];
  let truncated = false;
  // Each .gitignore applies to paths below its own folder.
  const visit = (rel: string, rules: { base: string; ig: Ignore }[]) => {
    if (files.length >= MAX_FILES) return void (truncated = true);
    dirs.push(rel);
    const abs = rel ? join(root, rel) : root;
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to learn there
    }
    let scoped = rules;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        scoped = [...rules, { base: rel, ig: ignoreFactory().add(readFileSync(join(abs, '.gitignore'), 'utf8')) }];
      } catch {
        // unreadable .gitignore: keep the outer rules
      }
    }
    const ignored = (path: string, dir: boolean) =>
      scoped.some(({ base, ig }) => {
        const sub = base ? path.slice(base.length + 1) : path;
        return ig.ignores(dir ? `${sub}/` : sub);
      });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (SKIPPED_DIRS.has(e.name) || ignored(path, true)) continue;
        visit(path, scoped);
      } else if (e.isFile() && !ignored(path, false)) {
        if (files.length >= MAX_FILES) return void (truncated = true);
        files.push(path);
      }
    }
  };
  visit('', []);
  return { files, dirs, truncated };
}
