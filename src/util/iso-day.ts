/**
 * A moment's day as YYYY-MM-DD in UTC: the one form dates are compared and
 * shown in. What toISOString().slice(0, 10) gives, built from the UTC fields:
 * a process's first toISOString costs most of a millisecond, and `check`
 * runs on every CI build. A year outside 0–9999 (which toISOString writes
 * with a sign and six digits) and an invalid date go through toISOString.
 */
export function isoDay(d: Date): string {
  const year = d.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return d.toISOString().slice(0, 10);
  const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  return `${String(year).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}
