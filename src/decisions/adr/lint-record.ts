// `adr lint`, one record at a time: the sections its format requires,
// its status word, its dates, its links and the rules it names.
import { closest } from '../../util/suggest.js';
import { isIsoDate } from './dates.js';
import { proseLines, splitFrontMatter } from './markdown.js';
import { MADR_REQUIRED_SECTIONS } from './madr-check.js';
import { isDateNamed, recordNumber } from './parse.js';
import type { AdrFormat, AdrRecord } from './types.js';

export type LintSeverity = 'error' | 'warning';

export interface LintProblem {
  /** the record's file name, or the index's */
  file: string;
  line: number;
  column: number;
  severity: LintSeverity;
  /** a stable name for the check, e.g. `duplicate-number` */
  code: string;
  message: string;
}

export interface LintRecord {
  record: AdrRecord;
  text: string;
}

/** What a record is checked against besides itself. */
export interface RecordContext {
  /** every file name in the ADR directory (records, templates, images) */
  dirFiles: ReadonlySet<string>;
  /** records by file name */
  byFile: ReadonlyMap<string, AdrRecord>;
  /** known rule ids; null skips the check */
  ruleIds: readonly string[] | null;
  /** the day review-by dates are judged against, YYYY-MM-DD */
  now: string;
}

export const NYGARD_REQUIRED_SECTIONS = ['Status', 'Context', 'Decision', 'Consequences'] as const;
/** The words of the lifecycle, plus log4brains' draft. */
export const LIFECYCLE_STATUSES = ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;

/** The format a record is written in: by what it holds, else the directory's. */
export function recordFormat(r: AdrRecord, text: string, dirFormat: AdrFormat): AdrFormat {
  const names = r.sections.map((s) => s.toLowerCase());
  if (splitFrontMatter(text) || names.includes('context and problem statement')) return 'madr';
  if (names.includes('status')) return 'nygard';
  return dirFormat;
}

/** Where `needle` first appears in the text, 1-based; the file's start when it does not. */
export function locate(text: string, needle: string | RegExp, fromLine = 1): { line: number; column: number } {
  const lines = text.split(/\r?\n/);
  for (let i = Math.max(0, fromLine - 1); i < lines.length; i++) {
    const at = typeof needle === 'string' ? lines[i]!.indexOf(needle) : lines[i]!.search(needle);
    if (at >= 0) return { line: i + 1, column: at + 1 };
  }
  return { line: 1, column: 1 };
}

/** Relative links to files beside the record: `[x](0002-y.md)`, `[x](./adr-template.md#top)`. */
export function siblingLinks(text: string): { target: string; label: string; line: number; column: number }[] {
  const lines = text.split(/\r?\n/);
  const out: { target: string; label: string; line: number; column: number }[] = [];
  for (const { line, index } of proseLines(lines)) {
    for (const m of line.matchAll(/\[([^\]]*)\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)) {
      let target = m[2]!.replace(/^\.\//, '').split('#')[0]!;
      if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.includes('/') || !/\.md$/i.test(target)) continue;
      try {
        target = decodeURI(target);
      } catch {
        // keep it as written
      }
      // the column of the target, just after `](`
      out.push({ target, label: m[1]!, line: index + 1, column: m.index! + m[1]!.length + 4 });
    }
  }
  return out;
}

