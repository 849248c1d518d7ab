import type { Rule, RuleCore, StageId } from '../model.js';
import { UserError } from '../util/errors.js';
import { closest } from '../util/suggest.js';
import { withDetails, type Catalog } from './catalog.js';

/** One rule with everything its file says; an unknown id is the user's mistake, with the nearest id. */
export function findRule(catalog: Catalog, id: string): Rule {
  const rule = catalog.rules.find((r) => r.id === id);
  if (rule) return withDetails(rule);
  const near = closest(id, catalog.rules.map((r) => r.id));
  throw new UserError(`unknown rule "${id}"${near ? `; did you mean "${near}"?` : ''} (\`scale-advise rules\` lists them)`);
}

export interface RuleFilter {
  topic?: string;
  kind?: string;
  stage?: string;
}

/** The rules that carry a topic, are of a kind, and apply at a stage (each filter optional). */
export function filterRules(rules: readonly RuleCore[], f: RuleFilter): RuleCore[] {
  return rules.filter(
    (r) =>
      (!f.topic || r.topics.includes(f.topic)) &&
      (!f.kind || r.kind === f.kind) &&
      (!f.stage || r.stages.includes(f.stage as StageId)),
  );
}
