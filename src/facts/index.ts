import type { Fact, FactConflict, Provenance } from '../model.js';
import type { Profile } from '../profile/load.js';
import { declaredFacts } from './declared.js';
import { deriveFacts } from './derived.js';

export interface FactBase {
  facts: Map<string, Fact>;
  /** declared facts that disagree with detected or collected ones */
  conflicts: FactConflict[];
}

/**
 * Merge facts from every source. A declared value wins over a detected or
 * collected one unless that provenance is in `prefer` (`--prefer-collected`);
 * either way a disagreement is kept for the report. Derived facts are not
 * computed here: a scenario may change their inputs.
 */
export function mergeFacts(profile: Profile, extra: readonly Fact[] = [], prefer: readonly Provenance[] = []): FactBase {
  const facts = new Map<string, Fact>();
  const conflicts: FactConflict[] = [];
  for (const f of declaredFacts(profile)) facts.set(f.id, f);
  for (const f of extra) {
    const declared = facts.get(f.id);
    if (!declared) {
      facts.set(f.id, f);
      continue;
    }
    const preferred = prefer.includes(f.provenance);
    if (preferred) facts.set(f.id, f);
    if (JSON.stringify(declared.value) !== JSON.stringify(f.value)) {
      conflicts.push({
        fact: f.id,
        declared: declared.value,
        detected: f.value,
        ...(f.origin ? { origin: f.origin } : {}),
        provenance: f.provenance,
        kept: preferred ? f.provenance : 'declared',
      });
    }
  }
  return { facts, conflicts };
}

/**
 * A copy of a fact map. forEach, not `new Map(facts)`: the iterator that
 * copy walks makes an object or two per fact, and an assessment copies the
 * facts once per evaluation, month after month in a projection.
 */
export function copyFacts(facts: ReadonlyMap<string, Fact>): Map<string, Fact> {
  const out = new Map<string, Fact>();
  facts.forEach((f, id) => out.set(id, f));
  return out;
}

/** The facts with the derived ones computed from them. */
export function withDerivedFacts(facts: ReadonlyMap<string, Fact>): Map<string, Fact> {
  const out = copyFacts(facts);
  for (const f of deriveFacts(out)) out.set(f.id, f);
  return out;
}

/** Merged facts plus derived ones: the facts of the profile as it stands. */
export function buildFacts(profile: Profile, extra: readonly Fact[] = [], prefer: readonly Provenance[] = []): FactBase {
  const { facts, conflicts } = mergeFacts(profile, extra, prefer);
  return { facts: withDerivedFacts(facts), conflicts };
}

/** Fact ids split at their dots, once: a projection builds the tree month after month. */
const idParts = new Map<string, string[]>();

/** Nest dotted facts into the object tree an expression reads (`database.cpu_p95_pct`). */
export function factTree(facts: readonly Fact[] | ReadonlyMap<string, Fact>, roots: readonly string[]): Record<string, Record<string, unknown>> {
  const tree: Record<string, Record<string, unknown>> = {};
  for (const r of roots) tree[r] = {};
  const add = (f: Fact) => {
    let parts = idParts.get(f.id);
    if (!parts) idParts.set(f.id, (parts = f.id.split('.')));
    let node: Record<string, unknown> = tree;
    for (let i = 0; i < parts.length - 1; i++) {
      const p = parts[i]!;
      if (typeof node[p] !== 'object' || node[p] === null) node[p] = {};
      node = node[p] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = f.value;
  };
  // a map's forEach walks it without making an object per fact
  if (Array.isArray(facts)) for (const f of facts) add(f);
  else (facts as ReadonlyMap<string, Fact>).forEach(add);
  return tree;
}
