/** A moment's day as YYYY-MM-DD in UTC: the one form dates are compared and shown in. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
