import { isoDay } from '../../util/iso-day.js';
import type { Command } from 'commander';
import { checkFormat, formatNames, render } from '../../report/index.js';
import { emit } from '../io.js';
import { nowOption, outputOptions, resolveNow, type OutputFlags } from '../options.js';
import { dirOption, openStore, requireRecords, show, type Run, type StoreFlags } from './shared.js';

export function registerAdrList(adr: Command, run: Run): void {
  const cmd = outputOptions(
    adr.command('list').description('list the records: number, status, title, the rules each addresses and when each is due for review'),
    formatNames('adrs'),
  );
  dirOption(nowOption(cmd)).action((flags: StoreFlags & OutputFlags & { now?: string }) =>
    run(async () => {
      checkFormat('adrs', flags.format);
      const store = openStore(flags);
      requireRecords(store);
      const today = isoDay(resolveNow(flags.now));
      const list = { dir: store.display(), format: store.format, records: store.list(), today, show };
      emit(await render('adrs', flags.format, list, { colorLevel: 0 }), flags, process.cwd());
      return 0;
    }),
  );
}
