import type { Fact } from '../../model.js';

/** What a look at the repository produced: facts, and what it could not judge. */
export interface Detection {
  /** the directory that was looked at */
  root: string;
  facts: Fact[];
  /** plain sentences: what could not be judged and why (a shallow clone, no repository) */
  notes: string[];
  /** files and directories whose modification times key the cache (relative to root) */
  watched: string[];
}

/** A fact found in one place: `value` with its evidence `origin` (file:line or git range). */
export function detectedFact(id: string, value: unknown, origin: string): Fact {
  return { id, value, provenance: 'detected', position: null, origin };
}
