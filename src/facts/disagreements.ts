// A profile that disagrees with what was detected or measured is worth saying:
// one info finding names every such fact, both values and which one was used.
import type { Evidence, FactConflict, Finding, Position } from '../model.js';
import { formatValue } from '../engine/format-value.js';

export const DISAGREEMENT_RULE = 'profile-disagrees-with-facts';

/** What `explain` says of this finding, which no rule file carries. */
export const DISAGREEMENT_EXPLANATION =
  `${DISAGREEMENT_RULE}: The profile disagrees with what was found or measured\n` +
  'recommendation · info · built in, not a rule file\n\n' +
  'Fires when a declared value differs from one detected in the repository or collected from a live system\n' +
  '(`scale-advise collect`, kept in .scale-advise/collected.json). The declared value is used unless\n' +
  '`assess --prefer-collected` is given. The finding lists every such fact with both values.\n';

export function disagreementFinding(conflicts: readonly FactConflict[], positionOf: (factId: string) => Position | null): Finding[] {
  if (!conflicts.length) return [];
  const evidence: Evidence[] = conflicts.flatMap((k) => {
    const at = positionOf(k.fact);
    return [
      { fact: k.fact, value: k.declared, provenance: 'declared', line: at?.line ?? null, column: at?.column ?? null },
      { fact: k.fact, value: k.detected, provenance: k.provenance, line: null, column: null },
    ];
  });
  const each = conflicts.map((k) => `${k.fact}: declared ${formatValue(k.declared)}, ${k.provenance} ${formatValue(k.detected)}; the ${k.kept} value is used`);
  const collected = conflicts.some((k) => k.provenance === 'collected');
  return [
    {
      rule: DISAGREEMENT_RULE,
      title: 'The profile disagrees with what was found or measured',
      kind: 'recommendation',
      severity: 'info',
      topics: ['observability'],
      message: `${conflicts.length === 1 ? 'One fact differs' : `${conflicts.length} facts differ`}: ${each.join('. ')}.`,
      evidence,
      recommendation:
        'Bring the profile up to date where the measured or detected value is right, or correct the source where the profile is.' +
        (collected ? ' `scale-advise collect --write-profile` writes collected values into the profile; `assess --prefer-collected` uses them without changing it.' : ''),
      status: 'open',
      addressed_by: null,
      sources: [],
    },
  ];
}
