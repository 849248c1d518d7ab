import { KINDS, severityRank, type Finding } from '../model.js';
import { compareStrings } from '../util/compare.js';

/** The one finding order: most severe first; warning signs, then pitfalls, then recommendations; then by id. */
export function byUrgency(a: Pick<Finding, 'severity' | 'kind' | 'rule'>, b: Pick<Finding, 'severity' | 'kind' | 'rule'>): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) ||
    compareStrings(a.rule, b.rule)
  );
}