function statusProblems(r: AdrRecord, format: AdrFormat, problem: (code: string, message: string, line?: number | null, severity?: LintSeverity) => void): void {
  const line = r.lines.status;
  if (!r.statusText) {
    if (format === 'nygard') problem('missing-status', `no status: the Status section should say one of ${LIFECYCLE_STATUSES.join(', ')}`, r.lines.title);
    return;
  }
  if (r.status === 'unknown') {
    if (/[{|]/.test(r.statusText)) {
      problem('unknown-status', `the status is still the template's placeholder "${r.statusText}"; write one of ${LIFECYCLE_STATUSES.join(', ')}`, line);
    } else if (format === 'madr') {
      // MADR's list of statuses ends in "…": a project may add its own ("on hold"). It addresses no rule.
      problem('unknown-status', `status "${r.statusText}" is none of ${LIFECYCLE_STATUSES.join(', ')}; the record addresses no rule while it says so`, line, 'warning');
    } else {
      problem('unknown-status', `unknown status "${r.statusText}"; expected one of ${LIFECYCLE_STATUSES.join(', ')}`, line);
    }
    return;
  }
  const word = /^[\s*_]*([a-z]+)/i.exec(r.statusText)?.[1]?.toLowerCase();
  if (!word || !(LIFECYCLE_STATUSES as readonly string[]).includes(word)) {
    problem('nonstandard-status', `status "${r.statusText}" is read as ${r.status}; write "${r.status}" so every tool reads it alike`, line, 'warning');
  }
}

export function lintRecord({ record: r, text }: LintRecord, dirFormat: AdrFormat, ctx: RecordContext): LintProblem[] {
  const out: LintProblem[] = [];
  const problem = (code: string, message: string, line?: number | null, severity: LintSeverity = 'error', column = 1) =>
    out.push({ file: r.file, line: line ?? 1, column, severity, code, message });
  const format = recordFormat(r, text, dirFormat);
  const invalid = splitFrontMatter(text)?.invalid;
  if (invalid) {
    // The YAML parser counts lines from the first line after the opening `---`.
    const at = /\s*at line (\d+), column (\d+):?\s*$/.exec(invalid);
    problem('invalid-front-matter', `the front matter is not valid YAML: ${at ? invalid.slice(0, at.index) : invalid}`, at ? Number(at[1]) + 1 : 1, 'error', at ? Number(at[2]) : 1);
  }

  // Sections and title.
  const have = r.sections.map((s) => s.toLowerCase());
  const required: readonly string[] = format === 'nygard' ? NYGARD_REQUIRED_SECTIONS : MADR_REQUIRED_SECTIONS;
  for (const s of required) {
    if (!have.includes(s.toLowerCase())) problem('missing-section', `missing the section "## ${s}", which a ${format === 'nygard' ? 'Nygard (adr-tools)' : 'MADR 4'} record requires`, r.lines.title);
  }
  if (r.lines.title === null) problem('missing-title', 'no title: a record starts with a level-1 heading');
  else if (format === 'nygard' && !isDateNamed(r.file)) {
    const heading = /^#\s+(\d+)\.\s/.exec(text.split(/\r?\n/)[r.lines.title - 1] ?? '');
    const n = recordNumber(r.file);
    if (heading && n !== null && Number(heading[1]) !== n) {
      problem('title-number', `the title says ${heading[1]} but the file is number ${n}; adr-tools' table of contents shows the title's`, r.lines.title, 'error', 3);
    }
  }

  statusProblems(r, format, problem);

  // Dates.
  if (r.date !== null && !isIsoDate(r.date)) problem('invalid-date', `"${r.date}" is not a date written YYYY-MM-DD`, r.lines.date);
  if (r.date === null && format === 'nygard') problem('missing-date', 'no "Date: YYYY-MM-DD" line under the title', r.lines.title, 'warning');
  if (r.reviewBy !== null) {
    if (!isIsoDate(r.reviewBy)) problem('invalid-review-by', `review-by "${r.reviewBy}" is not a date written YYYY-MM-DD`, r.lines.reviewBy);
    else if (r.reviewBy <= ctx.now && !['superseded', 'deprecated', 'rejected'].includes(r.status)) {
      problem('review-due', `due for review since ${r.reviewBy}`, r.lines.reviewBy, 'warning');
    }
  }

  // Links.
  for (const link of siblingLinks(text)) {
    if (!ctx.dirFiles.has(link.target)) {
      problem('broken-link', `the link to ${link.target} points at no file in the ADR directory`, link.line, 'error', link.column);
      continue;
    }
    if (link.target === r.file) problem('self-link', 'the record links to itself', link.line, 'error', link.column);
    const target = ctx.byFile.get(link.target);
    const said = /^(\d+)\.\s/.exec(link.label)?.[1] ?? /\bADR-(\d+)\b/i.exec(link.label)?.[1];
    if (target && said !== undefined && Number(said) !== target.number) {
      problem('stale-link-label', `the link text says ${said} but ${link.target} is number ${target.number}`, link.line, 'warning', link.column);
    }
  }

  // Rules the record addresses.
  if (ctx.ruleIds) {
    for (const id of r.addresses) {
      if (ctx.ruleIds.includes(id)) continue;
      const near = closest(id, ctx.ruleIds);
      const at = locate(text, id);
      problem('unknown-rule', `addresses "${id}", which is no rule${near ? `; did you mean "${near}"?` : ''} (\`scale-advise rules\` lists them)`, at.line, 'error', at.column);
    }
  }
  return out;
}
