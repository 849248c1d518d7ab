// Evaluate: the pure half of the pipeline. Facts → stage → findings →
// decisions → roadmap, with no file and no clock: everything comes in through
// the inputs (load.ts) and the scenario, so the same inputs can be evaluated
// as they are, at 10× load, or at next year's size.
import type { Assessment, Completeness, Roadmap, Fact, FactSet, Finding, HeldRule, NotEvaluated, RepositorySummary, RuleCore, StageResult } from '../model.js';
import { FACT_SECTIONS } from '../profile/types.js';
import { conflictFindings } from '../facts/conflicts.js';
import type { Inputs } from '../load.js';
import { withDerivedFacts } from '../facts/index.js';
import { DERIVED_FACTS } from '../facts/derived.js';
import { factsRead } from './expr.js';
import { applyDecisions } from '../decisions/apply.js';
import { waiverStates } from '../decisions/waivers.js';
import { isoDay } from '../util/iso-day.js';
import { planRoadmap, type UpcomingFinding } from '../roadmap/plan.js';
import { PROJECTION_HORIZON_MONTHS, projectGrowth, scenarioInMonths } from '../roadmap/projection.js';
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

interface Evaluated {
  facts: FactSet;
  stage: StageResult;
  findings: Finding[];
  notEvaluated: NotEvaluated[];
  held: HeldRule[];
  completeness: Completeness;
}

/** Stage, findings and decisions for one scenario: everything but the roadmap. */
function evaluateFindings(inputs: Inputs, scenario: Scenario, rules: readonly RuleCore[] = inputs.catalog.rules): Evaluated {
  const facts = withDerivedFacts(applyScenario(inputs.facts, scenario, inputs.factMeta));
  const stage = placeStage(inputs.model, facts);
  const evaluation = evaluateRules(rules, facts, stage, stageInputs(inputs.model), inputs.factTypes);
  const findings = applyDecisions(evaluation.findings, inputs.decisions, inputs.now).sort(byUrgency);
  return { facts, stage, findings, notEvaluated: evaluation.notEvaluated, held: evaluation.held, completeness: completeness(facts, inputs.catalog, evaluation.applicable, evaluation.evaluated) };
}

/**
 * The rules growth could bring in: symptoms not found today whose condition
 * reads a fact that grows (or one computed from it, or the stage), and those
 * a later stage would switch on. Only they are evaluated month by month.
 */
function growthCandidates(inputs: Inputs, now: Evaluated): RuleCore[] {
  const grows = new Set([...inputs.factMeta].filter(([, m]) => m.scales_with === 'load' || m.scales_with === 'users' || m.scales_with === 'data').map(([id]) => id));
  for (const d of DERIVED_FACTS) if (d.from.some((f) => grows.has(f))) grows.add(d.id);
  const present = new Set([...now.findings.map((f) => f.rule), ...now.held.map((h) => h.rule)]);
  return inputs.catalog.rules.filter(
    (r) =>
      r.kind !== 'recommendation' &&
      !present.has(r.id) &&
      (!now.stage.id || !r.stages.includes(now.stage.id) || (r.reads ?? factsRead(r.when)).some((f) => grows.has(f) || f.startsWith('stage.'))),
  );
}

/**
 * Symptoms the growth projection brings in (warning signs and pitfalls), each
 * at the first month it appears, most urgent first. Recommendations that come
 * with a later stage wait until the system is there: listing them ahead would
 * pad a small system's plan with patterns it does not need yet.
 *
 * Growth only pushes numbers one way, so a symptom open at the horizon is
 * found by a binary search for its first month: a handful of evaluations
 * instead of one per month.
 */
