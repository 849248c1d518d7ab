import { appendFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { load, type Inputs } from '../load.js';
import { evaluate } from '../engine/assessment.js';
import type { Threshold } from '../engine/gate.js';
import { isOpen, KINDS, type RuleKind } from '../model.js';
import { resolveProfilePath } from '../profile/load.js';
import { BASELINE_FILE, baselineText, entriesOf } from '../decisions/baseline.js';
import { checkOutcome, evaluatedRuleIds, type CheckReport } from '../decisions/check.js';
import { DEFAULT_MAX_WAIVER_DAYS } from '../decisions/waivers.js';
import { formatNames, render, REPORTS } from '../report/index.js';
import { withDetails } from '../engine/catalog.js';
import { displayPathFor } from '../profile/load.js';
import { UserError } from '../util/errors.js';
import { fsProblem } from '../util/fs-errors.js';
import { EXIT } from './exit-codes.js';
import { closest } from '../util/suggest.js';
import { writeFileSafely } from '../util/write.js';
import { parseSeverity } from './assess.js';
import { colorLevel, emit } from './io.js';
import { collectedLoadOptions, collectedOptions, commonOptions, compareOption, withComparison, type CompareFlags, nowOption, resolveNow, type CollectedFlags, type CommonOptions, type NowFlags } from './options.js';
import type { Run } from './run.js';

interface CheckFlags extends CommonOptions, NowFlags, CollectedFlags, CompareFlags {
  format?: string[];
  output?: string;
  force?: boolean;
  failOn: string;
  failOnKind: string;
  failOnReview?: boolean;
  /** a file, or false for --no-waivers */
  waivers?: string | false;
  baseline?: string | true;
  updateBaseline?: boolean;
  maxWaiverDays?: string;
  color?: boolean;
  verbose?: boolean;
}

/** One report to write: a format, and a file (undefined: stdout). */
export interface FormatTarget {
  format: string;
  file?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const FORMATS = formatNames('check');

function unknownFormat(name: string): UserError {
  const near = closest(name, FORMATS);
  return new UserError(`--format must be one of ${FORMATS.join(', ')} (optionally FORMAT:FILE); got "${name}"${near ? ` (did you mean "${near}"?)` : ''}`);
}

/**
 * `--format sarif:report.sarif --format text`: each format to its file, at
 * most one to stdout. Without --format: GitHub annotations inside GitHub
 * Actions, text elsewhere.
 */
export function formatTargets(formats: readonly string[] | undefined, output: string | undefined, env: NodeJS.ProcessEnv = process.env): FormatTarget[] {
  const given = formats?.length ? formats : [env.GITHUB_ACTIONS === 'true' ? 'github' : 'text'];
  const targets = given.map((spec): FormatTarget => {
    const colon = spec.indexOf(':');
    const format = colon < 0 ? spec : spec.slice(0, colon);
    const file = colon < 0 ? undefined : spec.slice(colon + 1);
    if (!REPORTS.check[format]) throw unknownFormat(format);
    if (file === '') throw new UserError(`--format ${format}: needs a file name after the colon, e.g. ${format}:report.${format}`);
    return { format, ...(file && file !== '-' ? { file } : {}) };
  });
  const toStdout = targets.filter((t) => !t.file);
  if (output && output !== '-') {
    if (toStdout.length !== 1) throw new UserError('--output names the file of the one format without its own file; write FORMAT:FILE for each format instead');
    toStdout[0]!.file = output;
  } else if (toStdout.length > 1) {
    throw new UserError(`only one format can go to stdout; give the others a file (e.g. --format ${toStdout[1]!.format}:report.${toStdout[1]!.format})`);
  }
  return targets;
}

export function parseKinds(value: string): RuleKind[] {
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  for (const k of kinds) {
    if (!(KINDS as readonly string[]).includes(k)) {
      const near = closest(k, KINDS);
      throw new UserError(`--fail-on-kind takes a comma-separated list of ${KINDS.join(', ')}; got "${k}"${near ? ` (did you mean "${near}"?)` : ''}`);
    }
  }
  if (!kinds.length) throw new UserError(`--fail-on-kind needs at least one of ${KINDS.join(', ')}`);
  return kinds as RuleKind[];
}

function parseMaxDays(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_WAIVER_DAYS;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UserError(`--max-waiver-days must be a whole number of days, 1 or more; got "${value}"`);
  return Number(value);
}

/** Record today's open findings; the inputs are then judged against that baseline without reading again. */
function updateBaseline(inputs: Inputs, path: string): Inputs {
  const open = evaluate(inputs).findings.filter(isOpen);
  writeFileSafely(path, baselineText(open), true);
  return { ...inputs, decisions: { ...inputs.decisions, baseline: open.flatMap(entriesOf) } };
}

export function registerCheck(program: Command, run: Run): void {
  compareOption(collectedOptions(nowOption(commonOptions(program.command('check').description('the CI gate: exit 1 while a warning sign or pitfall stays open (no ADR, no live waiver, not in the baseline)')))))
    .option('-f, --format <format[:file]>', `report format, optionally to a file; repeatable: ${FORMATS.join(', ')} (default: github inside GitHub Actions, else text)`, collect)
    .option('-o, --output <file>', 'write the report to a file instead of stdout (never replaces one without --force)')
    .option('--force', 'replace report files that exist')
    .option('--fail-on <severity>', 'fail on open findings at or above this severity', 'medium')
    .option('--fail-on-kind <kinds>', `comma-separated kinds that can fail the run (${KINDS.join(', ')})`, 'warning-sign,pitfall')
    .option('--fail-on-review', 'fail too when a decision record is past its review-by date')
    .option('--waivers <file>', 'read more waivers from this YAML file (a `waivers:` list)')
    .option('--no-waivers', 'audit run: ignore every waiver and baseline entry')
    .option('--max-waiver-days <days>', `the longest a waiver may run from today (default ${DEFAULT_MAX_WAIVER_DAYS})`)
    .option('--baseline [file]', `fail only on findings not in the baseline (default file: ${BASELINE_FILE} beside the profile)`)
    .option('--update-baseline', "record today's open findings in the baseline, then check against it")
    .option('--no-color', 'plain text even on a terminal')
    .option('-v, --verbose', 'show evidence and sources under each finding')
    .action((flags: CheckFlags) =>
      run(async () => {
        const cwd = process.cwd();
        const targets = formatTargets(flags.format, flags.output);
        const threshold: Threshold = { severity: parseSeverity(flags.failOn, '--fail-on'), kinds: parseKinds(flags.failOnKind) };
        const maxWaiverDays = parseMaxDays(flags.maxWaiverDays);
        const now = resolveNow(flags.now);
        const profilePath = resolveProfilePath(flags.profile, cwd);
        const audit = flags.waivers === false;
        if (audit && flags.updateBaseline) throw new UserError('--update-baseline records findings for the baseline, which --no-waivers ignores; use one or the other');
        // Refuse before writing anything, so a run never leaves some of its reports behind.
        for (const t of targets) {
          if (t.file && !flags.force && existsSync(resolve(cwd, t.file))) throw new UserError(`${t.file} already exists; pass --force to replace it`);
        }
        const useBaseline = Boolean(flags.baseline || flags.updateBaseline) && !audit;
        const baselinePath = typeof flags.baseline === 'string' ? resolve(cwd, flags.baseline) : join(dirname(profilePath), BASELINE_FILE);
        if (useBaseline && !flags.updateBaseline && !existsSync(baselinePath)) {
          throw new UserError(`no baseline at ${displayPathFor(baselinePath, cwd)}; record one with \`scale-advise check --update-baseline\``);
        }
        let inputs = load({
          cwd,
          profile: profilePath,
          ruleDirs: flags.rules,
          stageModel: flags.stageModel,
          now,
          maxWaiverDays,
          ...(typeof flags.waivers === 'string' ? { waiversFile: flags.waivers } : {}),
          ...(useBaseline && !flags.updateBaseline ? { baselineFile: baselinePath } : {}),
          ...(audit ? { audit: true } : {}),
          ...collectedLoadOptions(flags),
        });
        if (flags.updateBaseline) inputs = updateBaseline(inputs, baselinePath);
        const a = await withComparison(evaluate(inputs), flags, cwd);
        const outcome = checkOutcome(a, inputs.decisions, now, {
          threshold,
          failOnReview: flags.failOnReview ?? false,
          baseline: useBaseline ? displayPathFor(baselinePath, cwd) : null,
        });
        const report: CheckReport = { assessment: a, outcome, evaluatedRules: evaluatedRuleIds(inputs.catalog.rules, a) };
        // SARIF describes each rule in full: only then is the rationale read.
        const full = targets.some((t) => t.format === 'sarif');
        const rules = new Map(inputs.catalog.rules.map((r) => [r.id, full ? withDetails(r) : r]));
        for (const t of targets) {
          const ctx = { colorLevel: t.format === 'text' ? colorLevel(Boolean(t.file), flags.color === false) : 0, verbose: flags.verbose ?? false, rules };
          emit(await render('check', t.format, report, ctx), { ...(t.file ? { output: t.file } : {}), force: flags.force ?? false }, cwd);
        }
        const summaryFile = process.env.GITHUB_STEP_SUMMARY;
        if (summaryFile) {
          const { checkSummaryMarkdown } = await import('../report/check-markdown.js');
          try {
            appendFileSync(summaryFile, checkSummaryMarkdown(report) + '\n');
          } catch (e) {
            throw fsProblem(e, 'write', summaryFile);
          }
        }
        return outcome.exitCode ? EXIT.FINDINGS : EXIT.OK;
      }),
    );
}
