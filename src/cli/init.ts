import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { detectionRoot, repositoryFacts } from '../facts/repository.js';
import { discoverProfile, displayPathFor, PROFILE_NAMES } from '../profile/load.js';
import { UserError } from '../util/errors.js';
import { nowOption, resolveNow, type NowFlags } from './options.js';
import type { Run } from './run.js';
import { EXIT } from './exit-codes.js';

interface InitFlags extends NowFlags {
  yes?: boolean;
  update?: boolean;
  profile?: string;
  detect?: boolean;
}

/** CI sets CI=true (or 1); some set it to false to say they are not CI. */
function inCi(): boolean {
  const ci = process.env.CI;
  return Boolean(ci) && ci !== 'false' && ci !== '0';
}

export function registerInit(program: Command, run: Run): void {
  nowOption(program.command('init'))
    .description('write scale-advise.yaml: what the repository shows is filled in, the rest is asked')
    .option('-y, --yes', 'ask nothing: write what was detected (also the way to run in CI or without a terminal)')
    .option('--update', 'add the fields the existing profile lacks, keeping its comments and order')
    .option('-p, --profile <path>', `the profile to write or update (default: ${PROFILE_NAMES[0]} here; with --update, the one assess finds)`)
    .option('--no-detect', 'do not look at the repository; ask everything')
    .action((flags: InitFlags) =>
      run(async () => {
        const cwd = process.cwd();
        const now = resolveNow(flags.now);
        if (!flags.yes && (!process.stdin.isTTY || !process.stdout.isTTY || inCi())) {
          throw new UserError(
            `init asks questions and needs a terminal (${inCi() ? 'CI is set' : 'standard input or output is not a terminal'}); ` +
              (flags.update
                ? 'run `scale-advise init --update --yes` to add what the repository shows to the profile, then fill in the rest by hand'
                : 'run `scale-advise init --yes` to write the profile from what the repository shows, then fill in the rest by hand'),
          );
        }
        // A profile under any of the names assess looks for counts as one: init never writes a second.
        const here = PROFILE_NAMES.map((n) => join(cwd, n)).find((p) => existsSync(p));
        const target = flags.profile ? resolve(cwd, flags.profile) : (flags.update && discoverProfile(cwd)) || here || join(cwd, PROFILE_NAMES[0]!);
        const displayPath = displayPathFor(target, cwd);
        const detection = flags.detect === false ? null : await repositoryFacts(detectionRoot(cwd, target), { now, progress: true });
        const { runInit, SCHEMA_PATH } = await import('../init/index.js');
        const result = await runInit({ target, displayPath, update: Boolean(flags.update), yes: Boolean(flags.yes), detected: detection?.facts ?? [] });
        process.stdout.write(
          `${flags.update ? 'updated' : 'wrote'} ${displayPath}: ${result.detected} detected, ${result.answered} answered` +
            `${result.skipped ? `, ${result.skipped} left out` : ''}. Next: \`scale-advise assess\`.\n`,
        );
        if (!flags.update && !existsSync(resolve(dirname(target), SCHEMA_PATH))) {
          process.stderr.write(
            `note: the first line of ${displayPath} points editors at ${SCHEMA_PATH}, ` +
              'which is there once scale-advise is a dev dependency of this project (`npm install --save-dev scale-advise`)\n',
          );
        }
        return EXIT.OK;
      }),
    );
}