function upcomingFindings(inputs: Inputs, scenario: Scenario, now: Evaluated): UpcomingFinding[] {
  const growth = now.facts.get('traffic.growth_pct_per_month')?.value;
  const dataGrowth = now.facts.get('database.growth_gb_per_month')?.value;
  if (!(typeof growth === 'number' && growth > 0) && !(typeof dataGrowth === 'number' && dataGrowth > 0)) return [];
  const candidates = growthCandidates(inputs, now);
  if (!candidates.length) return [];
  const atMonth = new Map<number, Evaluated>();
  const at = (m: number) => {
    if (!atMonth.has(m)) atMonth.set(m, evaluateFindings(inputs, scenarioInMonths(scenario, now.facts, m), candidates));
    return atMonth.get(m)!;
  };
  const opensAt = (m: number, rule: string) => at(m).findings.some((f) => f.rule === rule && f.status === 'open');
  const out: UpcomingFinding[] = [];
  for (const f of at(PROJECTION_HORIZON_MONTHS).findings) {
    if (f.status !== 'open') continue;
    let lo = 1;
    let hi = PROJECTION_HORIZON_MONTHS;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (opensAt(mid, f.rule)) hi = mid;
      else lo = mid + 1;
    }
    const first = at(lo).findings.find((x) => x.rule === f.rule) ?? f;
    out.push({ finding: first, months: lo, stage: at(lo).stage.id });
  }
  return out.sort((a, b) => byUrgency(a.finding, b.finding));
}

/**
 * Everything the inputs say under one scenario. The roadmap is worked out on
 * first read: its growth projection evaluates the rules again month by month,
 * and `check`'s SARIF, JUnit, GitHub and text reports never read it.
 */
export function evaluate(inputs: Inputs, scenario: Scenario = AS_IS): Assessment {
  const now = evaluateFindings(inputs, scenario);
  const name = inputs.profile.data.project?.name;
  const assessment: Omit<Assessment, 'roadmap'> = {
    profilePath: inputs.profile.displayPath,
    ...(typeof name === 'string' ? { project: name } : {}),
    ...(typeof inputs.profile.data.project?.owner === 'string' ? { owner: inputs.profile.data.project.owner } : {}),
    ...(scenario.label || scenario.factor !== undefined || scenario.overrides ? { scenario: { label: scenario.label ?? `${scenario.factor ?? 1}x`, factor: scenario.factor ?? 1 } } : {}),
    stage: now.stage,
    // Disagreements between declared and detected facts are information only: after the rule findings, off the roadmap.
    findings: [...now.findings, ...conflictFindings(inputs.conflicts, now.facts, inputs.profile.displayPath)],
    notEvaluated: now.notEvaluated,
    completeness: now.completeness,
    conflicts: [...inputs.conflicts],
    facts: now.facts,
    groups: groupFindings(now.findings, inputs.catalog.groups),
    held: now.held,
    ...(inputs.repository ? { repository: repositorySummary(now.facts, inputs.repository) } : {}),
    assessedOn: isoDay(inputs.now),
    waivers: waiverStates(inputs.decisions.waivers, inputs.now),
  };
  return withLazyRoadmap(assessment, () =>
    planRoadmap({
      findings: now.findings,
      held: now.held,
      groups: inputs.catalog.groups,
      upcoming: upcomingFindings(inputs, scenario, now),
      projection: projectGrowth(now.facts, inputs.factMeta, inputs.model, now.stage),
      rules: new Map<string, RuleCore>(inputs.catalog.rules.map((r) => [r.id, r])),
      stage: now.stage.id,
    }),
  );
}

/**
 * `roadmap` as an ordinary enumerable property computed once, on first read;
 * it can be assigned like any other. Evaluation is pure, so when it is
 * computed does not change what it is.
 */
function withLazyRoadmap(a: Omit<Assessment, 'roadmap'>, plan: () => Roadmap): Assessment {
  let roadmap: Roadmap | undefined;
  return Object.defineProperty(a as Assessment, 'roadmap', {
    enumerable: true,
    configurable: true,
    get: () => (roadmap ??= plan()),
    set: (value: Roadmap) => {
      roadmap = value;
    },
  });
}
