import type { Command } from 'commander';
import { assess } from '../core.js';
import { isOpen, severityRank, SEVERITIES, type Assessment, type Severity } from '../model.js';
import { FORMATTERS, FORMAT_NAMES } from '../report/index.js';
import { UserError } from '../util/errors.js';
import { colorLevel, emit, outputWidth } from './io.js';
import { commonOptions, type CommonOptions } from './options.js';

interface AssessFlags extends CommonOptions {
  format: string;
  output?: string;
  force?: boolean;
  failOn?: string;
  color?: boolean;
  verbose?: boolean;
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
      .option('-v, --verbose', 'show each finding of a group, full recommendations, evidence and sources'),
  ).action((flags: AssessFlags) =>
    run(async () => {
      const loadFormatter = FORMATTERS[flags.format];
      if (!loadFormatter) throw new UserError(`--format must be one of ${FORMAT_NAMES.join(', ')}; got "${flags.format}"`);
      const threshold = flags.failOn ? parseSeverity(flags.failOn, '--fail-on') : undefined;
      const cwd = process.cwd();
      const a = assess({
        cwd,
        profile: flags.profile,
        ruleDirs: flags.rules,
        stageModel: flags.stageModel,
      });
      const toFile = Boolean(flags.output && flags.output !== '-');
      const formatter = await loadFormatter();
      const text = formatter(a, { colorLevel: colorLevel(toFile, flags.color === false), verbose: flags.verbose ?? false, width: outputWidth(toFile) });
      emit(text, flags, cwd);
      return threshold && openAtOrAbove(a, threshold).length ? 1 : 0;
    }),
  );
}
