// Repository facts for a command: from the detection cache when it is
// fresh, else by running detection, which is loaded only then.
import type { Detection } from './detect/types.js';
import { locateGit, readCachedDetection, writeCachedDetection } from './detect/cache.js';
import { dirname } from 'node:path';

export type { Detection } from './detect/types.js';

export interface RepositoryFactOptions {
  now: Date;
  /** say on stderr that a long history is being read (only on a terminal) */
  progress?: boolean;
}

/** The folder detection looks at: the profile's, else the repository's root, else the working directory. */
export function detectionRoot(cwd: string, profilePath: string | null): string {
  if (profilePath) return dirname(profilePath);
  return locateGit(cwd)?.worktree ?? cwd;
}

export async function repositoryFacts(root: string, opts: RepositoryFactOptions): Promise<Detection> {
  const cached = readCachedDetection(root, opts.now);
  if (cached) return cached;
  const { detectRepository } = await import('./detect/index.js');
  const showProgress = opts.progress && process.stderr.isTTY;
  if (showProgress) process.stderr.write('scale-advise: looking at the repository…');
  const detection = await detectRepository(root, {
    now: opts.now,
    ...(showProgress ? { onProgress: (n: number) => process.stderr.write(`\rscale-advise: reading history, ${n} commits…`) } : {}),
  });
  if (showProgress) process.stderr.write('\r\x1b[K');
  writeCachedDetection(root, opts.now, detection);
  return detection;
}
