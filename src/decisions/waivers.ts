/** Today's date as YYYY-MM-DD in UTC; waivers expire at the end of their day. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
