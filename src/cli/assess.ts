import type { Command } from 'commander';
import { assess } from '../core.js';
import { isOpen, severityRank, SEVERITIES, type Assessment, type Severity } from '../model.js';
import { FORMATTERS, FORMAT_NAMES } from '../report/index.js';
import { UserError } from '../util/errors.js';
import { colorLevel, emit } from './io.js';
import { commonOptions, type CommonOptions } from './options.js';
import { resolve } from 'node:path';
import { discoverProfile, isCalendarDate } from '../profile/load.js';
import { detectionRoot, repositoryFacts } from '../facts/repository.js';
import { factRows, formatFactsJson, formatFactsText } from '../report/facts.js';

interface AssessFlags extends CommonOptions {
  format: string;
  output?: string;
  force?: boolean;
  failOn?: string;
  color?: boolean;
  verbose?: boolean;
  detect?: boolean;
  explainFacts?: boolean;
  now?: string;
}

/** `--now YYYY-MM-DD`: the day to judge dates against (waivers, the last 90 days of history). */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  if (!isCalendarDate(value)) throw new UserError(`--now must be a date written YYYY-MM-DD; got "${value}"`);
  return new Date(`${value}T12:00:00Z`);
}

export function parseSeverity(value: string, flag: string): Severity {
  if ((SEVERITIES as readonly string[]).includes(value)) return value as Severity;
  throw new UserError(`${flag} must be one of ${SEVERITIES.join(', ')}; got "${value}"`);
}

/** Open findings (including expired waivers) at or above a severity. */
export function openAtOrAbove(a: Assessment, threshold: Severity) {
  return a.findings.filter(
    (f) => isOpen(f) && severityRank(f.severity) >= severityRank(threshold),
  );
}

export function registerAssess(program: Command, run: (fn: () => Promise<number> | number) => Promise<void>): void {
  commonOptions(
    program
      .command('assess')
      .description('place the system in a growth stage and report the findings of the rule catalog')
      .option('-f, --format <format>', `report format: ${FORMAT_NAMES.join(', ')}`, 'text')
      .option('-o, --output <file>', 'write the report to a file instead of stdout')
      .option('--force', 'replace the --output file if it exists')
      .option('--fail-on <severity>', `exit 1 when an open finding is at or above this severity (${SEVERITIES.join(', ')})`)
      .option('--no-color', 'plain text even on a terminal')
      .option('-v, --verbose', 'show the sources under each finding')
      .option('--no-detect', 'use the profile alone; do not look at the repository (git history, files, dependencies)')
      .option('--explain-facts', 'list every fact with its value, provenance and origin instead of the report')
      .option('--now <date>', 'judge dates as of this day (YYYY-MM-DD) instead of today'),
  ).action((flags: AssessFlags) =>
    run(async () => {
      const loadFormatter = FORMATTERS[flags.format];
      if (!loadFormatter) throw new UserError(`--format must be one of ${FORMAT_NAMES.join(', ')}; got "${flags.format}"`);
      const threshold = flags.failOn ? parseSeverity(flags.failOn, '--fail-on') : undefined;
      const cwd = process.cwd();
      const now = parseNow(flags.now);
      const profilePath = flags.profile ? resolve(cwd, flags.profile) : discoverProfile(cwd);
      const detection = flags.detect === false ? null : await repositoryFacts(detectionRoot(cwd, profilePath), { now, progress: true });
      // With no profile, detected facts are all there is; with none of those either, there is nothing to assess.
      const withoutProfile = !profilePath && Boolean(detection?.facts.length);
      const a = assess({
        cwd,
        profile: flags.profile,
        ruleDirs: flags.rules,
        stageModel: flags.stageModel,
        now,
        withoutProfile,
        ...(detection ? { extraFacts: detection.facts, detectionNotes: detection.notes } : {}),
      });
      const toFile = Boolean(flags.output && flags.output !== '-');
      let text: string;
      if (flags.explainFacts) {
        const rows = factRows(a.context.facts.values(), a.profilePath);
        text = flags.format === 'json' ? formatFactsJson(rows, detection?.notes ?? []) : formatFactsText(rows, detection?.notes ?? []);
      } else {
        const formatter = await loadFormatter();
        text = formatter(a, { colorLevel: colorLevel(toFile, flags.color === false), verbose: flags.verbose ?? false });
      }
      emit(text, flags, cwd);
      return threshold && openAtOrAbove(a, threshold).length ? 1 : 0;
    }),
  );
}
