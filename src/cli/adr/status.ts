import type { Command } from 'commander';
import { changeStatus, SETTABLE_STATUSES } from '../../decisions/adr/lifecycle.js';
import { writeStdout } from '../../util/stdout.js';
import { dirOption, openStore, requireRecords, show, type Run, type StoreFlags } from './shared.js';

export function registerAdrStatus(adr: Command, run: Run): void {
  dirOption(
    adr
      .command('status <record> <status>')
      .description(`set RECORD's status: ${SETTABLE_STATUSES.join(', ')} (superseded needs --by; both records are updated)`)
      .option('--by <record>', 'the record that supersedes RECORD'),
  ).action((ref: string, status: string, flags: StoreFlags & { by?: string }) =>
    run(() => {
      const store = openStore(flags);
      requireRecords(store);
      const r = changeStatus(store, ref, status, { by: flags.by });
      if (!r.written.length) process.stderr.write(`${r.record.file} is ${r.record.status} already; nothing to do\n`);
      else writeStdout(r.written.map((p) => `${show(p)}\n`).join(''));
      return 0;
    }),
  );
}
