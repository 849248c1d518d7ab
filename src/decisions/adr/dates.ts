// Calendar dates as records write them (YYYY-MM-DD), and review-by
// periods (`6m`). Computed on the calendar, never from the clock: callers
// pass the day to count from.
import { UserError } from '../../util/errors.js';
import { isoDay } from '../../util/iso-day.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written as YYYY-MM-DD (2024-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * The review-by date: an absolute date, or a period after `from`:
 * `30d`, `6w`, `6m`, `1y`. Months keep the day of the month where it
 * exists and take the month's last day where it does not (31 Jan + 1m = 28/29 Feb).
 */
export function reviewByDate(spec: string, from: string, flag = '--review-by'): string {
  const s = spec.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,3})\s*([dwmy])$/i.exec(s);
  if (!m || !isIsoDate(from)) throw new UserError(`${flag} must be a period such as 30d, 6w, 6m or 1y, or a date YYYY-MM-DD; got "${spec}"`);
  const n = Number(m[1]);
  const [y, mo, d] = from.split('-').map(Number) as [number, number, number];
  const unit = m[2]!.toLowerCase();
  let out: Date;
  if (unit === 'd' || unit === 'w') out = new Date(Date.UTC(y, mo - 1, d + n * (unit === 'w' ? 7 : 1)));
  else {
    const months = unit === 'y' ? n * 12 : n;
    const last = new Date(Date.UTC(y, mo - 1 + months + 1, 0)).getUTCDate();
    out = new Date(Date.UTC(y, mo - 1 + months, Math.min(d, last)));
  }
  return isoDay(out);
}
