// The roadmap planner: open findings (and those growth brings within the
// horizon) become steps, ordered so that no step comes before one it
// requires, and placed in phases: at most three for now, by severity, by how
// soon the runway ends against the remedy's lead time, and by leverage.
import {
  isOpen,
  KINDS,
  severityRank,
  type Finding,
  type Roadmap,
  type RoadmapItem,
  type RoadmapPhase,
  type RoadmapProjection,
  type ResourceRunway,
  type GroupDef,
  type HeldRule,
  type RuleCore,
  type StageId,
} from '../model.js';
import { compareStrings } from '../util/compare.js';
import { leadTimeMonths } from '../engine/prerequisites.js';
import { bundleByGroup, type FindingBundle } from './group.js';
import { resourceSentence } from './describe.js';
import { aboutMonths } from '../engine/format-value.js';
import { projectionAssumptions } from './assumptions.js';
import { PROJECTION_HORIZON_MONTHS, RESOURCES } from './projection.js';

export const NOW_LIMIT = 3;
const PHASES = ['now', 'next', 'later'] as const;
type PhaseId = (typeof PHASES)[number];
const PHASE_TITLES: Record<PhaseId, string> = {
  now: 'Now: the most urgent steps, at most three',
  next: 'Next: the rest of what hurts now, and what growth brings within six months',
  later: 'Later: lower-priority recommendations, and what growth brings after six months',
};
/** Upcoming findings this close are planned as next, further ones as later. */
const NEXT_WITHIN_MONTHS = 6;
/** A step that relieves a limit reached this soon is planned now, whatever its severity. */
export const LIMIT_NOW_WITHIN_MONTHS = 3;

/** A finding that is not open yet but appears when the system has grown for `months`. */
export interface UpcomingFinding {
  finding: Finding;
  months: number;
  stage: StageId | null;
}

export interface PlanInputs {
  findings: readonly Finding[];
  /** findings held back while a rule they require fires: planned after it */
  held: readonly HeldRule[];
  /** the catalog's groups: findings of one group make one step */
  groups: readonly GroupDef[];
  upcoming: readonly UpcomingFinding[];
  projection: RoadmapProjection;
  rules: ReadonlyMap<string, RuleCore>;
  stage: StageId | null;
}

interface Draft {
  item: RoadmapItem;
  phase: number;
  leverage: number;
  /** the step relieves a resource whose limit is reached within LIMIT_NOW_WITHIN_MONTHS */
  limitSoon: boolean;
}

function isNowWorthy(item: RoadmapItem, limitSoon: boolean): boolean {
  if (item.urgent || limitSoon) return true;
  return !item.upcoming && item.kind !== 'recommendation' && severityRank(item.severity) >= severityRank('high');
}

function desiredPhase(item: RoadmapItem, limitSoon = false): number {
  if (isNowWorthy(item, limitSoon)) return 0;
  const minor = item.kind === 'recommendation' && severityRank(item.severity) < severityRank('high');
  if (item.upcoming) return item.months !== null && item.months <= NEXT_WITHIN_MONTHS && !minor ? 1 : 2;
  return minor ? 2 : 1;
}

/** The first resource the findings cite, and the step relieves, to saturate (null when none has a runway). */
function firstLimit(findings: readonly Finding[], projection: RoadmapProjection): ResourceRunway | null {
  const cited = new Set(findings.flatMap((f) => f.evidence.map((e) => e.fact)));
  const topics = new Set(findings.flatMap((f) => f.topics));
  const relieved = projection.resources.filter(
    (r) => cited.has(r.fact) && r.months !== null && RESOURCES.find((d) => d.id === r.id)?.relievedBy.some((t) => topics.has(t)),
  );
  return relieved.reduce<ResourceRunway | null>((a, r) => (a === null || r.months! < a.months! ? r : a), null);
}

/** Whether a limit the step relieves is reached within LIMIT_NOW_WITHIN_MONTHS. */
const isSoon = (limit: ResourceRunway | null): limit is ResourceRunway => limit !== null && limit.months! <= LIMIT_NOW_WITHIN_MONTHS;

function why(item: RoadmapItem, limit: ResourceRunway | null): string {
  const lead = item.lead_time ? `, and the step takes ${item.lead_time}` : '';
  if (item.upcoming) {
    const soon = isSoon(limit) ? `; ${resourceSentence(limit)}` : '';
    return `appears ${item.months === null ? 'later' : `in ${aboutMonths(item.months)}`} at the stated growth${soon}${item.urgent ? lead : ''}`;
  }
  if (limit) return `${resourceSentence(limit)}${lead}`;
  return `${item.severity} ${item.kind} open now`;
}

