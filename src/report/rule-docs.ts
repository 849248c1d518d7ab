import type { Assessment, RuleCore } from '../model.js';
import { withDetails } from '../engine/catalog.js';
import { REPOSITORY_URL } from '../version.js';
import type { RuleDoc } from './index.js';

/** A shipped rule's section in docs/rules.md (its `<a id>` anchor in the rule table). */
export function ruleHelpUri(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules.md#${id}`;
}

/**
 * Every rule the assessment evaluated, passing ones included: those whose
 * stages hold the system's stage (all, when the stage is unknown), less the
 * rules that lacked facts.
 */
export function evaluatedRuleDocs(rules: readonly RuleCore[], a: Assessment): RuleDoc[] {
  const notEvaluated = new Set(a.notEvaluated.map((n) => n.rule));
  const stage = a.stage.id;
  return rules
    .filter((r) => (!stage || r.stages.includes(stage)) && !notEvaluated.has(r.id))
    .map((r) => {
      const full = withDetails(r);
      return {
        id: r.id,
        title: r.title,
        kind: r.kind,
        severity: r.severity,
        topics: [...r.topics],
        description: (full.rationale ?? r.title).replace(/\s+/g, ' ').trim(),
        ...(r.user ? {} : { helpUri: ruleHelpUri(r.id) }),
      };
    });
}
