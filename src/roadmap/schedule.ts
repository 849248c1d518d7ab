// When each roadmap step starts and how long it takes, in days from the
// assessment's day: what the Markdown Gantt chart and the HTML timeline draw.
import type { RoadmapItem, RoadmapPhase } from '../model.js';
import { leadTimeMonths } from '../engine/prerequisites.js';

export const DAY_MS = 86_400_000;
export const MONTH_DAYS = 30.44;
/** A step without a lead time is drawn two weeks long. */
const UNKNOWN_LEAD_DAYS = 14;

const leadDays = (i: RoadmapItem) => Math.max(1, Math.round((leadTimeMonths(i.lead_time ?? undefined) ?? UNKNOWN_LEAD_DAYS / MONTH_DAYS) * MONTH_DAYS));

/**
 * When each step starts, in days from today: a phase starts when the longest
 * step of the one before ends; a step starts no earlier than its prerequisites
 * end; a step that growth brings starts early enough to be done when it is due.
 */
export function scheduleDays(phases: readonly RoadmapPhase[]): Map<string, { start: number; days: number }> {
  const plan = new Map<string, { start: number; days: number }>();
  let phaseStart = 0;
  for (const p of phases) {
    let phaseEnd = phaseStart;
    for (const i of p.items) {
      const days = leadDays(i);
      const afterReqs = Math.max(0, ...i.requires.map((r) => plan.get(r)).filter((x) => x !== undefined).map((x) => x.start + x.days));
      const due = i.upcoming && i.months !== null ? Math.max(0, Math.round(i.months * MONTH_DAYS) - days) : phaseStart;
      const start = Math.max(afterReqs, i.upcoming ? due : phaseStart);
      plan.set(i.rule, { start, days });
      phaseEnd = Math.max(phaseEnd, start + days);
    }
    if (p.items.length) phaseStart = phaseEnd;
  }
  return plan;
}
