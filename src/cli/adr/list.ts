import type { Command } from 'commander';
import type { AdrRecord, AdrStore } from '../../decisions/adr/index.js';
import { UserError } from '../../util/errors.js';
import { writeStdout } from '../../util/stdout.js';
import { dirOption, openStore, requireRecords, show, type Run, type StoreFlags } from './shared.js';

function listJson(records: AdrRecord[], store: AdrStore): string {
  const out = records.map((r) => ({
    number: r.number,
    title: r.title,
    status: r.status,
    status_text: r.statusText,
    date: r.date,
    format: r.format,
    file: show(r.path),
    addresses: r.addresses,
    links: r.links.map((l) => ({ type: l.type, target: l.target, file: l.file })),
  }));
  return JSON.stringify({ dir: store.display(), format: store.format, records: out }, null, 2) + '\n';
}

function listText(records: AdrRecord[], store: AdrStore): string {
  if (!records.length) return `No records in ${store.display()}.\n`;
  const width = Math.max(...records.map((r) => String(r.number).length));
  const lines = records.map((r) => {
    const rules = r.addresses.length ? `  [${r.addresses.join(', ')}]` : '';
    return `${String(r.number).padStart(width)}  ${r.status.padEnd(10)}  ${r.title}${rules}`;
  });
  return `${lines.join('\n')}\n`;
}

export function registerAdrList(adr: Command, run: Run): void {
  dirOption(
    adr
      .command('list')
      .description('list the records: number, status, title and the rules each addresses')
      .option('-f, --format <format>', 'text or json', 'text'),
  ).action((flags: StoreFlags & { format: string }) =>
    run(() => {
      if (!['text', 'json'].includes(flags.format)) throw new UserError(`--format must be text or json; got "${flags.format}"`);
      const store = openStore(flags);
      requireRecords(store);
      const records = store.list();
      writeStdout(flags.format === 'json' ? listJson(records, store) : listText(records, store));
      return 0;
    }),
  );
}
