// The library table (libraries.json) applied to a repository's dependencies.
import type { Fact } from '../../model.js';
import table from './libraries.json' with { type: 'json' };
import { normalizePypi, type Dependency, type Ecosystem } from './manifests.js';
import { detectedFact } from './types.js';

export interface LibraryEntry {
  ecosystem: Ecosystem;
  names: string[];
  facts: Record<string, unknown>;
}

export const LIBRARIES = (table as { libraries: LibraryEntry[] }).libraries;

function normalize(eco: Ecosystem, name: string): string {
  if (eco === 'pypi') return normalizePypi(name);
  // npm and Go are case-sensitive in principle; registries treat these as one name in practice.
  return name.toLowerCase();
}

/** Does `name` match a table name (exact, or a prefix ending in `*`)? */
export function matchesLibrary(eco: Ecosystem, pattern: string, name: string): boolean {
  const p = normalize(eco, pattern);
  const n = normalize(eco, name);
  return p.endsWith('*') ? n.startsWith(p.slice(0, -1)) : n === p;
}

export function libraryFor(dep: Dependency): LibraryEntry | undefined {
  return LIBRARIES.find((e) => e.ecosystem === dep.ecosystem && e.names.some((p) => matchesLibrary(dep.ecosystem, p, dep.name)));
}

/**
 * One fact per fact id, from the first dependency (in file order) that shows
 * it. A second library that says otherwise (pg and mysql2 side by side)
 * becomes a note, not a second value.
 */
export function factsFromDependencies(deps: Dependency[]): { facts: Fact[]; notes: string[] } {
  const facts = new Map<string, Fact>();
  const notes: string[] = [];
  for (const dep of deps) {
    const entry = libraryFor(dep);
    if (!entry) continue;
    for (const [id, value] of Object.entries(entry.facts)) {
      const origin = `${dep.file}:${dep.line} (${dep.name})`;
      const seen = facts.get(id);
      if (!seen) facts.set(id, detectedFact(id, value, origin));
      else if (seen.value !== value) notes.push(`${id}: ${origin} suggests ${String(value)}; ${String(seen.value)} from ${seen.origin} is used`);
    }
  }
  return { facts: [...facts.values()], notes };
}
