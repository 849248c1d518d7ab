// Sentences about the plan that every format shares, so text, Markdown and
// the docs say the same thing in the same words.
import { STAGE_NAMES, type ResourceRunway, type StageId, type RoadmapItem, type RoadmapProjection, type WhatIfComparison } from '../model.js';
import { aboutMonths, formatValue } from '../engine/format-value.js';

const factName = (id: string) => id.slice(id.indexOf('.') + 1).replace(/_/g, ' ');
const amount = (value: number, unit: string) => (unit === '%' ? `${formatValue(value)}%` : `${formatValue(value)} ${unit}`);

export function resourceSentence(r: ResourceRunway): string {
  // "the application instances needed at peak" is plural; the other resources are not.
  const plural = r.unit === 'instances';
  if (r.months === 0) return `${r.name} ${plural ? 'are' : 'is'} already at ${plural ? 'their' : 'its'} limit (${amount(r.current, r.unit)} of ${amount(r.limit, r.unit)})`;
  if (r.months === null) return `${r.name} ${plural ? 'do' : 'does'} not reach ${amount(r.limit, r.unit)} ${r.reason === 'beyond-horizon' ? 'within ten years' : 'at this growth'}`;
  return `${r.name} ${plural ? 'reach' : 'reaches'} ${amount(r.limit, r.unit)} in ${aboutMonths(r.months)}`;
}

/** "At 25%/month you reach Scale (100,000 monthly active users) in about 3.3 months; the primary's CPU ..." */
export function projectionSentence(p: RoadmapProjection): string {
  const parts: string[] = [];
  const n = p.next_stage;
  if (n) {
    const target = `${STAGE_NAMES[n.stage]} (${formatValue(n.limit)} ${factName(n.fact)})`;
    parts.push(n.months === null ? `${target} is not reached at this growth` : `you reach ${target} in ${aboutMonths(n.months)}`);
  }
  parts.push(...p.resources.map(resourceSentence));
  if (!parts.length) return p.growth_pct_per_month === null ? 'No growth rate is given, so nothing is projected.' : 'No stage threshold or resource limit is known to project against.';
  const lead = p.growth_pct_per_month === null ? 'Without a stated growth rate' : `At ${formatValue(p.growth_pct_per_month)}%/month`;
  return `${lead}, ${parts.join('; ')}.`;
}

/** The reported effect, worded as a report rather than a promise. */
export function effectSentence(i: RoadmapItem): string | null {
  return i.expected_effect ? `Reported elsewhere (not a promise): ${i.expected_effect.claim} (source: ${i.expected_effect.seed})` : null;
}

export function whatIfLines(w: WhatIfComparison): string[] {
  const stage = (s: string | null) => (s ? STAGE_NAMES[s as keyof typeof STAGE_NAMES] : 'unknown');
  const out = [
    w.stage.from === w.stage.to ? `Stage: ${stage(w.stage.to)}, as today.` : `Stage: ${stage(w.stage.from)} today, ${stage(w.stage.to)} at ${w.label}.`,
  ];
  out.push(w.appear.length ? `Findings that appear: ${w.appear.map((f) => `${f.rule} (${f.severity})`).join(', ')}.` : 'No new finding appears.');
  out.push(w.disappear.length ? `Findings that disappear: ${w.disappear.map((f) => `${f.rule} (${f.severity})`).join(', ')}.` : 'No finding disappears.');
  return out;
}

/** Which stage a step serves: the next one it prepares for, or the one the system is in. */
export function stageNote(item: Pick<RoadmapItem, 'stage'>, current: StageId | null): string {
  if (!item.stage) return '';
  return item.stage === current ? `for ${STAGE_NAMES[item.stage]}, the current stage` : `prepares for ${STAGE_NAMES[item.stage]}`;
}
