// The findings list as plain data: which findings the filters and the search
// let through, how they are grouped (by severity, or by the roadmap's phases),
// and which rows fit the list's height.
import { FINDING_STATUSES, KINDS, SEVERITIES, severityRank, type Finding, type FindingStatus, type RuleKind, type Severity } from '../model.js';
import { compareStrings } from '../util/compare.js';

export type Grouping = 'severity' | 'phase';

export const FILTER_KEYS = ['topic', 'kind', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface Filters {
  topic: string | null;
  kind: RuleKind | null;
  status: FindingStatus | null;
  /** the search: words that must all occur in the title, rule id, message or topics */
  query: string;
}

export const NO_FILTERS: Filters = Object.freeze({ topic: null, kind: null, status: null, query: '' });

/** The values of a filter that occur among `findings`, in the catalog's order (topics alphabetically). */
export function filterValues(findings: readonly Finding[], key: FilterKey): string[] {
  if (key === 'topic') return [...new Set(findings.flatMap((f) => f.topics))].sort(compareStrings);
  const order: readonly string[] = key === 'kind' ? KINDS : FINDING_STATUSES;
  const present = new Set(findings.map((f) => f[key]));
  return order.filter((v) => present.has(v as never));
}

/** The next value a filter key cycles to: off, each value in turn, off again. */
export function nextValue(values: readonly string[], current: string | null): string | null {
  if (current === null) return values[0] ?? null;
  const i = values.indexOf(current);
  return i < 0 || i === values.length - 1 ? null : values[i + 1]!;
}

export function matchesFilters(f: Finding, filters: Filters): boolean {
  if (filters.topic !== null && !f.topics.includes(filters.topic)) return false;
  if (filters.kind !== null && f.kind !== filters.kind) return false;
  if (filters.status !== null && f.status !== filters.status) return false;
  const words = filters.query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = [f.title, f.rule, f.message, ...f.topics].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** "topic: database · kind: pitfall · search: cache", or '' when nothing filters. */
export function describeFilters(filters: Filters): string {
  return [
    ...FILTER_KEYS.filter((k) => filters[k] !== null).map((k) => `${k}: ${filters[k]}`),
    ...(filters.query ? [`search: "${filters.query}"`] : []),
  ].join(' · ');
}

/** A group of the list under one heading; `severity` colours the heading. */
export interface ListGroup {
  heading: string;
  severity?: Severity;
  /** a roadmap phase's steps: one step may carry several findings of one cause */
  steps?: number;
  findings: Finding[];
}

/** A roadmap phase as the list shows it. */
export interface PhaseHeading {
  id: string;
  title: string;
  steps: number;
}

export const UNPLANNED_HEADING = 'Not in the roadmap: addressed, waived or baselined';

/**
 * Findings (most severe first) under a heading per severity, or per roadmap
 * phase in the roadmap's order, with those the roadmap does not plan last.
 */
export function groupFindings(findings: readonly Finding[], grouping: Grouping, phases: readonly PhaseHeading[], phaseOf: ReadonlyMap<string, string>): ListGroup[] {
  if (grouping === 'severity') {
    return [...SEVERITIES]
      .sort((a, b) => severityRank(b) - severityRank(a))
      .map((s) => ({ heading: s.toUpperCase(), severity: s, findings: findings.filter((f) => f.severity === s) }))
      .filter((g) => g.findings.length);
  }
  const groups: ListGroup[] = phases.map((p) => ({ heading: p.title, steps: p.steps, findings: findings.filter((f) => phaseOf.get(f.rule) === p.id) }));
  groups.push({ heading: UNPLANNED_HEADING, findings: findings.filter((f) => !phaseOf.has(f.rule)) });
  return groups.filter((g) => g.findings.length);
}

/** One row of the findings list: a heading, or a finding with its place in the list's order. */
export type ListRow = { heading: string; count: number; severity?: Severity; steps?: number } | { finding: Finding; index: number };

export function listRows(groups: readonly ListGroup[]): ListRow[] {
  const rows: ListRow[] = [];
  let index = 0;
  for (const g of groups) {
    rows.push({ heading: g.heading, count: g.findings.length, ...(g.severity ? { severity: g.severity } : {}), ...(g.steps !== undefined ? { steps: g.steps } : {}) });
    for (const finding of g.findings) rows.push({ finding, index: index++ });
  }
  return rows;
}

/** The slice of rows to show in `height` lines so that the selected finding stays in view. */
export function visibleRows(rows: readonly ListRow[], selected: number, height: number): ListRow[] {
  if (rows.length <= height) return [...rows];
  const at = rows.findIndex((r) => 'finding' in r && r.index === selected);
  // keep the heading above the selection visible when it fits
  const start = Math.min(Math.max(0, at - Math.floor(height / 2)), rows.length - height);
  return rows.slice(start, start + height);
}
