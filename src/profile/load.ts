import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
// Generated at build time from schema/profile.schema.json (scripts/build.mjs).
import validateProfile from '../generated/profile-validator.js';
import type { Position } from '../model.js';
import { UserError, type Problem } from '../util/errors.js';
import { packagePath } from '../util/paths.js';
import { parseYamlText, positionAt, readYamlFile, type ParsedYaml } from './parse-yaml.js';
import { schemaErrorsToProblems } from './schema-errors.js';
import type { ProfileData } from './types.js';

export const PROFILE_NAMES = ['scale-advise.yaml', 'scale-advise.yml', '.scale-advise.yaml'];

export interface Profile {
  /** absolute path */
  path: string;
  /** as shown to the user: relative to the working directory when inside it */
  displayPath: string;
  data: ProfileData;
  parsed: ParsedYaml;
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
  const parsed = parseYamlText('version: 1\n', '(no profile)');
  return { path: join(cwd, PROFILE_NAMES[0]!), displayPath: '(no profile)', data: { version: 1 }, parsed, positionOf: () => null };
}

export function loadProfile(path: string, cwd = process.cwd()): Profile {
  const displayPath = displayPathFor(path, cwd);
  return profileFromParsed(readYamlFile(path, displayPath), path, displayPath);
}

/** A profile from text already in memory (`path` is where it would live). */
export function profileFromText(text: string, path: string, displayPath = path): Profile {
  return profileFromParsed(parseYamlText(text, displayPath), path, displayPath);
}

function profileFromParsed(parsed: ParsedYaml, path: string, displayPath: string): Profile {
  const data = parsed.data;
  if (data === null || data === undefined) {
    throw new UserError([{ file: displayPath, position: { line: 1, column: 1 }, message: 'the profile is empty; it needs at least `version: 1`' }]);
  }
  if (typeof data !== 'object' || Array.isArray(data) || Object.getPrototypeOf(data) !== Object.prototype) {
    throw new UserError([{ file: displayPath, position: positionAt(parsed, []), message: 'the profile must be a mapping of sections (version, traffic, database, ...)' }]);
  }
  if (!validateProfile(data)) {
    throw new UserError(schemaErrorsToProblems(validateProfile.errors ?? [], parsed, packagePath('schema', 'profile.schema.json')));
  }
  const problems = semanticChecks(data as ProfileData, parsed);
  if (problems.length) throw new UserError(problems);
  return {
    path,
    displayPath,
    data: data as ProfileData,
    parsed,
    positionOf: (p) => positionAt(parsed, p),
  };
}

/** What the schema cannot say: relations between values. */
function semanticChecks(data: ProfileData, parsed: ParsedYaml): Problem[] {
  const problems: Problem[] = [];
  for (const [name, model] of Object.entries(data.stage_models ?? {})) {
    if (!model) continue;
    const t = model.thresholds;
    if (t.length === 3 && !(t[0]! < t[1]! && t[1]! < t[2]!)) {
      problems.push({
        file: parsed.file,
        position: positionAt(parsed, ['stage_models', name, 'thresholds']),
        message: `\`stage_models.${name}.thresholds\` must rise strictly (growth < scale < enterprise), got [${t.join(', ')}]`,
      });
    }
  }
  (data.waivers ?? []).forEach((w, i) => {
    if (!isCalendarDate(w.expires)) {
      problems.push({
        file: parsed.file,
        position: positionAt(parsed, ['waivers', i, 'expires']),
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
        file: parsed.file,
        position: positionAt(parsed, ['architecture', 'components', i, 'name']),
        message: `component \`${c.name}\` is listed twice (also item ${names.get(c.name)! + 1})`,
      });
    }
    names.set(c.name, i);
  });
  return problems;
}

/** YYYY-MM-DD naming a day that exists (no month 13, no February 30th). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
