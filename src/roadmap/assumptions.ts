import type { RoadmapProjection } from '../model.js';
import { HEADROOM_CAP_MONTHS } from '../facts/derived.js';

/** What the projection takes for granted, said in the output so a reader can judge it. */
export function projectionAssumptions(p: RoadmapProjection): string[] {
  const g = p.growth_pct_per_month;
  const out = [
    g === null
      ? 'The profile gives no traffic.growth_pct_per_month, so nothing is projected forward: months stay unknown.'
      : g === 0
        ? 'Growth is 0% a month: the numbers stay as measured, so no threshold is crossed by growth alone.'
        : `Users and load grow at a constant ${g}% a month, compounding; facts marked x-scales-with load or users (requests, database CPU and connections, instances needed) grow with them, in proportion.`,
    'Database size grows by database.growth_gb_per_month each month (linear); team size and configuration stay as they are.',
    `A month count is a forecast from today's figures, not a deadline; beyond ${HEADROOM_CAP_MONTHS} months it is reported as out of sight.`,
    `Steps whose findings are not open yet come from evaluating the rules on the projected facts, month by month, up to ${p.horizon_months} months ahead; only symptoms (warning signs and pitfalls) are brought forward, a later stage's recommendations wait until the system is there.`,
    'Expected effects are what the cited sources report for their systems, not a promise for this one.',
  ];
  if (g !== null && g < 0) out.push('Growth is negative: resources free up over time, and the next stage is not reached at this rate.');
  return out;
}
