// A declared value always wins over a detected one, but a disagreement is
// worth a look: either the profile is out of date or the repository is not
// the whole story. Each becomes an info finding, `detected-fact-differs`,
// which has no catalog rule: nothing to waive, never a warning sign.
import type { Fact, FactConflict, Finding } from '../model.js';
import { formatValue } from '../engine/format-value.js';

export const CONFLICT_FINDING = 'detected-fact-differs';

/** Topic by fact (or by section): the fixed vocabulary of spec/OUTPUT.md. */
const TOPIC_BY_FACT: Record<string, string> = {
  'delivery.infrastructure_as_code': 'infrastructure-as-code',
  'architecture.cache': 'caching',
  'architecture.async_jobs': 'async-processing',
  'architecture.message_broker': 'event-driven',
  'architecture.circuit_breakers': 'resilience',
  'architecture.orchestration': 'container-orchestration',
  'architecture.autoscaling': 'autoscaling',
  'architecture.services': 'service-extraction',
  'database.engine': 'polyglot-persistence',
  team: 'team-topology',
  delivery: 'ci-cd',
  observability: 'observability',
  architecture: 'scaling-debt',
};

function topicOf(fact: string): string {
  return TOPIC_BY_FACT[fact] ?? TOPIC_BY_FACT[fact.split('.')[0]!] ?? 'scaling-debt';
}

export function conflictFindings(conflicts: readonly FactConflict[], facts: ReadonlyMap<string, Fact>, profile: string): Finding[] {
  return conflicts.map((k) => {
    const declared = facts.get(k.fact);
    const at = declared?.position ? `${profile}:${declared.position.line}:${declared.position.column}` : profile;
    return {
      rule: CONFLICT_FINDING,
      title: `The profile and the repository disagree on ${k.fact}`,
      kind: 'recommendation',
      severity: 'info',
      topics: [topicOf(k.fact)],
      message: `The profile says ${k.fact} = ${formatValue(k.declared)} (${at}), but the repository shows ${formatValue(k.detected)}${k.origin ? ` (${k.origin})` : ''}. The declared value is used.`,
      evidence: [
        { fact: k.fact, value: k.declared, provenance: 'declared', line: declared?.position?.line ?? null, column: declared?.position?.column ?? null },
        { fact: k.fact, value: k.detected, provenance: 'detected', line: null, column: null, ...(k.origin ? { origin: k.origin } : {}) },
      ],
      recommendation: 'Bring the profile up to date, or keep the declared value if the repository is not the whole story (infrastructure kept elsewhere, contributors who do not commit here).',
      status: 'open',
      addressed_by: null,
      sources: [],
    };
  });
}
