import type { Finding } from '../model.js';
import type { Waiver } from '../profile/types.js';

/** Today's date as YYYY-MM-DD in UTC; waivers expire at the end of their day. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Mark findings that a waiver covers: `waived` while the waiver is live,
 * `expired-waiver` once its day has passed (which counts as open).
 */
export function applyWaivers(findings: Finding[], waivers: readonly Waiver[], now: Date): Finding[] {
  const today = isoDay(now);
  return findings.map((f) => {
    if (f.status === 'addressed') return f;
    const w = waivers.find((x) => x.rule === f.rule);
    if (!w) return f;
    return { ...f, status: w.expires >= today ? 'waived' : 'expired-waiver' };
  });
}
