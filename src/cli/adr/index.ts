// `scale-advise adr`: one file per subcommand; this one registers them.
import type { Command } from 'commander';
import type { Run } from './shared.js';
import { registerAdrInit } from './init.js';
import { registerAdrNew } from './new.js';
import { registerAdrFrom } from './from.js';
import { registerAdrList } from './list.js';
import { registerAdrSupersede } from './supersede.js';
import { registerAdrLink } from './link.js';
import { registerAdrIndex } from './write-index.js';
import { registerAdrLint } from './lint.js';
import { registerAdrRenumber } from './renumber.js';
import { registerAdrStatus } from './status.js';

export function registerAdr(program: Command, run: Run): void {
  const adr = program
    .command('adr')
    .description('Architecture Decision Records: write them from findings, number, list, supersede, link, lint and renumber them (adr-tools and MADR compatible)');
  for (const register of [registerAdrInit, registerAdrNew, registerAdrFrom, registerAdrList, registerAdrSupersede, registerAdrLink, registerAdrIndex, registerAdrLint, registerAdrRenumber, registerAdrStatus]) {
    register(adr, run);
  }
  for (const cmd of adr.commands) cmd.exitOverride();
  adr.exitOverride();
}
