// What the dashboard shows, computed from an assessment without React or ink,
// so the layout decisions can be read (and tested) as plain data.
import type { Inputs } from '../load.js';
import { evaluate } from '../engine/assessment.js';
import { AS_IS } from '../engine/scenario.js';
import { scenarioInMonths } from '../roadmap/projection.js';
import { evaluateWhatIf } from '../roadmap/what-if.js';
import type { DecisionInputs } from '../decisions/status.js';
import { isOpen, severityRank, STAGE_IDS, STAGE_NAMES, type Assessment, type Finding, type StageId } from '../model.js';
import type { PhaseHeading } from './list-model.js';
import { compareStrings } from '../util/compare.js';

export interface StageGauge {
  current: StageId | null;
  /** where the growth projection puts the system; absent when growth is unknown */
  in6Months?: StageId | null;
  in12Months?: StageId | null;
}

export interface FindingCounts {
  open: number;
  addressed: number;
  waived: number;
}

export interface DashboardData {
  project: string;
  /** as the user named it, for evidence's file:line */
  profilePath: string;
  gauge: StageGauge;
  counts: FindingCounts;
  completenessPct: number;
  /** most severe first, then by rule id */
  findings: Finding[];
  /** per rule: the rules it waits for (its `requires`) */
  requires: ReadonlyMap<string, string[]>;
  /** the roadmap's phases in order, and the phase that plans each rule */
  phases: PhaseHeading[];
  phaseOf: ReadonlyMap<string, string>;
  /** the ADRs and waivers, for the detail pane's "addressed by" */
  decisions: DecisionInputs;
  /** set in the what-if view: the scenario against the system as measured */
  whatIf?: WhatIfView;
}

export interface WhatIfView {
  label: string;
  stage: { from: StageId | null; to: StageId | null };
  /** per rule: whether the finding appears or disappears under the scenario */
  marks: ReadonlyMap<string, 'appears' | 'disappears'>;
}

/** The load factor of the dashboard's what-if view, as `assess --what-if 10x`. */
export const WHAT_IF_FACTOR = 10;

/** Evaluate once (and, when growth is known, at 6 and 12 months) and shape the result for the dashboard. */
export function dashboardData(inputs: Inputs, assessment: Assessment = evaluate(inputs), knownGauge?: StageGauge): DashboardData {
  const gauge: StageGauge = knownGauge ?? { current: assessment.stage.id };
  if (!knownGauge && assessment.roadmap.projection.growth_pct_per_month !== null) {
    gauge.in6Months = evaluate(inputs, scenarioInMonths(AS_IS, assessment.facts, 6)).stage.id;
    gauge.in12Months = evaluate(inputs, scenarioInMonths(AS_IS, assessment.facts, 12)).stage.id;
  }
  return {
    project: assessment.project ?? assessment.profilePath,
    profilePath: assessment.profilePath,
    gauge,
    counts: countFindings(assessment.findings),
    completenessPct: assessment.completeness.pct,
    findings: sortFindings(assessment.findings),
    requires: new Map(inputs.catalog.rules.filter((r) => r.requires?.length).map((r) => [r.id, r.requires ?? []])),
    // upcoming steps are findings growth brings later, not findings of this list
    phases: assessment.roadmap.phases.map((p) => ({ id: p.id, title: p.title, steps: p.items.filter((i) => !i.upcoming).length })),
    phaseOf: new Map(assessment.roadmap.phases.flatMap((p) => p.items.filter((i) => !i.upcoming).flatMap((i) => i.rules.map((r) => [r, p.id] as const)))),
    decisions: inputs.decisions,
  };
}

/**
 * The dashboard at `WHAT_IF_FACTOR` times the load: the scenario's findings,
 * plus the measured ones that would go away, each marked; the gauge stays
 * the measured one.
 */
export function whatIfData(inputs: Inputs, measured: DashboardData, measuredFindings: readonly Finding[]): DashboardData {
  const scenario = evaluateWhatIf(inputs, WHAT_IF_FACTOR);
  const comparison = scenario.whatIf!;
  const gone = new Set(comparison.disappear.map((f) => f.rule));
  const marks = new Map<string, 'appears' | 'disappears'>([...comparison.appear.map((f) => [f.rule, 'appears'] as const), ...[...gone].map((r) => [r, 'disappears'] as const)]);
  const data = dashboardData(inputs, scenario, measured.gauge);
  const findings = sortFindings([...scenario.findings, ...measuredFindings.filter((f) => gone.has(f.rule) && !scenario.findings.some((s) => s.rule === f.rule))]);
  return { ...data, findings, whatIf: { label: comparison.label, stage: comparison.stage, marks } };
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  return {
    open: findings.filter(isOpen).length,
    addressed: findings.filter((f) => f.status === 'addressed').length,
    waived: findings.filter((f) => f.status === 'waived').length,
  };
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || compareStrings(a.rule, b.rule));
}

/**
 * The gauge as two lines: the stages in order, and under each the markers
 * that sit on it ("now", "6m", "12m").
 */
export function gaugeLines(gauge: StageGauge): { stages: string; markers: string } {
  const gap = ' → ';
  let stages = '';
  let markers = '';
  STAGE_IDS.forEach((id, i) => {
    const label = STAGE_NAMES[id];
    const here = [
      gauge.current === id ? '▲ now' : '',
      gauge.in6Months === id ? '6m' : '',
      gauge.in12Months === id ? '12m' : '',
    ].filter(Boolean);
    const mark = here.join(' ');
    const cell = Math.max(label.length, mark.length);
    stages += (i ? gap : '') + label.padEnd(cell);
    markers += (i ? ' '.repeat(gap.length) : '') + mark.padEnd(cell);
  });
  return { stages: stages.trimEnd(), markers: markers.trimEnd() };
}

/** "db.cpu_pct = 85 (declared, scale-advise.yaml:12)" */
export function evidenceLine(e: Finding['evidence'][number], profilePath: string): string {
  const where = e.origin ?? (e.line !== null ? `${profilePath}:${e.line}${e.column !== null ? `:${e.column}` : ''}` : null);
  return `${e.fact} = ${formatValue(e.value)} (${e.provenance}${where ? `, ${where}` : ''})`;
}

function formatValue(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function sourceLine(s: Finding['sources'][number]): string {
  return `${s.title ?? s.seed}${s.publisher ? ` (${s.publisher}${s.date ? `, ${s.date}` : ''})` : ''}: ${s.point}`;
}
