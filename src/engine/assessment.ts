// Evaluate: the pure half of the pipeline. Facts → stage → findings →
// decisions → roadmap, with no file and no clock: everything comes in through
// the inputs (load.ts) and the scenario, so the same inputs can be evaluated
// as they are, at 10× load, or at next year's size.
import type { Assessment, Completeness, Fact, RepositorySummary } from '../model.js';
import { FACT_SECTIONS } from '../profile/types.js';
import { conflictFindings } from '../facts/conflicts.js';
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

function repositorySummary(facts: ReadonlyMap<string, Fact>, r: { notes: string[]; withoutProfile: boolean }): RepositorySummary {
  const ids = [...facts.keys()];
  return {
    detected: [...facts.values()].filter((f) => f.provenance === 'detected').length,
    notes: r.notes,
    withoutProfile: r.withoutProfile,
    unknown: FACT_SECTIONS.filter((s) => !ids.some((id) => id.startsWith(`${s}.`))),
  };
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
    // Disagreements between declared and detected facts are information only: after the rule findings, off the roadmap.
    findings: [...findings, ...conflictFindings(inputs.conflicts, facts, inputs.profile.displayPath)],
    notEvaluated: evaluation.notEvaluated,
    roadmap: summarizeRoadmap(findings),
    completeness: completeness(facts, inputs.catalog, evaluation.applicable, evaluation.evaluated),
    conflicts: [...inputs.conflicts],
    facts,
    groups: groupFindings(findings, inputs.catalog.groups),
    held: evaluation.held,
    ...(inputs.repository ? { repository: repositorySummary(facts, inputs.repository) } : {}),
  };
}
