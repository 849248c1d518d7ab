// `adr lint`: keeps a directory of records sound. Pure: the caller reads
// the files (and the base branch, and the catalog) and passes them in.
import { duplicateNumbers, numbersTakenOnBase } from './duplicates.js';
import { GENERATED_MARKER, renderIndex } from './index-doc.js';
import { lintRecord, siblingLinks, type LintProblem, type LintRecord, type LintSeverity } from './lint-record.js';
import type { BaseRecords } from './git-base.js';
import { isDateNamed } from './parse.js';
import type { AdrFormat, AdrRecord } from './types.js';
import { compareStrings } from '../../util/compare.js';

export type { LintProblem, LintRecord, LintSeverity } from './lint-record.js';

export interface LintInput {
  records: LintRecord[];
  /** the directory's format, for records that show neither */
  format: AdrFormat;
  /** every file name in the ADR directory */
  dirFiles: string[];
  /** README.md or index.md in the ADR directory, when there is one */
  index: { file: string; text: string } | null;
  ruleIds: readonly string[] | null;
  base: BaseRecords | null;
  now: string;
}

const SUPERSEDES = /^supersedes$/i;
const SUPERSEDED_BY = /^superseded by$/i;
/** MADR's `status: superseded by ADR-0005` */
const MADR_SUPERSEDED = /^superseded by\s+ADR-?0*(\d+)\b/i;

/** How to name a record on the command line: its number, or a log4brains record's name. */
const ref = (r: AdrRecord) => (isDateNamed(r.file) ? r.file.replace(/\.md$/, '') : String(r.number));

function supersedeProblems(records: LintRecord[]): LintProblem[] {
  const out: LintProblem[] = [];
  const byFile = new Map(records.map(({ record }) => [record.file, record]));
  const byNumber = (n: number) => records.map((x) => x.record).filter((r) => r.number === n);
  const says = (r: AdrRecord, type: RegExp, target: AdrRecord) => r.links.some((l) => type.test(l.type) && l.file === target.file);
  const madrSaysSupersededBy = (r: AdrRecord, by: AdrRecord) => Number(MADR_SUPERSEDED.exec(r.statusText)?.[1] ?? -1) === by.number;
  const at = (r: AdrRecord, line: number | null, code: string, message: string, severity: LintSeverity = 'error') =>
    out.push({ file: r.file, line: line ?? 1, column: 1, severity, code, message });

  for (const { record: r } of records) {
    for (const l of r.links) {
      const t = byFile.get(l.file);
      if (!t || t.file === r.file) continue; // broken and self links are reported with the record
      if (SUPERSEDES.test(l.type) && !says(t, SUPERSEDED_BY, r) && !madrSaysSupersededBy(t, r)) {
        at(r, l.line, 'one-way-supersede', `${r.file} supersedes ${t.file}, but ${t.file} does not say it is superseded by ${r.file}; \`scale-advise adr status ${ref(t)} superseded --by ${ref(r)}\` writes both sides`);
      }
      if (SUPERSEDED_BY.test(l.type) && !says(t, SUPERSEDES, r)) {
        at(r, l.line, 'one-way-supersede', `${r.file} is superseded by ${t.file}, but ${t.file} has no "Supersedes" link back to it`);
      }
    }
    const named = MADR_SUPERSEDED.exec(r.statusText);
    if (named && r.format === 'madr') {
      const by = byNumber(Number(named[1]));
      if (!by.length) at(r, r.lines.status, 'broken-link', `the status says "${r.statusText}", and there is no record number ${Number(named[1])}`);
      else if (by.length === 1 && by[0]!.file !== r.file && !says(by[0]!, SUPERSEDES, r)) {
        at(r, r.lines.status, 'one-way-supersede', `${r.file} is superseded by ${by[0]!.file}, but ${by[0]!.file} has no "Supersedes" link back to it`);
      } else if (by.some((b) => b.file === r.file)) at(r, r.lines.status, 'self-link', 'the record says it is superseded by itself');
    } else if (r.status === 'superseded' && !r.links.some((l) => SUPERSEDED_BY.test(l.type))) {
      at(r, r.lines.status, 'superseded-without-successor', 'the record is superseded, but does not say by which record', 'warning');
    }
  }
  return out;
}

function indexProblems(index: { file: string; text: string }, records: AdrRecord[]): LintProblem[] {
  const problem = (line: number, column: number, code: string, message: string): LintProblem => ({ file: index.file, line, column, severity: 'error', code, message });
  if (index.text.split('\n', 1)[0] === GENERATED_MARKER) {
    if (index.text === renderIndex(records)) return [];
    return [problem(1, 1, 'index-out-of-date', 'the index no longer matches the records; `scale-advise adr index` rewrites it')];
  }
  // A hand-written index that lists records is a table of contents: it must list them all.
  const files = new Set(records.map((r) => r.file));
  const linked = siblingLinks(index.text).filter((l) => files.has(l.target));
  if (!linked.length) return [];
  const listed = new Set(linked.map((l) => l.target));
  return records.filter((r) => !listed.has(r.file)).map((r) => problem(1, 1, 'index-missing-record', `the index does not list ${r.file} (${r.number}. ${r.title})`));
}

function collisionProblems(input: LintInput): LintProblem[] {
  const out: LintProblem[] = [];
  for (const d of duplicateNumbers(input.records.map((x) => x.record))) {
    for (const file of d.files) {
      const others = d.files.filter((f) => f !== file).join(', ');
      out.push({ file, line: 1, column: 1, severity: 'error', code: 'duplicate-number', message: `number ${d.number} is also used by ${others}; \`scale-advise adr renumber ${file.replace(/\.md$/, '')}\` moves this one to the next free number` });
    }
  }
  if (input.base) {
    const ref = input.base.ref;
    for (const c of numbersTakenOnBase(input.records.map((x) => x.record.file), input.base)) {
      out.push({ file: c.file, line: 1, column: 1, severity: 'error', code: 'number-taken-on-base', message: `number ${c.number} is taken on ${ref} by ${c.taken.join(', ')}; \`scale-advise adr renumber ${c.file.replace(/\.md$/, '')} --base ${ref}\` moves this record to a number free on both` });
    }
  }
  return out;
}

const SEVERITY_ORDER: Record<LintSeverity, number> = { error: 0, warning: 1 };

/** Every problem in the directory, sorted by file, line and column. */
export function lintRecords(input: LintInput): LintProblem[] {
  const records = input.records.map((x) => x.record);
  const ctx = { dirFiles: new Set(input.dirFiles), byFile: new Map(records.map((r) => [r.file, r])), ruleIds: input.ruleIds, now: input.now };
  const problems = [
    ...collisionProblems(input),
    ...input.records.flatMap((x) => lintRecord(x, input.format, ctx)),
    ...supersedeProblems(input.records),
    ...(input.index ? indexProblems(input.index, records) : []),
    ...(input.index ? siblingLinks(input.index.text).filter((l) => !ctx.dirFiles.has(l.target)).map((l): LintProblem => ({ file: input.index!.file, line: l.line, column: l.column, severity: 'error', code: 'broken-link', message: `the link to ${l.target} points at no file in the ADR directory` })) : []),
  ];
  return problems.sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareStrings(a.code, b.code));
}
