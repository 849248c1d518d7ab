import type { Command } from 'commander';

export interface CommonOptions {
  profile?: string;
  rules?: string[];
  stageModel?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Options every profile-reading command shares. */
export function commonOptions(cmd: Command): Command {
  return cmd
    .option('-p, --profile <path>', 'profile to read (default: scale-advise.yaml here or in a parent directory up to the repository root)')
    .option('-r, --rules <dir>', 'add a directory of custom rules (repeatable)', collect)
    .option('--stage-model <name>', 'stage model to place the system with (default: the profile\'s stage_model, else "default")');
}