/** A step for a bundle of findings, with the first limit it relieves (firstLimit of its findings). */
function toItem(bundle: FindingBundle, limit: ResourceRunway | null, rules: ReadonlyMap<string, RuleCore>, projection: RoadmapProjection, stage: StageId | null, upcoming?: UpcomingFinding): RoadmapItem {
  const group = bundle.findings;
  const first = group[0]!;
  const rule = rules.get(first.rule);
  const worst = group.reduce((a, b) => (severityRank(b.severity) > severityRank(a.severity) ? b : a));
  const effect = group.map((f) => rules.get(f.rule)?.expected_effect).find(Boolean) ?? null;
  const months = upcoming ? upcoming.months : (limit?.months ?? null);
  const leadMonths = leadTimeMonths(rule?.lead_time);
  const item: RoadmapItem = {
    rule: first.rule,
    topics: [...new Set(group.flatMap((f) => f.topics))],
    // A group's title when the step takes several of its findings, unless the group is a step already.
    title: bundle.group && group.length > 1 && !bundle.groupTaken ? bundle.group.title : first.title,
    severity: worst.severity,
    kind: KINDS.find((k) => group.some((f) => f.kind === k))!,
    rules: group.map((f) => f.rule),
    // The next stage when growth reaches it; otherwise the step serves the stage the system is in.
    stage: upcoming ? upcoming.stage : projection.next_stage?.months != null ? projection.next_stage.stage : stage,
    months,
    upcoming: Boolean(upcoming),
    requires: [],
    unlocks: [],
    expected_effect: effect ? { claim: effect.claim.trim(), seed: effect.seed } : null,
    lead_time: rule?.lead_time ?? null,
    urgent: months !== null && (months === 0 || (leadMonths !== null && months < leadMonths)),
    why: '',
  };
  item.why = why(item, limit);
  return item;
}

/** A finding held back until the rules it requires are dealt with: a step that waits for them. */
function heldItem(h: HeldRule, rules: ReadonlyMap<string, RuleCore>, stage: StageId | null): RoadmapItem | null {
  const r = rules.get(h.rule);
  if (!r) return null;
  return {
    rule: h.rule,
    topics: [...r.topics],
    title: h.title,
    severity: r.severity,
    kind: r.kind,
    rules: [h.rule],
    stage,
    months: null,
    upcoming: false,
    requires: [],
    unlocks: [],
    expected_effect: r.expected_effect ? { claim: r.expected_effect.claim.trim(), seed: r.expected_effect.seed } : null,
    lead_time: r.lead_time ?? null,
    urgent: false,
    why: `held back until ${h.waiting_for.join(', ')} ${h.waiting_for.length === 1 ? 'is' : 'are'} dealt with`,
  };
}

/** Link each item to the items its rules require, by the item that holds the required rule. */
function linkPrerequisites(drafts: Draft[], rules: ReadonlyMap<string, RuleCore>): void {
  const itemOf = new Map<string, Draft>();
  for (const d of drafts) for (const r of d.item.rules) itemOf.set(r, d);
  for (const d of drafts) {
    const reqs = new Set<string>();
    for (const r of d.item.rules) {
      for (const req of rules.get(r)?.requires ?? []) {
        const target = itemOf.get(req);
        if (target && target !== d) reqs.add(target.item.rule);
      }
    }
    d.item.requires = [...reqs].sort(compareStrings);
    for (const req of reqs) itemOf.get(req)!.item.unlocks.push(d.item.rule);
  }
  for (const d of drafts) d.item.unlocks.sort(compareStrings);
  // A prerequisite is due no later than the earliest step waiting for it.
  const byRule = new Map(drafts.map((d) => [d.item.rule, d]));
  let changed = true;
  while (changed) {
    changed = false;
    for (const d of drafts) {
      for (const req of d.item.requires) {
        const p = byRule.get(req)!;
        if (p.phase > d.phase) {
          p.phase = d.phase;
          changed = true;
        }
      }
    }
  }
  for (const d of drafts) d.leverage = d.item.rules.length - 1 + d.item.unlocks.length;
}

