import type { Finding } from '../model.js';
import { RESOURCES } from './projection.js';

const RESOURCE_FACTS = new Set(RESOURCES.map((r) => r.fact));

/**
 * One cause, one step: warning signs that cite the same strained resource
 * (the primary's CPU, its connections, ...) and share a topic are symptoms of
 * one problem and become one roadmap item, led by the most urgent of them.
 * Pitfalls and recommendations stay steps of their own. Input order (most
 * urgent first) is kept.
 */
export function groupSymptoms(findings: readonly Finding[]): Finding[][] {
  const groups: Finding[][] = [];
  for (const f of findings) {
    const target =
      f.kind === 'warning-sign'
        ? groups.find((g) => {
            const lead = g[0]!;
            if (lead.kind !== 'warning-sign' || !lead.topics.some((t) => f.topics.includes(t))) return false;
            const cited = new Set(lead.evidence.map((e) => e.fact).filter((id) => RESOURCE_FACTS.has(id)));
            return f.evidence.some((e) => cited.has(e.fact));
          })
        : undefined;
    if (target) target.push(f);
    else groups.push([f]);
  }
  return groups;
}
