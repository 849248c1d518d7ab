import type { Command } from 'commander';
import { load } from '../load.js';
import { evaluate } from '../engine/assessment.js';
import { openAtOrAbove, severityThreshold } from '../engine/gate.js';
import { SEVERITIES, type Severity } from '../model.js';
import { checkFormat, formatNames, render } from '../report/index.js';
import { UserError } from '../util/errors.js';
import { closest } from '../util/suggest.js';
import { colorLevel, emit, outputWidth } from './io.js';
import { evaluateWhatIf, parseFactor } from '../roadmap/what-if.js';
import { collectedLoadOptions, collectedOptions, commonOptions, compareOption, withComparison, type CompareFlags, nowOption, outputOptions, resolveNow, type CollectedFlags, type CommonOptions, type NowFlags, type OutputFlags } from './options.js';
import type { Run } from './run.js';
import { resolve } from 'node:path';
import { discoverProfile } from '../profile/load.js';
import { detectionRoot, repositoryFacts } from '../facts/repository.js';
import { EXIT } from './exit-codes.js';
import { dashboardUnavailable, showDashboard } from '../ui/run.js';

export interface AssessFlags extends CommonOptions, OutputFlags, NowFlags, CollectedFlags, CompareFlags {
  failOn?: string;
  color?: boolean;
  verbose?: boolean;
  detect?: boolean;
  explainFacts?: boolean;
  whatIf?: string;
  interactive?: boolean;
}

export function parseSeverity(value: string, flag: string): Severity {
  if ((SEVERITIES as readonly string[]).includes(value)) return value as Severity;
  const near = closest(value, SEVERITIES);
  throw new UserError(`${flag} must be one of ${SEVERITIES.join(', ')}; got "${value}"${near ? ` (did you mean "${near}"?)` : ''}`);
}

export function registerAssess(program: Command, run: Run): void {
  compareOption(collectedOptions(
    nowOption(
      outputOptions(
        commonOptions(program.command('assess').description('place the system in a growth stage and report the findings of the rule catalog')),
        formatNames('assessment'),
      ),
    ),
  ))
    .option('--fail-on <severity>', `exit 1 when an open finding is at or above this severity (${SEVERITIES.join(', ')})`)
    .option('--no-color', 'plain text even on a terminal')
    .option('-v, --verbose', 'show each finding of a group, full recommendations, evidence and sources')
    .option('--no-detect', 'use the profile alone; do not look at the repository (git history, files, dependencies)')
    .option('--explain-facts', 'list every fact with its value, provenance and origin instead of the report')
    .option('--what-if <factor>', 'evaluate with load and users scaled by a factor (2x, 10x, 0.5x) and say what changes')
    .option('-i, --interactive', 'open the terminal dashboard (as `scale-advise ui`); the text report when not on a terminal')
    .action((flags: AssessFlags) => run(() => runAssess(flags)));
}

/** assess, and `ui` through it: load once, evaluate, then the dashboard or a report. */
export async function runAssess(flags: AssessFlags): Promise<number> {
    if (flags.interactive && (flags.explainFacts || flags.whatIf !== undefined || (flags.output && flags.output !== '-') || flags.format !== 'text')) {
      throw new UserError('--interactive shows the dashboard; it cannot be combined with --explain-facts, --what-if, --output or a --format other than text');
    }
    const view = flags.explainFacts ? 'facts' : 'assessment';
    checkFormat(view, flags.format);
    const threshold = flags.failOn ? severityThreshold(parseSeverity(flags.failOn, '--fail-on')) : undefined;
    const factor = flags.whatIf !== undefined ? parseFactor(flags.whatIf) : undefined;
    const cwd = process.cwd();
    const now = resolveNow(flags.now);
    const profilePath = flags.profile ? resolve(cwd, flags.profile) : discoverProfile(cwd);
    const detection = flags.detect === false ? null : await repositoryFacts(detectionRoot(cwd, profilePath), { now, progress: true });
    // With no profile, detected facts are all there is; with none of those either, there is nothing to assess.
    const withoutProfile = !profilePath && Boolean(detection?.facts.length);
    const inputs = load({
      cwd,
      profile: flags.profile,
      ruleDirs: flags.rules,
      stageModel: flags.stageModel,
      now,
      ...collectedLoadOptions(flags),
      ...(detection ? { extraFacts: detection.facts, detectionNotes: detection.notes, withoutProfile } : {}),
    });
    const a = await withComparison(factor === undefined ? evaluate(inputs) : evaluateWhatIf(inputs, factor), flags, cwd);
    const gate = (findings: typeof a.findings) => (threshold && openAtOrAbove(findings, threshold).length ? EXIT.FINDINGS : EXIT.OK);
    const exitCode = gate(a.findings);
    if (flags.interactive) {
      const why = dashboardUnavailable();
      // the decisions made in the dashboard count
      if (!why) return gate((await showDashboard(inputs, a, colorLevel(false, flags.color === false) > 0)).findings);
      process.stderr.write(`scale-advise: ${why}; here is the text report instead\n`);
    }
    const toFile = Boolean(flags.output && flags.output !== '-');
    // Colour and width matter to text only; asking the terminal costs start-up time.
    const forText = flags.format === 'text';
    const text = await render(view, flags.format, a, {
      colorLevel: forText ? colorLevel(toFile, flags.color === false) : 0,
      verbose: flags.verbose ?? false,
      width: forText ? outputWidth(toFile) : 80,
      rules: new Map(inputs.catalog.rules.map((r) => [r.id, r])),
    });
    emit(text, flags, cwd);
    return exitCode;
}
