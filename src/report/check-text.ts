import { Chalk } from 'chalk';
import type { CheckReport } from '../decisions/check.js';
import type { ReportContext } from './index.js';
import { checkNotes, noteText, verdictText } from './check-notes.js';
import { formatText } from './text.js';

/** The report for people, followed by the remarks on decisions and the gate's verdict. */
export function formatCheckText({ assessment, outcome }: CheckReport, opts: ReportContext): string {
  const out = [formatText(assessment, opts).trimEnd()];
  const c = new Chalk({ level: opts.colorLevel });
  const notes = checkNotes(outcome);
  if (notes.length) {
    out.push('', c.bold.underline(`Decisions to look at (${notes.length})`), '');
    for (const n of notes) out.push(`  ${n.level === 'error' ? c.red('error') : c.yellow('warning')} ${noteText(n)}`);
  }
  if (outcome.failing.length) {
    out.push('', c.bold('Open at or above the threshold:'));
    for (const f of outcome.failing) out.push(`  ${f.severity.padEnd(8)} ${f.rule}${f.status === 'expired-waiver' ? ' (waiver expired)' : ''}`);
  }
  const verdict = verdictText(outcome);
  out.push('', outcome.exitCode ? c.bold.red(verdict) : c.bold.green(verdict));
  return out.join('\n') + '\n';
}