function priority(a: Draft, b: Draft): number {
  const months = (d: Draft) => d.item.months ?? Infinity;
  return (
    a.phase - b.phase ||
    Number(b.item.urgent) - Number(a.item.urgent) ||
    Number(b.limitSoon) - Number(a.limitSoon) ||
    severityRank(b.item.severity) - severityRank(a.item.severity) ||
    months(a) - months(b) ||
    b.leverage - a.leverage ||
    KINDS.indexOf(a.item.kind) - KINDS.indexOf(b.item.kind) ||
    compareStrings(a.item.rule, b.item.rule)
  );
}

/** Prerequisites first, otherwise by priority (Kahn's algorithm with a priority pick). */
function orderByPrerequisites(drafts: Draft[]): Draft[] {
  const pending = new Map(drafts.map((d) => [d.item.rule, new Set(d.item.requires)]));
  const out: Draft[] = [];
  const left = [...drafts];
  while (left.length) {
    const ready = left.filter((d) => pending.get(d.item.rule)!.size === 0).sort(priority);
    // The catalog build rejects cycles; should one slip in, fall back to priority rather than stall.
    const pick = ready[0] ?? [...left].sort(priority)[0]!;
    out.push(pick);
    left.splice(left.indexOf(pick), 1);
    for (const s of pending.values()) s.delete(pick.item.rule);
  }
  return out;
}

function summaryLine(items: RoadmapItem[], stage: StageId | null): string {
  if (!items.length) {
    return `Nothing to plan: no open finding, and none appears within ${PROJECTION_HORIZON_MONTHS} months at the stated growth. Keep building the product; run this again when the numbers move.`;
  }
  const n = items.length;
  const upcoming = items.filter((i) => i.upcoming).length;
  const byGrowth = upcoming === n ? (n === 1 ? 'brought' : 'all brought') : `${upcoming} of them brought`;
  const base = `${n} step${n === 1 ? '' : 's'}${upcoming ? `, ${byGrowth} by growth within ${PROJECTION_HORIZON_MONTHS} months` : ''}.`;
  if (stage === 'mvp' && n <= NOW_LIMIT) return `A short roadmap on purpose: ${base} At this size the heavier scaling patterns would cost more than they return.`;
  return base;
}

/** A bundle's step, placed where its urgency and the limit it relieves want it. */
function toDraft(bundle: FindingBundle, input: PlanInputs, upcoming?: UpcomingFinding): Draft {
  const limit = firstLimit(bundle.findings, input.projection);
  const item = toItem(bundle, limit, input.rules, input.projection, input.stage, upcoming);
  const limitSoon = isSoon(limit);
  return { item, phase: desiredPhase(item, limitSoon), leverage: 0, limitSoon };
}

/** The phased plan. Pure: findings, projection and rule metadata in, roadmap out. */
export function planRoadmap(input: PlanInputs): Roadmap {
  const open = input.findings.filter(isOpen);
  const drafts: Draft[] = bundleByGroup(open, input.groups).map((bundle) => toDraft(bundle, input));
  const when = new Map(input.upcoming.map((u) => [u.finding.rule, u]));
  const taken = new Set(drafts.map((d) => d.item.rule));
  for (const bundle of bundleByGroup(input.upcoming.map((u) => u.finding), input.groups)) {
    bundle.groupTaken = bundle.group?.rules.some((id) => taken.has(id)) ?? false;
    const first = bundle.findings.map((f) => when.get(f.rule)!).reduce((a, b) => (b.months < a.months ? b : a));
    drafts.push(toDraft(bundle, input, first));
  }
  for (const h of input.held) {
    const item = heldItem(h, input.rules, input.stage);
    if (item) drafts.push({ item, phase: desiredPhase(item), leverage: 0, limitSoon: false });
  }
  linkPrerequisites(drafts, input.rules);
  const phases: RoadmapPhase[] = PHASES.map((id) => ({ id, title: PHASE_TITLES[id], items: [] }));
  let phase = 0;
  for (const d of orderByPrerequisites(drafts)) {
    // Phases only move forward along the order, so nothing lands before what it requires.
    phase = Math.max(phase, d.phase);
    if (phase === 0 && phases[0]!.items.length >= NOW_LIMIT) phase = 1;
    phases[phase]!.items.push(d.item);
  }
  const items = phases.flatMap((p) => p.items);
  return {
    phases,
    projection: input.projection,
    assumptions: projectionAssumptions(input.projection),
    summary: summaryLine(items, input.stage),
  };
}
