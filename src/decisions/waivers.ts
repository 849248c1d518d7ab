// Waivers: conscious, time-boxed decisions not to act on a finding. They are
// read from the profile or a separate file, and checked here once, so a
// misspelt rule id or a waiver without end is an input error, never ignored.
import { isoDay } from '../util/iso-day.js';
import validateProfile from '../generated/profile-validator.js';
import type { Position, WaiverState } from '../model.js';
import { positionAt, readYamlFile, type ParsedYaml } from '../profile/parse-yaml.js';
import { schemaErrorsToProblems } from '../profile/schema-errors.js';
import type { Waiver } from '../profile/types.js';
import { UserError, type Problem } from '../util/errors.js';
import { packagePath } from '../util/paths.js';
import { closest } from '../util/suggest.js';

/** The longest a waiver may run, counted from today, unless configured otherwise. */
export const DEFAULT_MAX_WAIVER_DAYS = 180;
/** A waiver that ends within this many days is reported, so its owner can act in time. */
export const EXPIRY_WARNING_DAYS = 14;

/** A waiver and where it was written, so every message about it can point there. */
export interface WaiverEntry extends Waiver {
  /** where the waiver's `rule` stands */
  origin: { file: string; position: Position | null };
}

/** Where a list of waivers was read from: the profile's `waivers:` or a waiver file's. */
export interface WaiverSource {
  file: string;
  waivers: readonly Waiver[];
  positionOf(path: (string | number)[]): Position | null;
}

/** Waivers expire at the end of their day, YYYY-MM-DD in UTC. */
export { isoDay };

/** Whole days from today (UTC) to a YYYY-MM-DD day; negative when it has passed. */
export function daysUntil(day: string, now: Date): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${isoDay(now)}T00:00:00Z`)) / 86_400_000);
}

/** Every waiver as reports list it, soonest to end first, with the days it has left as of `now`. */
export function waiverStates(waivers: readonly WaiverEntry[], now: Date): WaiverState[] {
  return waivers
    .map((w) => ({ rule: w.rule, scope: w.fact ?? null, owner: w.owner, reason: w.reason, expires: w.expires, days_left: daysUntil(w.expires, now) }))
    .sort((a, b) => a.days_left - b.days_left || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** A waiver file: YAML with the profile's `waivers:` list and nothing else (`version` may stand beside it). */
export function readWaiverFile(path: string, displayPath: string): WaiverSource {
  const parsed = readYamlFile(path, displayPath);
  const data = parsed.data;
  const problem = (message: string, at: (string | number)[] = []): UserError =>
    new UserError([{ file: parsed.file, position: positionAt(parsed, at, at.length > 0), message }]);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw problem('a waiver file must be a mapping with a `waivers:` list');
  const other = Object.keys(data).filter((k) => k !== 'waivers' && k !== 'version');
  if (other.length) throw problem(`a waiver file holds only \`waivers:\`; found \`${other[0]}\``, [other[0]!]);
  const waivers = (data as { waivers?: unknown }).waivers;
  if (!Array.isArray(waivers)) throw problem('`waivers` must be a list of waivers (rule, reason, owner, expires)', ['waivers']);
  // The profile schema is the source of a waiver's shape; the paths of its errors match this file's.
  if (!validateProfile({ version: 1, waivers })) {
    throw new UserError(schemaErrorsToProblems(validateProfile.errors ?? [], parsed, packagePath('schema', 'profile.schema.json')));
  }
  return sourceOf(parsed, waivers as Waiver[]);
}

function sourceOf(parsed: ParsedYaml, waivers: Waiver[]): WaiverSource {
  return { file: parsed.file, waivers, positionOf: (p) => positionAt(parsed, p) };
}

/**
 * Check every waiver against the catalog and the clock: a rule id that names
 * no rule (with the closest one), and an expiry further ahead than allowed.
 * Returns the waivers with their origin, or throws every problem at once.
 */
export function checkWaivers(sources: readonly WaiverSource[], ruleIds: readonly string[], now: Date, maxDays = DEFAULT_MAX_WAIVER_DAYS): WaiverEntry[] {
  const known = new Set(ruleIds);
  const problems: Problem[] = [];
  const entries: WaiverEntry[] = [];
  for (const source of sources) {
    source.waivers.forEach((w, i) => {
      const at = (key: string) => source.positionOf(['waivers', i, key]);
      if (!known.has(w.rule)) {
        const near = closest(w.rule, known);
        problems.push({
          file: source.file,
          position: at('rule'),
          message: `\`waivers[${i}].rule\` names no rule: ${w.rule}`,
          hint: near ? `did you mean \`${near}\`?` : '`scale-advise rules` lists the rule ids',
        });
      }
      const days = daysUntil(w.expires, now);
      if (days > maxDays) {
        problems.push({
          file: source.file,
          position: at('expires'),
          message: `\`waivers[${i}].expires\` is ${days} days ahead; a waiver may run at most ${maxDays} days (until ${addDays(now, maxDays)})`,
          hint: 'choose an earlier date and review the decision then, or record it in an ADR',
        });
      }
      entries.push({ ...w, origin: { file: source.file, position: at('rule') } });
    });
  }
  if (problems.length) throw new UserError(problems);
  return entries;
}

function addDays(now: Date, days: number): string {
  return isoDay(new Date(Date.parse(`${isoDay(now)}T00:00:00Z`) + days * 86_400_000));
}
