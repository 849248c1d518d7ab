import { SEVERITIES, isOpen, type Severity } from '../model.js';
import type { JsonReport } from './report-file.js';
import { compareStrings } from '../util/compare.js';

export const GROUP_BY = ['stage', 'topic', 'owner'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** One system of the portfolio, as its JSON report describes it. */
export interface PortfolioRow {
  /** the profile's project name, else the report's file */
  system: string;
  file: string;
  owner: string | null;
  stage: string | null;
  /** open findings (expired waivers included) by severity */
  open: Record<Severity, number>;
  /** open warning signs: the symptoms already visible */
  warning_signs: number;
  waived: number;
  expired_waivers: number;
}

export interface PortfolioGroup {
  /** null: not grouped */
  key: string | null;
  rows: PortfolioRow[];
}

/** What `portfolio` prints: the systems, grouped as asked. */
export interface Portfolio {
  groupBy: GroupBy | null;
  groups: PortfolioGroup[];
  systems: number;
}

type ReportFinding = JsonReport['findings'][number];

function rowOf(file: string, report: JsonReport, findings: readonly ReportFinding[]): PortfolioRow {
  const open = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) if (isOpen(f)) open[f.severity]++;
  return {
    system: report.project ?? file,
    file,
    owner: typeof report.owner === 'string' ? report.owner : null,
    stage: report.stage.id ?? null,
    open,
    warning_signs: findings.filter((f) => isOpen(f) && f.kind === 'warning-sign').length,
    waived: findings.filter((f) => f.status === 'waived').length,
    expired_waivers: findings.filter((f) => f.status === 'expired-waiver').length,
  };
}

/** Most urgent first: open critical, then high, and so on; then by name. */
function byUrgency(a: PortfolioRow, b: PortfolioRow): number {
  for (const s of SEVERITIES) if (a.open[s] !== b.open[s]) return b.open[s] - a.open[s];
  return compareStrings(a.system, b.system);
}

/**
 * The portfolio of the given reports. By topic, a system appears under each
 * topic of its open findings, counting only that topic's findings.
 */
export function buildPortfolio(reports: readonly { file: string; report: JsonReport }[], groupBy: GroupBy | null): Portfolio {
  const groups = new Map<string | null, PortfolioRow[]>();
  const add = (key: string | null, row: PortfolioRow) => groups.set(key, [...(groups.get(key) ?? []), row]);
  for (const { file, report } of reports) {
    if (groupBy === 'topic') {
      const topics = new Set(report.findings.filter(isOpen).flatMap((f) => f.topics));
      for (const t of topics) add(t, rowOf(file, report, report.findings.filter((f) => f.topics.includes(t))));
      if (!topics.size) add('(no open findings)', rowOf(file, report, []));
      continue;
    }
    const row = rowOf(file, report, report.findings);
    add(groupBy === 'stage' ? (row.stage ?? '(unknown)') : groupBy === 'owner' ? (row.owner ?? '(no owner)') : null, row);
  }
  const keys = [...groups.keys()].sort((a, b) => compareStrings(a ?? '', b ?? ''));
  return { groupBy, systems: reports.length, groups: keys.map((key) => ({ key, rows: groups.get(key)!.sort(byUrgency) })) };
}

const HEAD = ['System', 'Owner', 'Stage', ...SEVERITIES, 'Warning signs', 'Waived', 'Expired waivers'];
const cells = (r: PortfolioRow) => [r.system, r.owner ?? '-', r.stage ?? 'unknown', ...SEVERITIES.map((s) => String(r.open[s])), String(r.warning_signs), String(r.waived), String(r.expired_waivers)];
const groupTitle = (p: Portfolio, g: PortfolioGroup) => `${p.groupBy}: ${g.key} (${g.rows.length} ${g.rows.length === 1 ? 'system' : 'systems'})`;
const footer = (p: Portfolio) => `${p.systems} ${p.systems === 1 ? 'system' : 'systems'}. Severity columns count open findings (expired waivers included).`;

/** Aligned columns, a block per group. */
export function formatPortfolioText(p: Portfolio): string {
  const out: string[] = [];
  for (const g of p.groups) {
    const rows = [HEAD, ...g.rows.map(cells)];
    const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    if (g.key !== null) out.push(groupTitle(p, g), '');
    for (const r of rows) out.push(r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
    out.push('');
  }
  out.push(footer(p));
  return out.join('\n') + '\n';
}

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

/** A Markdown table per group, for a wiki or a job summary. */
export function formatPortfolioMarkdown(p: Portfolio): string {
  const out = ['# Scaling portfolio', ''];
  for (const g of p.groups) {
    if (g.key !== null) out.push(`## ${esc(groupTitle(p, g))}`, '');
    out.push(`| ${HEAD.join(' | ')} |`, `| ${HEAD.map((_, i) => (i < 3 ? '---' : '---:')).join(' | ')} |`);
    for (const r of g.rows) out.push(`| ${cells(r).map(esc).join(' | ')} |`);
    out.push('');
  }
  out.push(footer(p), '');
  return out.join('\n');
}
