import type { Command } from 'commander';
import { writeIndex } from '../../decisions/adr/index.js';
import { writeStdout } from '../../util/stdout.js';
import { dirOption, openStore, show, type Run, type StoreFlags } from './shared.js';

/** `adr index`: the table of contents and relations graph. */
export function registerAdrIndex(adr: Command, run: Run): void {
  dirOption(
    adr
      .command('index')
      .description('write a table of contents and a Mermaid graph of the relations into the ADR directory')
      .option('--name <file>', 'README.md or index.md', 'README.md')
      .option('--force', 'replace the file even if `adr index` did not write it'),
  ).action((flags: StoreFlags & { name: string; force?: boolean }) =>
    run(() => {
      const store = openStore(flags);
      const path = writeIndex(store, { name: flags.name, force: flags.force });
      writeStdout(`${show(path)}\n`);
      return 0;
    }),
  );
}
