// Evaluate: the pure half of the pipeline. Facts → stage → findings →
// decisions → roadmap, with no file and no clock: everything comes in through
// the inputs (load.ts) and the scenario, so the same inputs can be evaluated
// as they are, at 10× load, or at next year's size.
import type { Assessment, Completeness, Fact } from '../model.js';
import type { Inputs } from '../load.js';
import { withDerivedFacts } from '../facts/index.js';
import { applyDecisions } from '../decisions/apply.js';
import { summarizeRoadmap } from '../roadmap/summary.js';
import { evaluateRules } from './evaluate.js';
import { groupFindings } from './groups.js';
import { byUrgency } from './order.js';
import { AS_IS, applyScenario, type Scenario } from './scenario.js';
import { placeStage, stageInputs } from './stage.js';
import type { Catalog } from './catalog.js';

/** The share of the profile's documented fact fields that are filled in, and of the applicable rules evaluated. */
export function completeness(facts: ReadonlyMap<string, Fact>, catalog: Catalog, applicable: number, evaluated: number): Completeness {
  const declared = catalog.facts.filter((f) => f.provenance === 'declared');
  const present = declared.filter((f) => facts.has(f.id)).length;
  const pct = declared.length ? Math.round((present / declared.length) * 100) : 0;
  return { fields_present: present, fields_known: declared.length, rules_evaluated: evaluated, rules_applicable: applicable, pct };
}

export function evaluate(inputs: Inputs, scenario: Scenario = AS_IS): Assessment {
  const facts = withDerivedFacts(applyScenario(inputs.facts, scenario, inputs.factMeta));
  const stage = placeStage(inputs.model, facts);
  const evaluation = evaluateRules(inputs.catalog.rules, facts, stage, stageInputs(inputs.model), inputs.factTypes);
  const findings = applyDecisions(evaluation.findings, inputs.decisions, inputs.now).sort(byUrgency);
  const name = inputs.profile.data.project?.name;
  return {
    profilePath: inputs.profile.displayPath,
    ...(typeof name === 'string' ? { project: name } : {}),
    ...(scenario.label || scenario.factor !== undefined || scenario.overrides ? { scenario: { label: scenario.label ?? `${scenario.factor ?? 1}x`, factor: scenario.factor ?? 1 } } : {}),
    stage,
    findings,
    notEvaluated: evaluation.notEvaluated,
    roadmap: summarizeRoadmap(findings),
    completeness: completeness(facts, inputs.catalog, evaluation.applicable, evaluation.evaluated),
    conflicts: [...inputs.conflicts],
    facts,
    groups: groupFindings(findings, inputs.catalog.groups),
    held: evaluation.held,
  };
}
