import { resolve } from 'node:path';
import type { Command } from 'commander';
import { load } from '../load.js';
import { evaluate } from '../engine/assessment.js';
import { evaluateWhatIf, parseFactor } from '../roadmap/what-if.js';
import { checkFormat, formatNames, render } from '../report/index.js';
import { writeGeneratedFile } from '../util/generated-file.js';
import { colorLevel, emit } from './io.js';
import { commonOptions, nowOption, resolveNow, type CommonOptions, type NowFlags } from './options.js';
import type { Run } from './run.js';
import { EXIT } from './exit-codes.js';


interface RoadmapFlags extends CommonOptions, NowFlags {
  format?: string;
  output?: string;
  force?: boolean;
  whatIf?: string;
  color?: boolean;
  verbose?: boolean;
}

/** Markdown when writing a .md file, else text, unless --format says otherwise. */
function chosenFormat(flags: RoadmapFlags): string {
  const format = flags.format ?? (flags.output && /\.(md|markdown)$/i.test(flags.output) ? 'markdown' : 'text');
  checkFormat('roadmap', format);
  return format;
}

export function registerRoadmap(program: Command, run: Run): void {
  nowOption(commonOptions(program.command('roadmap').description('the phased scaling plan: now (at most 3 steps), next, later, with months from the growth projection')))
    .option('-f, --format <format>', `output format: ${formatNames('roadmap').join(', ')} (default: markdown for a .md --output, else text)`)
    .option('-o, --output <file>', 'write to a file; a roadmap it generated and nobody edited is replaced, anything else only with --force')
    .option('--force', 'replace the --output file even if it was edited')
    .option('--what-if <factor>', 'plan for the load scaled by a factor: 2x, 10x, 0.5x')
    .option('--no-color', 'plain text even on a terminal')
    .option('-v, --verbose', 'show the effect the sources report for each step')
    .action((flags: RoadmapFlags) =>
      run(async () => {
        const format = chosenFormat(flags);
        const factor = flags.whatIf !== undefined ? parseFactor(flags.whatIf) : undefined;
        const cwd = process.cwd();
        const now = resolveNow(flags.now);
        const inputs = load({ cwd, profile: flags.profile, ruleDirs: flags.rules, stageModel: flags.stageModel, now });
        const a = factor === undefined ? evaluate(inputs) : evaluateWhatIf(inputs, factor);
        const toFile = Boolean(flags.output && flags.output !== '-');
        const text = await render('roadmap', format, a, { colorLevel: colorLevel(toFile || format !== 'text', flags.color === false), verbose: flags.verbose ?? false, now });
        // A Markdown roadmap carries a marker, so a later run can tell whether anyone edited the file.
        if (toFile && format === 'markdown') writeGeneratedFile(resolve(cwd, flags.output!), text, 'scale-advise roadmap', flags.force);
        else emit(text, flags, cwd);
        return EXIT.OK;
      }),
    );
}
