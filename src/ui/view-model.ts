// What the dashboard shows, computed from an assessment without React or ink,
// so the layout decisions can be read (and tested) as plain data.
import type { Inputs } from '../load.js';
import { evaluate } from '../engine/assessment.js';
import { AS_IS } from '../engine/scenario.js';
import { scenarioInMonths } from '../roadmap/projection.js';
import { isOpen, severityRank, STAGE_IDS, STAGE_NAMES, type Assessment, type Finding, type Severity, type StageId } from '../model.js';
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
}

/** Evaluate once (and, when growth is known, at 6 and 12 months) and shape the result for the dashboard. */
export function dashboardData(inputs: Inputs, assessment: Assessment = evaluate(inputs)): DashboardData {
  const gauge: StageGauge = { current: assessment.stage.id };
  if (assessment.roadmap.projection.growth_pct_per_month !== null) {
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
  };
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

/** One row of the findings list: a severity heading or a finding (by its index in `findings`). */
export type ListRow = { heading: Severity; count: number } | { finding: number };

/** The findings list grouped by severity: a heading before each severity's findings. */
export function listRows(findings: readonly Finding[]): ListRow[] {
  const rows: ListRow[] = [];
  findings.forEach((f, i) => {
    if (i === 0 || findings[i - 1]!.severity !== f.severity) rows.push({ heading: f.severity, count: findings.filter((g) => g.severity === f.severity).length });
    rows.push({ finding: i });
  });
  return rows;
}

/** The slice of rows to show in `height` lines so that the selected finding stays in view. */
export function visibleRows(rows: readonly ListRow[], selected: number, height: number): ListRow[] {
  if (rows.length <= height) return [...rows];
  const at = rows.findIndex((r) => 'finding' in r && r.finding === selected);
  // keep the heading above the selection visible when it fits
  const start = Math.min(Math.max(0, at - Math.floor(height / 2)), rows.length - height);
  return rows.slice(start, start + height);
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
