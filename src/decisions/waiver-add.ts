// Adding a waiver to the profile, as the dashboard's `w` does: the entry is
// checked the way the loader checks waivers (the profile schema, then the
// catalog and the longest allowed expiry), serialised with the yaml Document
// API, and spliced into the user's text, so every other byte (comments,
// alignment, blank lines) stays as it was.
import { Document, isSeq, parseDocument } from 'yaml';
import validateProfile from '../generated/profile-validator.js';
import type { Waiver } from '../profile/types.js';
import type { Position } from '../model.js';
import { parseYamlText, positionAt } from '../profile/parse-yaml.js';
import { isUserError } from '../util/errors.js';
import { rewriteProfile } from '../profile/edit.js';
import { checkWaivers, daysUntil, DEFAULT_MAX_WAIVER_DAYS, isoDay, type WaiverEntry } from './waivers.js';

/** How long a new waiver runs unless the user says otherwise. */
export const DEFAULT_WAIVER_DAYS = 90;

export function defaultWaiverExpiry(now: Date, days = DEFAULT_WAIVER_DAYS): string {
  return isoDay(new Date(Date.parse(`${isoDay(now)}T00:00:00Z`) + days * 86_400_000));
}

/** Why `expires` cannot end a new waiver, or null when it can. */
function expiryProblem(expires: string, now: Date): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || isoDay(new Date(`${expires}T00:00:00Z`)) !== expires) return `the expiry must be a date that exists, as YYYY-MM-DD; got "${expires.slice(0, 40)}"`;
  if (daysUntil(expires, now) < 0) return `the expiry ${expires} has passed; a waiver runs from today (${isoDay(now)})`;
  return null;
}

/**
 * Check a new waiver as the loader would: the schema's shape (owner and
 * reason not empty), a rule the catalog has, an expiry no further ahead than
 * allowed. Returns the first problem in words, or null.
 */
export function waiverProblem(waiver: Waiver, ruleIds: readonly string[], now: Date, maxDays = DEFAULT_MAX_WAIVER_DAYS): string | null {
  for (const key of ['owner', 'reason'] as const) if (!waiver[key].trim()) return `the waiver needs ${key === 'owner' ? 'an owner' : 'a reason'}`;
  const expiry = expiryProblem(waiver.expires, now);
  if (expiry) return expiry;
  if (!validateProfile({ version: 1, waivers: [waiver] })) {
    const first = validateProfile.errors?.[0];
    return `the waiver is not valid: ${first?.instancePath ?? ''} ${first?.message ?? ''}`.trim();
  }
  try {
    checkWaivers([{ file: '', waivers: [waiver], positionOf: () => null }], ruleIds, now, maxDays);
  } catch (e) {
    if (isUserError(e)) return e.problems.map((p) => p.message.replace(/`waivers\[0\]\.(\w+)`/, 'the $1')).join('; ');
    throw e;
  }
  return null;
}

const indentLines = (text: string, indent: string) =>
  text
    .split('\n')
    .map((l) => (l ? indent + l : l))
    .join('\n');

/** The profile text with `waiver` added at the end of its `waivers:` list (created at the end of the file when there is none). */
export function addWaiverText(text: string, waiver: Waiver): string {
  const doc = parseDocument(text);
  const entry = new Document([waiver]).toString({ lineWidth: 0 });
  const list = doc.get('waivers', true);
  if (list === undefined || list === null) return `${text}${text.endsWith('\n') || !text ? '' : '\n'}waivers:\n${indentLines(entry, '  ')}`;
  if (isSeq(list) && !list.flow && list.items.length && list.range) {
    // the items' dash column, from the first item's line
    const first = list.range[0];
    const dash = first - (text.lastIndexOf('\n', first - 1) + 1);
    const end = list.range[1];
    // after the line the last item ends on
    const at = text[end - 1] === '\n' ? end : text.indexOf('\n', end) + 1 || text.length;
    const before = text.slice(0, at);
    return `${before}${before.endsWith('\n') ? '' : '\n'}${indentLines(entry, ' '.repeat(dash))}${text.slice(at)}`;
  }
  // `waivers: []` (or empty): the list becomes a block list of the old entries and the new one
  if (!isSeq(list) || !list.range) throw new Error('the profile\'s waivers is not a list');
  const [start, end] = list.range;
  const old = (list.toJSON() as Waiver[] | null) ?? [];
  const lineEnd = text.indexOf('\n', end);
  const rest = lineEnd < 0 ? '' : text.slice(lineEnd + 1);
  const keyLine = `${text.slice(0, start)}${text.slice(end, lineEnd < 0 ? text.length : lineEnd).trim()}`.trimEnd();
  return `${keyLine}\n${indentLines(new Document([...old, waiver]).toString({ lineWidth: 0 }), '  ')}${rest}`;
}

/**
 * Write `waiver` into the profile; the file must still be a valid profile
 * holding exactly one more waiver. Returns where the new waiver's `rule` stands.
 */
export function addWaiverToProfile(profilePath: string, displayPath: string, waiver: Waiver): Position | null {
  let position: Position | null = null;
  rewriteProfile(
    profilePath,
    displayPath,
    (text) => {
      const changed = addWaiverText(text, waiver);
      const before = (parseDocument(text).toJS() as { waivers?: unknown[] } | null)?.waivers ?? [];
      const after = (parseDocument(changed).toJS() as { waivers?: unknown[] } | null)?.waivers ?? [];
      if (after.length !== before.length + 1 || JSON.stringify(after.at(-1)) !== JSON.stringify(waiver)) throw new Error(`adding a waiver to ${displayPath} did not give the expected list`);
      position = positionAt(parseYamlText(changed, displayPath), ['waivers', after.length - 1, 'rule']);
      return changed;
    },
    'the waiver',
  );
  return position;
}

/** The waiver as the loaded decisions hold it, pointing at the profile. */
export function waiverEntry(waiver: Waiver, displayPath: string, position: Position | null = null): WaiverEntry {
  return { ...waiver, origin: { file: displayPath, position } };
}
