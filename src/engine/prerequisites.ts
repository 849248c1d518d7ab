import type { Problem } from '../util/errors.js';

interface RuleRequires {
  id: string;
  file?: string;
  requires?: string[];
}

/**
 * What the rule schema cannot check about `requires`: every id names a rule,
 * no rule requires itself, and the prerequisites form no cycle (a cycle would
 * leave the roadmap with no step that may come first).
 */
export function prerequisiteProblems(rules: readonly RuleRequires[], knownIds: ReadonlySet<string> = new Set(rules.map((r) => r.id))): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const r of rules) {
    for (const req of r.requires ?? []) {
      if (req === r.id) problems.push({ file: r.file ?? r.id, position: null, message: `rule \`${r.id}\` requires itself` });
      else if (!knownIds.has(req)) problems.push({ file: r.file ?? r.id, position: null, message: `rule \`${r.id}\` requires unknown rule \`${req}\`` });
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(id)), id];
      const key = [...cycle].sort().join(' ');
      if (!reported.has(key)) {
        reported.add(key);
        const r = byId.get(id)!;
        problems.push({ file: r.file ?? r.id, position: null, message: `prerequisites form a cycle: ${cycle.join(' → ')}` });
      }
      return;
    }
    state.set(id, 'visiting');
    for (const req of byId.get(id)?.requires ?? []) if (byId.has(req) && req !== id) visit(req, [...path, id]);
    state.set(id, 'done');
  };
  for (const r of rules) visit(r.id, []);
  return problems;
}

const MONTH_DAYS = 30.44;
const UNIT_MONTHS = { days: 1 / MONTH_DAYS, weeks: 7 / MONTH_DAYS, months: 1 } as const;

/** The longer end of a lead time such as "2-5 days", in months; null when there is none. */
export function leadTimeMonths(leadTime: string | undefined): number | null {
  const m = /^(\d+)(?:-(\d+))? (days|weeks|months)$/.exec(leadTime ?? '');
  if (!m) return null;
  return Number(m[2] ?? m[1]) * UNIT_MONTHS[m[3] as keyof typeof UNIT_MONTHS];
}
