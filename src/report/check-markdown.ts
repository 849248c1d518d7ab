import type { CheckReport } from '../decisions/check.js';
import { checkNotes, noteText, verdictText } from './check-notes.js';
import { formatMarkdown } from './markdown.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The gate's verdict and remarks as Markdown: the head of the GitHub step summary and of `--format markdown`. */
export function checkSummaryMarkdown({ assessment: a, outcome }: CheckReport): string {
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

export function formatCheckMarkdown(report: CheckReport): string {
  return `${checkSummaryMarkdown(report)}\n${formatMarkdown(report.assessment)}`;
}
