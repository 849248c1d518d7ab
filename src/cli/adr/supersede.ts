import type { Command } from 'commander';
import { supersede } from '../../decisions/adr/index.js';
import { writeStdout } from '../../util/stdout.js';
import { dirOption, openStore, requireRecords, show, type Run, type StoreFlags } from './shared.js';

export function registerAdrSupersede(adr: Command, run: Run): void {
  dirOption(
    adr
      .command('supersede <record> <title...>')
      .description('write a new record that supersedes RECORD (a number or part of its file name); both records are updated, as `adr new -s` does'),
  ).action((ref: string, title: string[], flags: StoreFlags) =>
    run(async () => {
      const store = openStore(flags);
      requireRecords(store);
      const created = await supersede(store, ref, title.join(' '));
      writeStdout(`${show(created.path)}\n`);
      return 0;
    }),
  );
}
