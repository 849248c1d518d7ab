import { SEVERITIES, STAGE_IDS, isOpen, type Position, type Severity } from '../model.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { JsonReport } from './report-file.js';
import { compareStrings } from '../util/compare.js';
import { daysUntil } from '../decisions/waivers.js';
import { isoDay } from '../util/iso-day.js';

export const GROUP_BY = ['stage', 'topic', 'owner'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** The group of the systems that have no stage, owner or open finding to be grouped by. */
export const UNGROUPED_KEY: Readonly<Record<GroupBy, string>> = { stage: '(unknown)', owner: '(no owner)', topic: '(no open findings)' };

/** A report written before it carried dates (`open_since`) or its waivers: the column cannot be known. */
export const UNKNOWN = 'unknown';

/** What every format shows for a value the report does not carry (an owner, a stage, dates); the footer says so. */
export const ABSENT = '—';

/** The open warning sign first seen open the longest ago. */
export interface OldestWarningSign {
  rule: string;
  /** YYYY-MM-DD */
  since: string;
  /** days open, as of the portfolio's day */
  days: number;
}

/** A live waiver that ends within the portfolio's window. */
export interface ExpiringWaiverRow {
  rule: string;
  scope: string | null;
  owner: string;
  expires: string;
  /** days left as of the portfolio's day; 0: it ends that day */
  days_left: number;
}

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
  /** null: no warning sign is open */
  oldest_warning_sign: OldestWarningSign | null | typeof UNKNOWN;
  waived: number;
  expired_waivers: number;
  /** soonest first */
  expiring_waivers: ExpiringWaiverRow[] | typeof UNKNOWN;
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
  /** YYYY-MM-DD: the day ages and days left are counted to */
  asOf: string;
  /** waivers ending within this many days are listed */
  window: number;
  /** files met in a directory and passed over: not reports */
  skipped: SkippedFile[];
}

/** A file passed over, where and why. */
export interface SkippedFile {
  file: string;
  position: Position | null;
  message: string;
}

export interface PortfolioOptions {
  now: Date;
  /** days; a live waiver ending within them is listed */
  window: number;
}

type ReportFinding = JsonReport['findings'][number];

function oldestWarningSign(report: JsonReport, findings: readonly ReportFinding[], now: Date): PortfolioRow['oldest_warning_sign'] {
  const open = findings.filter((f) => isOpen(f) && f.kind === 'warning-sign');
  if (!open.length) return null;
  const dated = open.map((f) => ({ rule: f.rule, since: f.open_since ?? report.assessed_on ?? null }));
  if (dated.some((d) => d.since === null)) return UNKNOWN;
  const oldest = (dated as { rule: string; since: string }[]).sort((a, b) => compareStrings(a.since, b.since) || compareStrings(a.rule, b.rule))[0]!;
  return { ...oldest, days: Math.max(0, -daysUntil(oldest.since, now)) };
}

function expiringWaivers(report: JsonReport, rules: ReadonlySet<string> | null, opts: PortfolioOptions): PortfolioRow['expiring_waivers'] {
  if (!report.waivers) return UNKNOWN;
  return report.waivers
    .filter((w) => !rules || rules.has(w.rule))
    .map((w) => ({ rule: w.rule, scope: w.scope ?? null, owner: w.owner, expires: w.expires, days_left: daysUntil(w.expires, opts.now) }))
    .filter((w) => w.days_left >= 0 && w.days_left <= opts.window)
    .sort((a, b) => a.days_left - b.days_left || compareStrings(a.rule, b.rule));
}

/** A row of the report; with `topic`, only that topic's findings and the waivers of their rules count. */
function rowOf(file: string, report: JsonReport, opts: PortfolioOptions, topic?: string): PortfolioRow {
  const findings = topic === undefined ? report.findings : report.findings.filter((f) => f.topics.includes(topic));
  const open = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) if (isOpen(f)) open[f.severity]++;
  return {
    system: report.project ?? file,
    file,
    owner: typeof report.owner === 'string' ? report.owner : null,
    stage: report.stage.id ?? null,
    open,
    warning_signs: findings.filter((f) => isOpen(f) && f.kind === 'warning-sign').length,
    oldest_warning_sign: oldestWarningSign(report, findings, opts.now),
    waived: findings.filter((f) => f.status === 'waived').length,
    expired_waivers: findings.filter((f) => f.status === 'expired-waiver').length,
    expiring_waivers: expiringWaivers(report, topic === undefined ? null : new Set(findings.map((f) => f.rule)), opts),
  };
}

