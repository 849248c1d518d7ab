// Facts found in the repository: its history, its files and its dependency
// manifests. Loaded only when the detection cache misses (see cache.ts).
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import type { Fact } from '../../model.js';
import { detectFromFiles } from './files.js';
import { detectFromHistory, findRepository } from './git.js';
import { factsFromDependencies } from './libraries.js';
import { manifestKind, readManifest, type Dependency } from './manifests.js';
import type { Detection } from './types.js';
import { MAX_FILES, walkRepository } from './walk.js';

export type { Detection } from './types.js';

export interface DetectOptions {
  now: Date;
  /** told how many commits have been read, now and then, on long histories */
  onProgress?: (commits: number) => void;
}

const real = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};

export async function detectRepository(root: string, opts: DetectOptions): Promise<Detection> {
  const notes: string[] = [];
  const facts: Fact[] = [];
  const walk = await walkRepository(root);
  if (walk.truncated) notes.push(`the repository has more than ${MAX_FILES} files; only the first ${MAX_FILES} were looked at`);

  const fromFiles = detectFromFiles(root, walk.files);
  facts.push(...fromFiles.facts);
  notes.push(...fromFiles.notes);

  const manifests = walk.files.filter((f) => manifestKind(f));
  const deps: Dependency[] = [];
  for (const m of manifests) {
    try {
      deps.push(...(await readManifest(root, m)));
    } catch (e) {
      notes.push(`${m} could not be read (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); its dependencies were not looked at`);
    }
  }
  const fromLibraries = factsFromDependencies(deps);
  facts.push(...fromLibraries.facts);
  notes.push(...fromLibraries.notes);

  const repo = await findRepository(root);
  if (typeof repo === 'string') notes.push(repo);
  else {
    const subfolder = relative(real(repo.toplevel), real(root)) !== '';
    const history = await detectFromHistory(root, repo, { now: opts.now, subfolder, onProgress: opts.onProgress });
    facts.push(...history.facts);
    notes.push(...history.notes);
  }
  return { root, facts, notes, watched: [...walk.dirs, ...fromFiles.read, ...manifests] };
}
