import type { Command } from 'commander';
import { newRecord } from '../../decisions/adr/index.js';
import { writeStdout } from '../../util/stdout.js';
import { dirOption, openStore, show, type Run, type StoreFlags } from './shared.js';

export function registerAdrNew(adr: Command, run: Run): void {
  dirOption(
    adr
      .command('new <title...>')
      .description('write a new record numbered after the highest one; prints its path')
      .option('--status <status>', 'status to start with (accepted, as adr-tools; or proposed, draft, ...)')
      .option('--review-by <when>', 'when to look at the decision again: a period after the record\'s date (30d, 6w, 6m, 1y) or a date YYYY-MM-DD'),
  ).action((title: string[], flags: StoreFlags & { status?: string; reviewBy?: string }) =>
    run(async () => {
      const store = openStore(flags);
      const created = await newRecord(store, { title: title.join(' '), status: flags.status, reviewBy: flags.reviewBy });
      writeStdout(`${show(created.path)}\n`);
      return 0;
    }),
  );
}
