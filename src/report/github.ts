// GitHub Actions workflow commands: one annotation per open finding, at the
// profile line of the fact that triggered it, and one per remark on decisions.
import { isOpen } from '../model.js';
import { findingFact } from '../decisions/baseline.js';
import { failsGate, type CheckReport } from '../decisions/check.js';
import type { Position } from '../model.js';
import { checkNotes, verdictText } from './check-notes.js';

// The escaping GitHub's runner undoes: data and property values differ.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function workflowCommand(level: 'error' | 'warning' | 'notice', message: string, props: { file?: string; position?: Position | null; title?: string }): string {
  const p: string[] = [];
  if (props.file) p.push(`file=${escapeProperty(props.file.split('\\').join('/'))}`);
  if (props.file && props.position) p.push(`line=${props.position.line}`, `col=${props.position.column}`);
  if (props.title) p.push(`title=${escapeProperty(props.title)}`);
  return `::${level}${p.length ? ' ' + p.join(',') : ''}::${escapeData(message)}`;
}

export function formatGithub({ assessment: a, outcome }: CheckReport): string {
  const out: string[] = [];
  for (const f of a.findings) {
    if (!isOpen(f)) continue;
    const fact = findingFact(f);
    const e = f.evidence.find((x) => x.fact === fact && x.line !== null);
    const level = failsGate(outcome, f) ? 'error' : 'warning';
    out.push(
      workflowCommand(level, `${f.message}\n${f.recommendation}`, {
        file: a.profilePath,
        position: e ? { line: e.line!, column: e.column ?? 1 } : { line: 1, column: 1 },
        title: `${f.rule} (${f.kind}, ${f.severity}${f.status === 'expired-waiver' ? ', waiver expired' : ''})`,
      }),
    );
  }
  for (const n of checkNotes(outcome)) out.push(workflowCommand(n.level, n.message, { file: n.file, position: n.position, title: 'scale-advise decisions' }));
  out.push(verdictText(outcome));
  return out.join('\n') + '\n';
}