/** Most urgent first: open critical, then high, and so on; then by name. */
function byUrgency(a: PortfolioRow, b: PortfolioRow): number {
  for (const s of SEVERITIES) if (a.open[s] !== b.open[s]) return b.open[s] - a.open[s];
  return compareStrings(a.system, b.system);
}

/**
 * The portfolio of the given reports. By topic, a system appears under each
 * topic of its open findings (and of those whose waiver is about to end),
 * counting only that topic's findings. Ages and
 * days left are counted to `now`, not to each report's day: an artefact a
 * week old still shows how long a warning sign has been open today.
 */
export function buildPortfolio(reports: readonly { file: string; report: JsonReport }[], groupBy: GroupBy | null, opts: PortfolioOptions, skipped: readonly SkippedFile[] = []): Portfolio {
  const groups = new Map<string | null, PortfolioRow[]>();
  const add = (key: string | null, row: PortfolioRow) => groups.set(key, [...(groups.get(key) ?? []), row]);
  for (const { file, report } of reports) {
    if (groupBy === 'topic') {
      // a waiver about to end puts its finding's topics on the table too, open or not
      const expiring = expiringWaivers(report, null, opts);
      const ending = new Set(expiring === UNKNOWN ? [] : expiring.map((w) => w.rule));
      const topics = new Set(report.findings.filter((f) => isOpen(f) || ending.has(f.rule)).flatMap((f) => f.topics));
      for (const t of topics) add(t, rowOf(file, report, opts, t));
      if (!topics.size) add(UNGROUPED_KEY.topic, rowOf(file, report, opts));
      continue;
    }
    const row = rowOf(file, report, opts);
    add(groupBy === 'stage' ? (row.stage ?? UNGROUPED_KEY.stage) : groupBy === 'owner' ? (row.owner ?? UNGROUPED_KEY.owner) : null, row);
  }
  const keys = [...groups.keys()].sort((a, b) => compareStrings(a ?? '', b ?? ''));
  return { groupBy, systems: reports.length, asOf: isoDay(opts.now), window: opts.window, skipped: [...skipped], groups: keys.map((key) => ({ key, rows: groups.get(key)!.sort(byUrgency) })) };
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** "db-cpu-saturated, 41 days"; "none"; "—" when the report carries no dates. */
export function oldestText(r: PortfolioRow): string {
  const o = r.oldest_warning_sign;
  return o === UNKNOWN ? ABSENT : o === null ? 'none' : `${o.rule}, ${days(o.days)}`;
}

/** "db-read-replicas in 5 days; cache (database.x) today"; "none"; "—" when the report lists no waivers. */
export function expiringText(r: PortfolioRow): string {
  const w = r.expiring_waivers;
  if (w === UNKNOWN) return ABSENT;
  if (!w.length) return 'none';
  return w.map((x) => `${x.rule}${x.scope ? ` (${x.scope})` : ''} ${x.days_left === 0 ? 'today' : `in ${days(x.days_left)}`}`).join('; ');
}

/** A column of every portfolio format; `sort` is what the HTML table sorts by. */
export interface PortfolioColumn {
  head: string;
  cell: (r: PortfolioRow) => string;
  numeric: boolean;
  sort: (r: PortfolioRow) => number | string;
}

const counted = (head: string, n: (r: PortfolioRow) => number): PortfolioColumn => ({ head, cell: (r) => String(n(r)), numeric: true, sort: n });

export const COLUMNS: readonly PortfolioColumn[] = [
  { head: 'System', cell: (r) => r.system, numeric: false, sort: (r) => r.system },
  { head: 'Owner', cell: (r) => r.owner ?? ABSENT, numeric: false, sort: (r) => r.owner ?? '' },
  { head: 'Stage', cell: (r) => r.stage ?? ABSENT, numeric: false, sort: (r) => STAGE_IDS.indexOf(r.stage as (typeof STAGE_IDS)[number]) },
  ...SEVERITIES.map((s) => counted(s, (r) => r.open[s])),
  counted('Warning signs', (r) => r.warning_signs),
  { head: 'Oldest warning sign', cell: oldestText, numeric: false, sort: (r) => (typeof r.oldest_warning_sign === 'object' && r.oldest_warning_sign ? r.oldest_warning_sign.days : -1) },
  counted('Waived', (r) => r.waived),
  counted('Expired waivers', (r) => r.expired_waivers),
  { head: 'Expiring waivers', cell: expiringText, numeric: false, sort: (r) => (Array.isArray(r.expiring_waivers) && r.expiring_waivers.length ? r.expiring_waivers[0]!.days_left : Number.MAX_SAFE_INTEGER) },
];

export const groupTitle = (p: Portfolio, g: PortfolioGroup) => `${p.groupBy}: ${g.key} (${g.rows.length} ${g.rows.length === 1 ? 'system' : 'systems'})`;

/** What the columns mean, under every table. */
export const portfolioFooter = (p: Portfolio) =>
  `${p.systems} ${p.systems === 1 ? 'system' : 'systems'}, as of ${p.asOf}. Severity columns count open findings (expired waivers included). ` +
  `Oldest warning sign: the open one first seen open the longest ago, and for how long; expiring waivers: live waivers that end within ${days(p.window)}. ` +
  `"${ABSENT}": the report does not carry it (a profile without project.owner, or a report written before reports carried dates and waivers); "none": nothing to list.`;

/** Aligned columns, a block per group. */
export function formatPortfolioText(p: Portfolio): string {
  const out: string[] = [];
  for (const g of p.groups) {
    const rows = [COLUMNS.map((c) => c.head), ...g.rows.map((r) => COLUMNS.map((c) => c.cell(r)))];
    const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    if (g.key !== null) out.push(groupTitle(p, g), '');
    for (const r of rows) out.push(r.map((c, i) => (COLUMNS[i]!.numeric ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd());
    out.push('');
  }
  out.push(portfolioFooter(p));
  return out.join('\n') + '\n';
}

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

/** A Markdown table per group, for a wiki or a job summary. */
export function formatPortfolioMarkdown(p: Portfolio): string {
  const out = ['# Scaling portfolio', ''];
  for (const g of p.groups) {
    if (g.key !== null) out.push(`## ${esc(groupTitle(p, g))}`, '');
    out.push(`| ${COLUMNS.map((c) => c.head).join(' | ')} |`, `| ${COLUMNS.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`);
    for (const r of g.rows) out.push(`| ${COLUMNS.map((c) => esc(c.cell(r))).join(' | ')} |`);
    out.push('');
  }
  out.push(portfolioFooter(p), '');
  return out.join('\n');
}

/** The layout of `portfolio --format json`; raised only when a key changes meaning or goes. */
export const PORTFOLIO_JSON_VERSION = 1;

/** One row as `--format json` writes it: null where the text shows "—" (and, for the oldest warning sign, "none"). */
function rowObject(r: PortfolioRow) {
  const o = r.oldest_warning_sign;
  return {
    system: r.system,
    file: r.file,
    owner: r.owner,
    stage: r.stage,
    open: Object.fromEntries(SEVERITIES.map((s) => [s, r.open[s]])) as Record<Severity, number>,
    warning_signs: r.warning_signs,
    oldest_warning_sign: o === UNKNOWN || o === null ? null : { rule: o.rule, since: o.since, days: o.days },
    waived: r.waived,
    expired_waivers: r.expired_waivers,
    expiring_waivers: r.expiring_waivers === UNKNOWN ? null : r.expiring_waivers.map((w) => ({ rule: w.rule, scope: w.scope, owner: w.owner, expires: w.expires, days_left: w.days_left })),
  };
}

/** The portfolio as JSON, with the stable keys docs/portfolio.md shows. */
export function portfolioJsonObject(p: Portfolio) {
  return {
    portfolio_version: PORTFOLIO_JSON_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    as_of: p.asOf,
    expiring_within_days: p.window,
    group_by: p.groupBy,
    systems: p.systems,
    // null: not grouped, or the systems with no stage, owner or open finding to group by
    groups: p.groups.map((g) => ({ key: p.groupBy && g.key === UNGROUPED_KEY[p.groupBy] ? null : g.key, rows: g.rows.map(rowObject) })),
    skipped: p.skipped.map((s) => ({ file: s.file, line: s.position?.line ?? null, column: s.position?.column ?? null, message: s.message })),
  };
}

export const formatPortfolioJson = (p: Portfolio): string => JSON.stringify(portfolioJsonObject(p), null, 2) + '\n';
