import type { Command } from 'commander';
import type { AdrRecord, AdrStore } from '../../decisions/adr/index.js';
import { isIsoDate } from '../../decisions/adr/dates.js';
import { nowOption, resolveNow } from '../options.js';
import { UserError } from '../../util/errors.js';
import { writeStdout } from '../../util/stdout.js';
import { dirOption, openStore, requireRecords, show, type Run, type StoreFlags } from './shared.js';

/** A review date on or before today is due; one that is not a date cannot be judged. */
function reviewDue(r: AdrRecord, now: string): boolean | null {
  if (!r.reviewBy || !isIsoDate(r.reviewBy)) return null;
  return r.reviewBy <= now;
}

function listJson(records: AdrRecord[], store: AdrStore, now: string): string {
  const out = records.map((r) => ({
    number: r.number,
    title: r.title,
    status: r.status,
    status_text: r.statusText,
    date: r.date,
    review_by: r.reviewBy,
    review_due: reviewDue(r, now),
    format: r.format,
    file: show(r.path),
    addresses: r.addresses,
    links: r.links.map((l) => ({ type: l.type, target: l.target, file: l.file })),
  }));
  return JSON.stringify({ dir: store.display(), format: store.format, records: out }, null, 2) + '\n';
}

function listText(records: AdrRecord[], store: AdrStore, now: string): string {
  if (!records.length) return `No records in ${store.display()}.\n`;
  const width = Math.max(...records.map((r) => String(r.number).length));
  const lines = records.map((r) => {
    const rules = r.addresses.length ? `  [${r.addresses.join(', ')}]` : '';
    const review = r.reviewBy ? `  review by ${r.reviewBy}${reviewDue(r, now) ? ' (due)' : ''}` : '';
    return `${String(r.number).padStart(width)}  ${r.status.padEnd(10)}  ${r.title}${rules}${review}`;
  });
  return `${lines.join('\n')}\n`;
}

export function registerAdrList(adr: Command, run: Run): void {
  const cmd = adr
    .command('list')
    .description('list the records: number, status, title, the rules each addresses and when each is due for review')
    .option('-f, --format <format>', 'text or json', 'text');
  dirOption(nowOption(cmd)).action((flags: StoreFlags & { format: string; now?: string }) =>
    run(() => {
      if (!['text', 'json'].includes(flags.format)) throw new UserError(`--format must be text or json; got "${flags.format}"`);
      const store = openStore(flags);
      requireRecords(store);
      const now = resolveNow(flags.now).toISOString().slice(0, 10);
      const records = store.list();
      writeStdout(flags.format === 'json' ? listJson(records, store, now) : listText(records, store, now));
      return 0;
    }),
  );
}
