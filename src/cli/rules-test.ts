import type { Command } from 'commander';
import { resolve, dirname } from 'node:path';
import { runRuleTests } from '../engine/rule-tests.js';
import { discoverProfile, loadProfile } from '../profile/load.js';
import { formatNames, render } from '../report/index.js';
import { UserError } from '../util/errors.js';
import { colorLevel, emit } from './io.js';
import { nowOption, outputOptions, resolveNow, subcommandOutputFlags, type NowFlags, type OutputFlags } from './options.js';
import type { Run } from './run.js';
import { EXIT } from './exit-codes.js';

/** With no DIR: the `rules:` directories of the profile found here. */
function defaultDirs(cwd: string): string[] {
  const path = discoverProfile(cwd);
  const dirs = path ? (loadProfile(path, cwd).data.rules ?? []).map((d) => resolve(dirname(path), d)) : [];
  if (!dirs.length) throw new UserError('give the directory of your rules (`scale-advise rules test DIR`); no profile here lists one under `rules:`');
  return dirs;
}

export function registerRulesTest(rules: Command, run: Run): void {
  nowOption(
    outputOptions(
      rules
        .command('test [dir]')
        .description('run your rules against their test profiles: fires*.yaml and silent*.yaml beside each rule, or the profiles under its own `tests:` key'),
      formatNames('rule-tests'),
    ),
  ).action((dir: string | undefined, own: OutputFlags & NowFlags, cmd: Command) =>
    run(async () => {
      const flags = subcommandOutputFlags(cmd, own);
      const cwd = process.cwd();
      const report = runRuleTests(dir ? [dir] : defaultDirs(cwd), cwd, resolveNow(flags.now));
      const toFile = Boolean(flags.output && flags.output !== '-');
      emit(await render('rule-tests', flags.format, report, { colorLevel: colorLevel(toFile) }), flags, cwd);
      return report.failed ? EXIT.FINDINGS : EXIT.OK;
    }),
  );
}
