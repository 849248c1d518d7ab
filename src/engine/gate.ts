import { isOpen, KINDS, severityRank, type Finding, type RuleKind, type Severity } from '../model.js';

/** What fails a run: open findings of these kinds at or above this severity. */
export interface Threshold {
  severity: Severity;
  kinds: readonly RuleKind[];
}

/** `--fail-on SEVERITY` on assess: any open finding, of any kind, at or above it. */
export function severityThreshold(severity: Threshold['severity']): Threshold {
  return { severity, kinds: KINDS };
}

/** Open findings (an expired waiver counts as open) that meet the threshold. */
export function openAtOrAbove(findings: readonly Finding[], threshold: Threshold): Finding[] {
  return findings.filter(
    (f) => isOpen(f) && threshold.kinds.includes(f.kind) && severityRank(f.severity) >= severityRank(threshold.severity),
  );
}
