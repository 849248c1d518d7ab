// A declared value wins over a detected or collected one (unless
// --prefer-collected), but a disagreement is worth a look: either the profile
// is out of date or the repository, or the measurement, is not the whole
// story. Each becomes an info finding, `detected-fact-differs` or
// `collected-fact-differs`, which has no catalog rule: nothing to waive,
// never a warning sign.
import type { Fact, FactConflict, Finding } from '../model.js';
import { formatValue } from '../engine/format-value.js';

export const CONFLICT_FINDING = 'detected-fact-differs';
export const COLLECTED_CONFLICT_FINDING = 'collected-fact-differs';

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
    const position = declared?.provenance === 'declared' ? declared.position : null;
    const at = position ? `${profile}:${position.line}:${position.column}` : profile;
    const collected = k.provenance === 'collected';
    return {
      rule: collected ? COLLECTED_CONFLICT_FINDING : CONFLICT_FINDING,
      title: `The profile and ${collected ? 'the measured value' : 'the repository'} disagree on ${k.fact}`,
      kind: 'recommendation',
      severity: 'info',
      topics: [collected ? 'observability' : topicOf(k.fact)],
      message:
        `The profile says ${k.fact} = ${formatValue(k.declared)} (${at}), but ${collected ? 'collect measured' : 'the repository shows'} ${formatValue(k.detected)}` +
        `${k.origin ? ` (${k.origin})` : ''}. The ${k.kept === 'declared' ? 'declared' : k.kept} value is used.`,
      evidence: [
        { fact: k.fact, value: k.declared, provenance: 'declared', line: position?.line ?? null, column: position?.column ?? null },
        { fact: k.fact, value: k.detected, provenance: k.provenance, line: null, column: null, ...(k.origin ? { origin: k.origin } : {}) },
      ],
      recommendation: collected
        ? 'Bring the profile up to date (`scale-advise collect --write-profile` writes the measured values into it), or keep the declared value if the measurement misses part of the picture; `--prefer-collected` assesses with the measured values.'
        : 'Bring the profile up to date, or keep the declared value if the repository is not the whole story (infrastructure kept elsewhere, contributors who do not commit here).',
      status: 'open',
      addressed_by: null,
      sources: [],
    };
  });
}
