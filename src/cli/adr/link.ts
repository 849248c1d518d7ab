import type { Command } from 'commander';
import { linkRecords } from '../../decisions/adr/index.js';
import { writeStdout } from '../../util/stdout.js';
import { dirOption, openStore, requireRecords, show, type Run, type StoreFlags } from './shared.js';

export function registerAdrLink(adr: Command, run: Run): void {
  dirOption(
    adr
      .command('link <source> <link> <target> <reverse-link>')
      .description('link two records both ways, e.g. `adr link 12 Amends 10 "Amended by"`'),
  ).action((source: string, link: string, target: string, reverse: string, flags: StoreFlags) =>
    run(() => {
      const store = openStore(flags);
      requireRecords(store);
      const r = linkRecords(store, source, link, target, reverse);
      writeStdout(`${show(r.source.path)}\n${show(r.target.path)}\n`);
      return 0;
    }),
  );
}
