import type { AdrStatus } from './types.js';

// Words each format uses, in order of precedence when a line holds several.
// Nygard: proposed, accepted, deprecated, superseded. MADR 4: proposed,
// rejected, accepted, deprecated, "superseded by ADR-0123". log4brains adds
// draft. Hand-written records bring the rest.
const WORDS: [RegExp, AdrStatus][] = [
  [/\b(superseded|replaced)\b/i, 'superseded'],
  [/\b(deprecated|obsolete|retired|withdrawn)\b/i, 'deprecated'],
  [/\b(rejected|declined|refused)\b/i, 'rejected'],
  [/\b(accepted|approved|agreed|adopted|decided)\b/i, 'accepted'],
  [/\b(proposed|proposal|pending|under review|in review)\b/i, 'proposed'],
  [/\b(draft|wip|work in progress|in progress)\b/i, 'draft'],
];

/** The normalised status a line of status text names, or `unknown`. */
export function statusOf(text: string): AdrStatus {
  // A template's placeholder (`{proposed | rejected | ...}`) names no status yet.
  if (/[{|]/.test(text)) return 'unknown';
  for (const [re, status] of WORDS) if (re.test(text)) return status;
  return 'unknown';
}

/** Statuses whose record still stands for a decision taken or under way. */
export const ADDRESSING_STATUSES: readonly AdrStatus[] = ['proposed', 'accepted', 'rejected'];

/** The status word as a Nygard record writes it (`Accepted`). */
export function nygardStatusWord(status: string): string {
  const s = status.trim();
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
