import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
// Generated at build time from schema/profile.schema.json (scripts/build.mjs).
import validateProfile from '../generated/profile-validator.js';
import type { Position } from '../model.js';
import { formatValue } from '../engine/format-value.js';
import { UserError, type Problem } from '../util/errors.js';
import { packagePath } from '../util/paths.js';
import { readUserFile } from '../util/read-file.js';
import { fastParseYaml, lineIndex, pathKey } from './fast-yaml.js';
import { MAX_FILE_BYTES, parseYamlText, positionAt, type ParsedYaml } from './parse-yaml.js';
import { schemaErrorsToProblems } from './schema-errors.js';
import type { ProfileData } from './types.js';

export const PROFILE_NAMES = ['scale-advise.yaml', 'scale-advise.yml', '.scale-advise.yaml'];

export interface Profile {
  /** absolute path */
  path: string;
  /** as shown to the user: relative to the working directory when inside it */
  displayPath: string;
  data: ProfileData;
  /** 1-based position of the value at a path, or null */
  positionOf(path: (string | number)[]): Position | null;
}

/**
 * Find the profile: the working directory first, then each parent up to the
 * repository root (the first directory holding `.git`).
 */
export function discoverProfile(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of PROFILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    if (existsSync(join(dir, '.git'))) return null;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export function displayPathFor(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export function resolveProfilePath(explicit: string | undefined, cwd: string): string {
  if (explicit) return resolve(cwd, explicit);
  const found = discoverProfile(cwd);
  if (!found) {
    throw new UserError(
      `no profile found: looked for ${PROFILE_NAMES.join(', ')} in ${cwd} and its parents up to the repository root; ` +
        'pass --profile PATH, or run `scale-advise init` to write one (docs/init.md)',
    );
  }
  return found;
}

/** The stand-in when there is no profile: `version: 1` and nothing declared. */
export function emptyProfile(cwd: string): Profile {
  return { path: join(cwd, PROFILE_NAMES[0]!), displayPath: '(no profile)', data: { version: 1 }, positionOf: () => null };
}

export function loadProfile(path: string, cwd = process.cwd()): Profile {
  const displayPath = displayPathFor(path, cwd);
  return profileFromText(readUserFile(path, displayPath, MAX_FILE_BYTES), path, displayPath);
}

/** A profile from text already in memory (`path` is where it would live). */
export function profileFromText(text: string, path: string, displayPath = path): Profile {
  return quickProfile(text, path, displayPath) ?? profileFromParsed(parseYamlText(text, displayPath), path, displayPath);
}

const isMapping = (data: unknown): data is object => typeof data === 'object' && data !== null && !Array.isArray(data) && Object.getPrototypeOf(data) === Object.prototype;

/**
 * A valid profile in plain YAML, read the quick way (src/profile/fast-yaml.ts).
 * Null when the file needs the full parser, or has anything to report: the
 * full path then reads it again and says what is wrong, as it always has.
 */
function quickProfile(text: string, path: string, displayPath: string): Profile | null {
  const fast = fastParseYaml(text);
  if (!fast || !isMapping(fast.data) || !validateProfile(fast.data)) return null;
  const data = fast.data as ProfileData;
  const lineOf = lineIndex(text);
  let full: ParsedYaml | undefined;
  const positionOf = (p: (string | number)[]): Position | null => {
    const start = fast.starts.get(pathKey(p));
    if (start !== undefined) return lineOf(start);
    // a block scalar, a null value or a path that is not there: ask the full parser, once
    full ??= parseYamlText(text, displayPath);
    return positionAt(full, p);
  };
  if (semanticChecks(data, displayPath, positionOf).length) return null;
  return { path, displayPath, data, positionOf };
}

function profileFromParsed(parsed: ParsedYaml, path: string, displayPath: string): Profile {
  const data = parsed.data;
  if (data === null || data === undefined) {
    throw new UserError([{ file: displayPath, position: { line: 1, column: 1 }, message: 'the profile is empty; it needs at least `version: 1`' }]);
  }
  if (!isMapping(data)) {
    throw new UserError([{ file: displayPath, position: positionAt(parsed, []), message: 'the profile must be a mapping of sections (version, traffic, database, ...)' }]);
  }
  if (!validateProfile(data)) {
    throw new UserError(schemaErrorsToProblems(validateProfile.errors ?? [], parsed, packagePath('schema', 'profile.schema.json')));
  }
  const positionOf = (p: (string | number)[]) => positionAt(parsed, p);
  const problems = semanticChecks(data as ProfileData, displayPath, positionOf);
  if (problems.length) throw new UserError(problems);
  return { path, displayPath, data: data as ProfileData, positionOf };
}

/** What the schema cannot say: relations between values. */
function semanticChecks(data: ProfileData, file: string, positionOf: Profile['positionOf']): Problem[] {
  const problems: Problem[] = [];
  for (const [name, model] of Object.entries(data.stage_models ?? {})) {
    if (!model) continue;
    const t = model.thresholds;
    if (t.length === 3 && !(t[0]! < t[1]! && t[1]! < t[2]!)) {
      problems.push({
        file,
        position: positionOf(['stage_models', name, 'thresholds']),
        message: `\`stage_models.${name}.thresholds\` must rise strictly (growth < scale < enterprise), got [${t.join(', ')}]`,
      });
    }
  }
  (data.waivers ?? []).forEach((w, i) => {
    if (!isCalendarDate(w.expires)) {
      problems.push({
        file,
        position: positionOf(['waivers', i, 'expires']),
        message: `\`waivers[${i}].expires\` is not a calendar date: ${w.expires}`,
        hint: 'write the date as YYYY-MM-DD',
      });
    }
  });
  const arch = data.architecture;
  const names = new Map<string, number>();
  (arch?.components ?? []).forEach((c, i) => {
    if (names.has(c.name)) {
      problems.push({
        file,
        position: positionOf(['architecture', 'components', i, 'name']),
        message: `component \`${c.name}\` is listed twice (also item ${names.get(c.name)! + 1})`,
      });
    }
    names.set(c.name, i);
  });
  for (const [section, low, high, why] of ORDERED_FIELDS) {
    const values = (data as Record<string, Record<string, unknown> | undefined>)[section];
    const a = values?.[low];
    const b = values?.[high];
    if (typeof a !== 'number' || typeof b !== 'number' || a <= b) continue;
    const other = positionOf([section, high]);
    problems.push({
      file,
      position: positionOf([section, low]),
      message: `\`${section}.${low}\` is ${formatValue(a)}, above \`${section}.${high}\` (${formatValue(b)}${other ? `, line ${other.line}` : ''}): ${why}`,
      hint: 'one of the two is out of date or mistyped',
    });
  }
  return problems;
}

/** Pairs of fields where the first can never exceed the second. */
export const ORDERED_FIELDS: [section: string, low: string, high: string, why: string][] = [
  ['traffic', 'avg_rps', 'peak_rps', 'the average request rate cannot be above the peak'],
  ['traffic', 'daily_active_users', 'monthly_active_users', "a day's active users are among the month's"],
  ['performance', 'latency_p50_ms', 'latency_p95_ms', 'the median latency cannot be above the 95th percentile'],
  ['performance', 'latency_p95_ms', 'latency_p99_ms', 'the 95th percentile latency cannot be above the 99th'],
  ['database', 'size_gb', 'storage_limit_gb', 'a database cannot hold more than its storage limit'],
];

/** YYYY-MM-DD naming a day that exists (no month 13, no February 30th). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
