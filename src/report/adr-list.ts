import { isIsoDate } from '../decisions/adr/dates.js';
import type { AdrRecord } from '../decisions/adr/types.js';
import type { AdrList, ReportContext } from './index.js';

/** A review date on or before today is due; one that is not a date cannot be judged. */
function reviewDue(r: AdrRecord, today: string): boolean | null {
  if (!r.reviewBy || !isIsoDate(r.reviewBy)) return null;
  return r.reviewBy <= today;
}

export function formatAdrListJson(list: AdrList): string {
  const records = list.records.map((r) => ({
    number: r.number,
    title: r.title,
    status: r.status,
    status_text: r.statusText,
    date: r.date,
    review_by: r.reviewBy,
    review_due: reviewDue(r, list.today),
    format: r.format,
    file: list.show(r.path),
    addresses: r.addresses,
    links: r.links.map((l) => ({ type: l.type, target: l.target, file: l.file })),
  }));
  return JSON.stringify({ dir: list.dir, format: list.format, records }, null, 2) + '\n';
}

export function formatAdrListText(list: AdrList, _ctx: ReportContext): string {
  if (!list.records.length) return `No records in ${list.dir}.\n`;
  const width = Math.max(...list.records.map((r) => String(r.number).length));
  const lines = list.records.map((r) => {
    const rules = r.addresses.length ? `  [${r.addresses.join(', ')}]` : '';
    const review = r.reviewBy ? `  review by ${r.reviewBy}${reviewDue(r, list.today) ? ' (due)' : ''}` : '';
    return `${String(r.number).padStart(width)}  ${r.status.padEnd(10)}  ${r.title}${rules}${review}`;
  });
  return `${lines.join('\n')}\n`;
}
