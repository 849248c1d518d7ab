// The gate's remarks on the decisions themselves, as lines every check format
// prints the same way: each with the file and line it is about.
import type { CheckOutcome } from '../decisions/check.js';
import type { Position } from '../model.js';
import { formatLocation } from '../util/errors.js';

export interface CheckNote {
  /** `error` only for a passed review-by date under --fail-on-review */
  level: 'warning' | 'error';
  file: string;
  position: Position | null;
  message: string;
}

const scope = (fact: string | undefined) => (fact ? ` (${fact})` : '');

export function checkNotes(outcome: CheckOutcome): CheckNote[] {
  const n = outcome.notes;
  const notes: CheckNote[] = [];
  for (const { waiver: w, daysLeft } of n.expiringWaivers) {
    const when = daysLeft === 0 ? 'today' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
    notes.push({ level: 'warning', ...w.origin, message: `the waiver for ${w.rule}${scope(w.fact)} expires ${when} (${w.expires}); ${w.owner} should decide: an ADR, a fix, or a new waiver` });
  }
  for (const w of n.staleWaivers) {
    notes.push({ level: 'warning', ...w.origin, message: `the waiver for ${w.rule}${scope(w.fact)} is stale: the rule no longer fires${w.fact ? ' on that fact' : ''}; remove the waiver` });
  }
  for (const e of n.prunableBaseline) {
    notes.push({ level: 'warning', file: outcome.baseline ?? '', position: null, message: `the baseline entry ${e.rule}${scope(e.fact)} no longer fires; prune it with \`check --baseline --update-baseline\`` });
  }
  for (const r of n.reviewsDue) {
    notes.push({
      level: outcome.failOnReview ? 'error' : 'warning',
      file: r.path,
      position: { line: 1, column: 1 },
      message: `decision ${r.number} "${r.title}" was due for review by ${r.reviewBy}`,
    });
  }
  for (const d of n.duplicateNumbers) {
    const [first, ...others] = d.paths;
    notes.push({
      level: 'warning',
      file: first!,
      position: { line: 1, column: 1 },
      message: `decision number ${d.number} is also used by ${others.join(', ')}; references to it are ambiguous: \`scale-advise adr renumber\` moves one to a free number`,
    });
  }
  return notes;
}

export function noteText(note: CheckNote): string {
  const where = formatLocation(note.file, note.position);
  return where ? `${where}: ${note.message}` : note.message;
}

export function thresholdText(outcome: CheckOutcome): string {
  return `${outcome.threshold.kinds.join(', ')} at ${outcome.threshold.severity} or above`;
}

/** One line: did the gate pass, and why. */
export function verdictText(outcome: CheckOutcome): string {
  const failing = outcome.failing.length;
  const reviews = outcome.failOnReview ? outcome.notes.reviewsDue.length : 0;
  const mode = outcome.audit ? ' (audit: waivers and baseline ignored)' : outcome.baseline ? ` (baseline ${outcome.baseline})` : '';
  if (!outcome.exitCode) return `check passed: no open finding among ${thresholdText(outcome)}${mode}.`;
  const parts = [
    ...(failing ? [`${failing} open finding${failing === 1 ? '' : 's'} among ${thresholdText(outcome)}`] : []),
    ...(reviews ? [`${reviews} decision${reviews === 1 ? '' : 's'} past review-by`] : []),
  ];
  return `check failed: ${parts.join(' and ')}${mode}.`;
}
