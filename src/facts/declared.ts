import { isMap, isScalar, type Node, type Pair } from 'yaml';
import type { Fact } from '../model.js';
import { offsetToPosition } from '../profile/parse-yaml.js';
import type { Profile } from '../profile/load.js';
import { FACT_SECTIONS } from '../profile/types.js';

/**
 * Flatten the profile's sections into dotted facts (`database.cpu_p95_pct`).
 * Lists stay whole (`architecture.components` is one fact); `x-` keys are
 * the user's notes and never become facts.
 */
export function declaredFacts(profile: Profile): Fact[] {
  const { doc, lineCounter } = profile.parsed;
  const facts: Fact[] = [];
  const root = doc.contents;
  if (!isMap(root)) return facts;
  const walk = (node: Node, prefix: string) => {
    if (!isMap(node)) return;
    for (const pair of node.items as Pair<Node, Node>[]) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (key.startsWith('x-')) continue;
      const id = `${prefix}.${key}`;
      const value = pair.value;
      if (isMap(value)) {
        walk(value, id);
        continue;
      }
      const start = (value?.range ?? pair.key.range)?.[0] ?? 0;
      facts.push({
        id,
        value: value ? value.toJS(doc) : null,
        provenance: 'declared',
        position: offsetToPosition(lineCounter, start),
      });
    }
  };
  for (const pair of root.items as Pair<Node, Node>[]) {
    if (!isScalar(pair.key)) continue;
    const section = String(pair.key.value);
    if ((FACT_SECTIONS as readonly string[]).includes(section) && pair.value) walk(pair.value, section);
  }
  return facts.filter((f) => f.value !== null && f.value !== undefined);
}
