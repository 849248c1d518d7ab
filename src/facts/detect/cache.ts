// The detection cache. It is read on every `assess`, so it stays tiny: file
// reads and stats, no git process. A cached detection is valid while HEAD
// points at the same commit, the day is the same (history facts count back
// from today), and every file and folder detection looked at keeps its
// modification time (a new file changes its folder's).
import { isoDay } from '../../util/iso-day.js';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TOOL_VERSION } from '../../version.js';
import { writeTemp } from '../../util/write.js';
import { packagePath } from '../../util/paths.js';
import type { Detection } from './types.js';

interface CacheFile {
  version: string;
  /** modification time of the detection bundle: a rebuilt detector invalidates every cache */
  detector: number;
  root: string;
  head: string | null;
  day: string;
  /** [path relative to root, mtime in ms] */
  stamps: [string, number][];
  detection: Detection;
}

/**
 * The git directory of the repository holding `dir`, found as git finds it:
 * a `.git` folder, or a `.git` file naming one (worktrees, submodules);
 * the search stops below any folder in GIT_CEILING_DIRECTORIES.
 */
export function locateGit(dir: string): { gitDir: string; worktree: string } | null {
  const ceilings = (process.env.GIT_CEILING_DIRECTORIES ?? '').split(':').filter(Boolean).map((d) => resolve(d));
  let at = resolve(dir);
  for (;;) {
    const dotGit = join(at, '.git');
    try {
      const st = statSync(dotGit);
      if (st.isDirectory()) return existsSync(join(dotGit, 'HEAD')) ? { gitDir: dotGit, worktree: at } : null;
      const m = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
      return m ? { gitDir: resolve(at, m[1]!.trim()), worktree: at } : null;
    } catch {
      // no .git here: look one folder up
    }
    const up = dirname(at);
    if (up === at || ceilings.includes(up)) return null;
    at = up;
  }
}

export function findGitDir(dir: string): string | null {
  return locateGit(dir)?.gitDir ?? null;
}

/** The commit HEAD points at, read from the ref files; null on an unborn branch. */
export function readHead(gitDir: string): string | null {
  try {
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    const ref = head.slice(5);
    const commonFile = join(gitDir, 'commondir');
    const common = existsSync(commonFile) ? resolve(gitDir, readFileSync(commonFile, 'utf8').trim()) : gitDir;
    for (const d of [gitDir, common]) {
      try {
        return readFileSync(join(d, ref), 'utf8').trim();
      } catch {
        // not a loose ref here
      }
    }
    const packed = readFileSync(join(common, 'packed-refs'), 'utf8');
    return new RegExp(`^([0-9a-f]{40,64}) ${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm').exec(packed)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** A short, stable file name for a detection root. */
function cacheFileFor(gitDir: string, root: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < root.length; i++) h = Math.imul(h ^ root.charCodeAt(i), 0x01000193) >>> 0;
  return join(gitDir, 'scale-advise', `detect-${h.toString(16)}.json`);
}

const detectorBundle = () => packagePath('dist', 'detect.cjs');

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** The cached detection for `root`, if nothing it depends on has changed. */
export function readCachedDetection(root: string, now: Date): Detection | null {
  const gitDir = findGitDir(root);
  if (!gitDir) return null;
  let cache: CacheFile;
  try {
    cache = JSON.parse(readFileSync(cacheFileFor(gitDir, root), 'utf8')) as CacheFile;
  } catch {
    return null;
  }
  if (cache.version !== TOOL_VERSION || cache.detector !== mtime(detectorBundle()) || cache.root !== root || cache.day !== isoDay(now) || cache.head !== readHead(gitDir)) return null;
  for (const [path, ms] of cache.stamps) if (mtime(join(root, path)) !== ms) return null;
  return cache.detection;
}

/** Keep a detection for the next run. A cache that cannot be written is only a slower next run. */
export function writeCachedDetection(root: string, now: Date, detection: Detection): void {
  const gitDir = findGitDir(root);
  if (!gitDir) return;
  const file = cacheFileFor(gitDir, root);
  const cache: CacheFile = {
    version: TOOL_VERSION,
    detector: mtime(detectorBundle()),
    root,
    head: readHead(gitDir),
    day: isoDay(now),
    stamps: detection.watched.map((p) => [p, mtime(join(root, p))]),
    detection,
  };
  try {
    mkdirSync(dirname(file), { recursive: true });
    renameSync(writeTemp(dirname(file), JSON.stringify(cache)), file);
  } catch {
    // read-only repository: detect again next time
  }
}
