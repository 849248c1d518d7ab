// One problem, one plan: findings that share a cause are shown together,
// led by the cheapest step that tells which of them matters. The groups are
// data (rules/_groups.yaml), checked when the catalog is built.
import { severityRank, type Finding, type FindingGroup, type GroupDef, type RuleKind } from '../model.js';
import { collapseSpace } from '../util/space.js';

const KIND_ORDER: RuleKind[] = ['warning-sign', 'pitfall', 'recommendation'];

/**
 * The groups the findings form: a group appears when at least two of its
 * rules fired. Members keep the order of the group's plan; the group takes
 * the most severe member's severity and the most pressing kind among them.
 * Pure: findings and group definitions in, groups out.
 */
export function groupFindings(findings: readonly Finding[], defs: readonly GroupDef[]): FindingGroup[] {
  const byRule = new Map(findings.map((f) => [f.rule, f]));
  const groups: FindingGroup[] = [];
  for (const def of defs) {
    const members = def.rules.map((id) => byRule.get(id)).filter((f): f is Finding => f !== undefined);
    if (members.length < 2) continue;
    const worst = members.reduce((a, b) => (severityRank(b.severity) > severityRank(a.severity) ? b : a));
    const kind = KIND_ORDER.find((k) => members.some((m) => m.kind === k))!;
    groups.push({ id: def.id, title: def.title, lead: collapseSpace(def.lead), severity: worst.severity, kind, findings: members.map((m) => m.rule) });
  }
  return groups;
}

/** Problems to check at build time: unknown rules, and a rule in two groups (it would be shown twice). */
export function groupProblems(defs: readonly GroupDef[], ruleIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  const ids = new Set<string>();
  for (const def of defs) {
    if (ids.has(def.id)) problems.push(`group ${def.id} is defined twice`);
    ids.add(def.id);
    for (const id of def.rules) {
      if (!ruleIds.has(id)) problems.push(`group ${def.id} names unknown rule ${id}`);
      const prev = owner.get(id);
      if (prev) problems.push(`rule ${id} is in groups ${prev} and ${def.id}; a rule belongs to one group`);
      owner.set(id, def.id);
    }
  }
  return problems;
}
