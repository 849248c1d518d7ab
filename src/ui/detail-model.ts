// The detail pane's content as lines wrapped to the pane's width, so the
// pane knows how tall it is and can scroll it.
import { waiverCovers } from '../decisions/status.js';
import type { WaiverEntry } from '../decisions/waivers.js';
import type { Finding } from '../model.js';
import { formatLocation } from '../util/errors.js';
import { wrap } from '../util/wrap.js';
import { evidenceLine, sourceLine, WHAT_IF_FACTOR, type DashboardData } from './view-model.js';

export interface DetailLine {
  text: string;
  bold?: boolean;
}

/** The waivers that cover a finding, live ones first. */
export function waiversOf(f: Finding, waivers: readonly WaiverEntry[]): WaiverEntry[] {
  return waivers.filter((w) => waiverCovers(w, f)).sort((a, b) => (a.expires < b.expires ? 1 : -1));
}

/** What addresses the finding: the ADR (number, title, status, file) or each waiver (owner, reason, expiry, scope). */
function decisionLines(f: Finding, data: DashboardData): [head: string, ...details: string[]][] {
  const record = data.decisions.addressed.get(f.rule);
  if (record) return [[`Addressed by ADR ${record.number}${record.status ? ` (${record.status})` : ''}: ${record.title}`, `file: ${record.path}`]];
  return waiversOf(f, data.decisions.waivers).map((w) => [
    `${f.status === 'expired-waiver' ? 'Waiver expired' : 'Waived'} by ${w.owner} until ${w.expires} (scope: ${w.fact ?? 'the whole rule'})`,
    `reason: ${w.reason}`,
    `written in ${formatLocation(w.origin.file, w.origin.position)}`,
  ]);
}

export function detailLines(f: Finding, data: DashboardData, width: number): DetailLine[] {
  const out: DetailLine[] = [];
  const add = (text: string, first = '', rest = first, bold = false) => {
    for (const line of wrap(text, width, rest, first).split('\n')) out.push(bold ? { text: line, bold } : { text: line });
  };
  const heading = (text: string) => out.push({ text, bold: true });
  add(`${f.title} (${f.rule})`, '', '', true);
  add(`${f.severity} · ${f.kind} · ${f.status} · ${f.topics.join(', ')}`);
  const mark = data.whatIf?.marks.get(f.rule);
  if (mark) add(`At ${WHAT_IF_FACTOR}x load this finding ${mark === 'appears' ? 'appears' : 'no longer fires'}.`, '', '', true);
  add(f.message);
  const decisions = decisionLines(f, data);
  if (decisions.length) {
    heading('Decision');
    for (const [head, ...details] of decisions) {
      add(head, '  ', '    ');
      for (const d of details) add(d, '    ', '      ');
    }
  }
  if (f.evidence.length) {
    heading('Evidence');
    for (const e of f.evidence) add(evidenceLine(e, data.profilePath), '  ', '    ');
  }
  heading('Recommendation');
  add(f.recommendation);
  const requires = data.requires.get(f.rule) ?? [];
  if (requires.length) add(`Requires: ${requires.join(', ')}`);
  if (f.unlocks?.length) add(`Unlocks: ${f.unlocks.join(', ')}`);
  if (f.sources.length) {
    heading('Sources');
    for (const s of f.sources) add(sourceLine(s), '  ', '    ');
  }
  return out;
}
