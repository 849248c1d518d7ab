import type { Finding, GroupDef } from '../model.js';

export interface FindingBundle {
  /** the findings behind one step, in the order the group's plan takes them */
  findings: Finding[];
  /** the group they share a cause in (rules/_groups.yaml), if any */
  group?: GroupDef;
  /** the group is already a step of its own (open findings), so this bundle does not take its title */
  groupTaken?: boolean;
}

/**
 * One cause, one step: findings of one group (rules/_groups.yaml) make one
 * roadmap item, in the order its plan takes them; the rest are steps of their
 * own. Input order (most urgent first) decides the order of the bundles.
 */
export function bundleByGroup(findings: readonly Finding[], groups: readonly GroupDef[]): FindingBundle[] {
  const groupOf = new Map(groups.flatMap((g) => g.rules.map((id) => [id, g] as const)));
  const bundles: FindingBundle[] = [];
  const byGroup = new Map<string, FindingBundle>();
  for (const f of findings) {
    const group = groupOf.get(f.rule);
    if (!group) {
      bundles.push({ findings: [f] });
      continue;
    }
    let bundle = byGroup.get(group.id);
    if (!bundle) {
      bundle = { findings: [], group };
      byGroup.set(group.id, bundle);
      bundles.push(bundle);
    }
    bundle.findings.push(f);
  }
  for (const b of byGroup.values()) b.findings.sort((x, y) => b.group!.rules.indexOf(x.rule) - b.group!.rules.indexOf(y.rule));
  return bundles;
}
