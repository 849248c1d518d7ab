import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Assessment } from '../model.js';
import { UserError } from '../util/errors.js';
import { isoDay } from '../util/iso-day.js';

/** Flags of every command that reads the profile. */
export interface CommonOptions {
  profile?: string;
  rules?: string[];
  stageModel?: string;
}

/** Flags of every command that writes a report. */
export interface OutputFlags {
  format: string;
  output?: string;
  force?: boolean;
}

export interface NowFlags {
  now?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** --rules DIR, for every command that reads the catalog. */
export function ruleDirOption(cmd: Command): Command {
  return cmd.option('-r, --rules <dir>', 'add a directory of custom rules (repeatable)', collect);
}

/** --profile and --rules, for commands that list or explain rules: the profile's `rules:` count too. */
export function catalogOptions(cmd: Command): Command {
  return ruleDirOption(cmd.option('-p, --profile <path>', "profile whose `rules:` directories to include (default: scale-advise.yaml here or in a parent directory, if any)"));
}

/** Options every profile-reading command shares. */
export function commonOptions(cmd: Command): Command {
  return ruleDirOption(cmd.option('-p, --profile <path>', 'profile to read (default: scale-advise.yaml here or in a parent directory up to the repository root)')).option(
    '--stage-model <name>',
    'stage model to place the system with (default: the profile\'s stage_model, else "default")',
  );
}

/** --format, --output and --force, for commands that print a report. */
export function outputOptions(cmd: Command, formats: readonly string[], fallback = 'text'): Command {
  return cmd
    .option('-f, --format <format>', `output format: ${formats.join(', ')}`, fallback)
    .option('-o, --output <file>', 'write to a file instead of stdout (never replaces one without --force)')
    .option('--force', 'replace the --output file if it exists');
}

/** --now, for commands that judge dates (waivers, review-by dates). */
export function nowOption(cmd: Command): Command {
  return cmd.option('--now <YYYY-MM-DD>', 'judge dates as of this day instead of today (also SCALE_ADVISE_NOW)');
}

/**
 * The time dates are judged against: --now, else SCALE_ADVISE_NOW, else the
 * clock. A day means noon UTC, so no time zone moves it to another day.
 */
export function resolveNow(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, clock: () => Date = () => new Date()): Date {
  const raw = flag ?? (env.SCALE_ADVISE_NOW || undefined);
  if (raw === undefined) return clock();
  const source = flag !== undefined ? '--now' : 'SCALE_ADVISE_NOW';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : null;
  if (!date || isoDay(date) !== raw) {
    throw new UserError(`${source} must be a date that exists, as YYYY-MM-DD; got "${raw.slice(0, 40)}"`);
  }
  return date;
}

/** Flags of the commands that read `scale-advise collect`'s record. */
export interface CollectedFlags {
  collected?: boolean;
  preferCollected?: boolean;
}

/** --no-collected and --prefer-collected, for commands that read `.scale-advise/collected.json`. */
export function collectedOptions(cmd: Command): Command {
  return cmd
    .option('--no-collected', 'ignore .scale-advise/collected.json (facts from `scale-advise collect`)')
    .option('--prefer-collected', 'a collected value wins over the declared one (default: the profile wins)');
}

/** What those flags ask of load(). */
export function collectedLoadOptions(flags: CollectedFlags): { collected: boolean; preferCollected: boolean } {
  return { collected: flags.collected !== false, preferCollected: flags.preferCollected ?? false };
}

/**
 * A subcommand's output flags, taking those its parent parsed: commander
 * gives `rules --format json test` and `rules test --format json` alike to
 * `rules`, whose own --format shares the name.
 */
export function subcommandOutputFlags<T extends OutputFlags>(cmd: Command, flags: T): T {
  const parent = cmd.parent;
  if (!parent) return flags;
  const out = { ...flags } as Record<string, unknown>;
  for (const key of ['format', 'output', 'force']) {
    if (cmd.getOptionValueSource(key) !== 'cli' && parent.getOptionValueSource(key) === 'cli') out[key] = parent.getOptionValue(key);
  }
  return out as T;
}

export interface CompareFlags {
  compare?: string;
}

/** --compare, for commands that can say what changed since an earlier JSON report. */
export function compareOption(cmd: Command): Command {
  return cmd.option('--compare <report.json>', 'say what changed since an earlier JSON report (new, resolved and changed findings, stage moves, completeness)');
}

/** The assessment with what changed since the --compare report; unchanged without the flag. */
export async function withComparison(a: Assessment, flags: CompareFlags, cwd: string): Promise<Assessment> {
  if (flags.compare === undefined) return a;
  const [{ readJsonReport }, { carryOpenSince, compareReports }, { jsonReportObject }] = await Promise.all([import('../report/report-file.js'), import('../report/compare.js'), import('../report/json.js')]);
  const previous = readJsonReport(resolve(cwd, flags.compare), flags.compare);
  // A report of another project compares two different systems: said, not refused (a project may be renamed).
  if (typeof previous.project === 'string' && typeof a.project === 'string' && previous.project !== a.project) {
    const { warn } = await import('../util/warn.js');
    warn(`${flags.compare} is a report of project "${previous.project}", not "${a.project}": this compares two different systems`);
  }
  return { ...a, findings: carryOpenSince(a.findings, previous, a.assessedOn), comparison: compareReports(previous, jsonReportObject(a), flags.compare) };
}
