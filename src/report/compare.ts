import { DIMENSIONS, isOpen, type ComparedFinding, type Finding, type ReportComparison } from '../model.js';
import type { JsonReport } from './report-file.js';
import { compareStrings } from '../util/compare.js';

/** What a comparison reads of a report: the JSON report's own keys, so an earlier file and today's assessment compare alike. */
export type ComparableReport = Pick<JsonReport, 'stage' | 'findings' | 'not_evaluated' | 'completeness'>;

const named = (f: JsonReport['findings'][number]): ComparedFinding => ({ rule: f.rule, title: f.title, severity: f.severity, status: f.status });
const byRule = (a: { rule: string }, b: { rule: string }) => compareStrings(a.rule, b.rule);

/**
 * What changed from `previous` to `current`. A finding is the same finding
 * when its rule is the same: it is new, resolved (gone), or changed in
 * severity or status. Pure: the caller reads the earlier file.
 */
export function compareReports(previous: ComparableReport, current: ComparableReport, previousName: string): ReportComparison {
  const before = new Map(previous.findings.map((f) => [f.rule, f]));
  const after = new Map(current.findings.map((f) => [f.rule, f]));
  const comparison: ReportComparison = {
    previous: previousName,
    stage: { from: previous.stage.id, to: current.stage.id },
    dimensions: DIMENSIONS.filter((d) => (previous.stage.dimensions?.[d] ?? null) !== (current.stage.dimensions?.[d] ?? null)).map((d) => ({
      dimension: d,
      from: previous.stage.dimensions?.[d] ?? null,
      to: current.stage.dimensions?.[d] ?? null,
    })),
    new: current.findings.filter((f) => !before.has(f.rule)).map(named).sort(byRule),
    resolved: previous.findings.filter((f) => !after.has(f.rule)).map(named).sort(byRule),
    severity_changed: [],
    status_changed: [],
    completeness: {
      pct: { from: previous.completeness.pct, to: current.completeness.pct },
      now_evaluated: [],
      no_longer_evaluated: [],
    },
  };
  for (const f of [...after.values()].sort(byRule)) {
    const was = before.get(f.rule);
    if (!was) continue;
    if (was.severity !== f.severity) comparison.severity_changed.push({ ...named(f), from: was.severity });
    if (was.status !== f.status) comparison.status_changed.push({ ...named(f), from: was.status });
  }
  const missingBefore = new Set(previous.not_evaluated.map((n) => n.rule));
  const missingAfter = new Set(current.not_evaluated.map((n) => n.rule));
  comparison.completeness.now_evaluated = [...missingBefore].filter((r) => !missingAfter.has(r)).sort(compareStrings);
  comparison.completeness.no_longer_evaluated = [...missingAfter].filter((r) => !missingBefore.has(r)).sort(compareStrings);
  return comparison;
}

/**
 * Each finding open now and open in the earlier report keeps the day it was
 * first seen open: the earlier report's `open_since`, else that report's day.
 * The others are left unset: open since this assessment. Pure.
 */
export function carryOpenSince(findings: readonly Finding[], previous: Pick<JsonReport, 'findings' | 'assessed_on'>, today: string | undefined): Finding[] {
  const before = new Map(previous.findings.map((f) => [f.rule, f]));
  return findings.map((f) => {
    const was = before.get(f.rule);
    const since = was && isOpen(was) && isOpen(f) ? (was.open_since ?? previous.assessed_on ?? null) : null;
    return since && (!today || since <= today) ? { ...f, open_since: since } : f;
  });
}

/** Nothing moved: no finding, stage or completeness change. */
export function unchanged(c: ReportComparison): boolean {
  return (
    c.stage.from === c.stage.to &&
    !c.dimensions.length &&
    !c.new.length &&
    !c.resolved.length &&
    !c.severity_changed.length &&
    !c.status_changed.length &&
    c.completeness.pct.from === c.completeness.pct.to &&
    !c.completeness.now_evaluated.length &&
    !c.completeness.no_longer_evaluated.length
  );
}

/** The comparison as sentences, one a line: what text and Markdown print. */
export function comparisonLines(c: ReportComparison, code: (id: string) => string = (id) => id): string[] {
  if (unchanged(c)) return ['Nothing changed: the same findings, stage and completeness.'];
  const lines: string[] = [];
  if (c.stage.from !== c.stage.to) lines.push(`Stage moved from ${c.stage.from ?? 'unknown'} to ${c.stage.to ?? 'unknown'}.`);
  for (const d of c.dimensions) lines.push(`The ${d.dimension} dimension moved from ${d.from ?? 'unknown'} to ${d.to ?? 'unknown'}.`);
  for (const f of c.new) lines.push(`New: ${code(f.rule)} (${f.severity}, ${f.status}) ${f.title}.`);
  for (const f of c.resolved) lines.push(`Resolved: ${code(f.rule)} (was ${f.severity}, ${f.status}) ${f.title}.`);
  for (const f of c.severity_changed) lines.push(`Severity changed: ${code(f.rule)} from ${f.from} to ${f.severity}.`);
  for (const f of c.status_changed) lines.push(`Status changed: ${code(f.rule)} from ${f.from} to ${f.status}.`);
  const p = c.completeness.pct;
  if (p.from !== p.to) lines.push(`Completeness ${p.to > p.from ? 'gained' : 'lost'}: ${p.from}% to ${p.to}% of profile fields.`);
  if (c.completeness.now_evaluated.length) lines.push(`Now evaluated (facts were added): ${c.completeness.now_evaluated.map(code).join(', ')}.`);
  if (c.completeness.no_longer_evaluated.length) lines.push(`No longer evaluated (facts are missing): ${c.completeness.no_longer_evaluated.map(code).join(', ')}.`);
  return lines;
}
