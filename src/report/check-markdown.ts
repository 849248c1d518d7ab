import type { Assessment } from '../model.js';
import type { ReportOptions } from './index.js';
import { checkNotes, noteText, verdictText } from './check-notes.js';
import { formatMarkdown } from './markdown.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The gate's verdict and remarks as Markdown: the head of the GitHub step summary and of `--format markdown`. */
export function checkSummaryMarkdown(a: Assessment, opts: ReportOptions): string {
  const outcome = opts.check;
  if (!outcome) return '';
  const out = [`## scale-advise check: ${outcome.exitCode ? 'failed' : 'passed'}`, '', verdictText(outcome), ''];
  if (outcome.failing.length) {
    out.push('| Severity | Kind | Rule | Status | Finding |', '| --- | --- | --- | --- | --- |');
    for (const f of outcome.failing) out.push(`| ${f.severity} | ${f.kind} | \`${f.rule}\` | ${f.status} | ${esc(f.message)} |`);
    out.push('');
  }
  const notes = checkNotes(outcome);
  if (notes.length) {
    out.push('### Decisions to look at', '');
    for (const n of notes) out.push(`- **${n.level}** ${esc(noteText(n))}`);
    out.push('');
  }
  const count = (s: string) => a.findings.filter((f) => f.status === s).length;
  out.push(`Findings: ${a.findings.length} (${count('open') + count('expired-waiver')} open, ${count('addressed')} addressed, ${count('waived')} waived, ${count('baselined')} baselined).`, '');
  return out.join('\n');
}

export function formatCheckMarkdown(a: Assessment, opts: ReportOptions): string {
  return `${checkSummaryMarkdown(a, opts)}\n${formatMarkdown(a)}`;
}
