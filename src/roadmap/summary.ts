import { isOpen, severityRank, type Finding, type RoadmapItem, type RoadmapPhase } from '../model.js';
import { compareStrings } from '../util/compare.js';


/**
 * The roadmap summary that `assess` prints: open findings grouped by urgency.
 * now: warning signs and pitfalls of high severity and up, the things hurting today;
 * next: the rest of the warning signs and pitfalls, and recommendations of medium severity and up;
 * later: low-severity and informational recommendations.
 */
export function summarizeRoadmap(findings: Finding[]): { phases: RoadmapPhase[] } {
  const now: RoadmapItem[] = [];
  const next: RoadmapItem[] = [];
  const later: RoadmapItem[] = [];
  const sorted = findings.filter(isOpen).sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || compareStrings(a.rule, b.rule));
  for (const f of sorted) {
    const item: RoadmapItem = { rule: f.rule, topics: f.topics, title: f.title, severity: f.severity, kind: f.kind };
    const rank = severityRank(f.severity);
    if (f.kind !== 'recommendation') (rank >= severityRank('high') ? now : next).push(item);
    else (rank >= severityRank('medium') ? next : later).push(item);
  }
  return {
    phases: [
      { id: 'now', title: 'Now: symptoms hurting users or the team today', items: now },
      { id: 'next', title: 'Next: the remaining warning signs and the steps this stage calls for', items: next },
      { id: 'later', title: 'Later: worth doing, not urgent', items: later },
    ],
  };
}
