// The growth projection: at the stated monthly growth, when does the system
// cross its next stage threshold, and when does each resource run out?
// Pure arithmetic over facts; what grows with what comes from the schema's
// `x-scales-with` (load and users grow at the user growth rate, data by the
// stated gigabytes a month, team and fixed facts not at all).
import { STAGE_IDS, type FactSet, type ResourceRunway, type RoadmapProjection, type StageModel, type StageResult } from '../model.js';
import { HEADROOM_CAP_MONTHS } from '../facts/derived.js';
import type { FactMeta, Scenario } from '../engine/scenario.js';

/** How far ahead the roadmap looks for findings that growth brings in. */
export const PROJECTION_HORIZON_MONTHS = 12;

export const GROWTH_FACT = 'traffic.growth_pct_per_month';

export type Runway = Pick<ResourceRunway, 'months' | 'reason'>;

const round1 = (n: number) => Math.round(n * 10) / 10;

function capped(months: number): Runway {
  return months > HEADROOM_CAP_MONTHS ? { months: null, reason: 'beyond-horizon' } : { months: round1(months) };
}

/** Months until `current` compounding at `growthPct` a month reaches `limit`. */
export function monthsToReach(current: number, limit: number, growthPct: number): Runway {
  if (current >= limit) return { months: 0 };
  if (growthPct === 0 || current <= 0) return { months: null, reason: 'no-growth' };
  if (growthPct < 0) return { months: null, reason: 'shrinking' };
  return capped(Math.log(limit / current) / Math.log(1 + growthPct / 100));
}

/** Months until `current` growing by `perMonth` units a month reaches `limit`. */
export function monthsToReachLinear(current: number, limit: number, perMonth: number): Runway {
  if (current >= limit) return { months: 0 };
  if (perMonth === 0) return { months: null, reason: 'no-growth' };
  if (perMonth < 0) return { months: null, reason: 'shrinking' };
  return capped((limit - current) / perMonth);
}

interface ResourceDef {
  id: string;
  name: string;
  fact: string;
  /** a fixed limit, or the fact that holds it */
  limit: number | string;
  unit: string;
  /** what the quantity grows with, when the fact's own metadata says it stays fixed */
  grows?: 'load';
  /** topics of the steps that relieve it: a finding that cites the fact for another reason gets no runway from it */
  relievedBy: readonly string[];
}

const DB_STEPS = ['read-replicas', 'connection-pooling', 'caching', 'query-optimization', 'vertical-scaling', 'sharding', 'database-federation', 'denormalization'];

/** The resources the projection watches, each against its ceiling. */
export const RESOURCES: readonly ResourceDef[] = [
  { id: 'db-cpu', name: "the primary's CPU", fact: 'database.cpu_p95_pct', limit: 100, unit: '%', relievedBy: DB_STEPS },
  { id: 'db-connections', name: 'database connection use', fact: 'database.connections_used_pct', limit: 100, unit: '%', relievedBy: DB_STEPS },
  { id: 'db-storage', name: 'database storage', fact: 'database.size_gb', limit: 'database.storage_limit_gb', unit: 'GB', relievedBy: ['sharding', 'database-federation', 'cost-optimization', 'polyglot-persistence'] },
  // The instances needed at peak grow with load even though the count itself is configured.
  { id: 'app-instances', name: 'the application instances needed at peak', fact: 'architecture.app_instances', limit: 'architecture.app_instances_max', unit: 'instances', grows: 'load', relievedBy: ['horizontal-scaling', 'autoscaling', 'caching', 'async-processing'] },
];

const num = (facts: FactSet, id: string): number | undefined => {
  const v = facts.get(id)?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** How one fact grows month by month, from its `x-scales-with`. */
export interface Growth {
  /** percent per month, compounding (load and users) */
  compoundPct: number | null;
  /** GB per month, linear (database size) */
  dataGbPerMonth: number | null;
}

export function growthOf(facts: FactSet): Growth {
  return { compoundPct: num(facts, GROWTH_FACT) ?? null, dataGbPerMonth: num(facts, 'database.growth_gb_per_month') ?? null };
}

/** When `fact` (now `current`) reaches `limit`; null when nothing says how it grows. */
function runwayOf(fact: string, current: number, limit: number, scales: string | undefined, facts: FactSet, g: Growth): Runway | null {
  if (scales === 'load' || scales === 'users') return g.compoundPct === null ? null : monthsToReach(current, limit, g.compoundPct);
  if (scales === 'data') {
    const size = num(facts, 'database.size_gb');
    if (g.dataGbPerMonth !== null && size) {
      // Data grows by the stated gigabytes a month; other data measures in proportion to the size.
      return monthsToReachLinear(current, limit, fact === 'database.size_gb' ? g.dataGbPerMonth : (current * g.dataGbPerMonth) / size);
    }
    return g.compoundPct === null ? null : monthsToReach(current, limit, g.compoundPct);
  }
  return current >= limit ? { months: 0 } : { months: null, reason: 'no-growth' };
}

/** Months until the next stage threshold and until each known resource saturates. */
export function projectGrowth(facts: FactSet, meta: ReadonlyMap<string, FactMeta>, model: StageModel, stage: StageResult): RoadmapProjection {
  const g = growthOf(facts);
  const resources: ResourceRunway[] = [];
  for (const r of RESOURCES) {
    const current = num(facts, r.fact);
    const limit = typeof r.limit === 'number' ? r.limit : num(facts, r.limit);
    if (current === undefined || limit === undefined) continue;
    const runway = runwayOf(r.fact, current, limit, r.grows ?? meta.get(r.fact)?.scales_with, facts, g);
    if (runway) resources.push({ id: r.id, name: r.name, fact: r.fact, current, limit, unit: r.unit, ...runway });
  }
  return { growth_pct_per_month: g.compoundPct, horizon_months: PROJECTION_HORIZON_MONTHS, next_stage: nextStage(facts, meta, model, stage, g), resources };
}

function nextStage(facts: FactSet, meta: ReadonlyMap<string, FactMeta>, model: StageModel, stage: StageResult, g: Growth): RoadmapProjection['next_stage'] {
  if (stage.index === null || stage.index >= STAGE_IDS.length) return null;
  const dimension = model.overall.find((d) => stage.dimensions[d] !== null);
  if (!dimension) return null;
  let best: NonNullable<RoadmapProjection['next_stage']> | null = null;
  const rank = (m: number | null) => (m === null ? Infinity : m);
  for (const m of model.dimensions[dimension] ?? []) {
    const current = num(facts, m.fact);
    if (current === undefined) continue;
    const limit = m.thresholds[stage.index - 1]!;
    const runway = runwayOf(m.fact, current, limit, meta.get(m.fact)?.scales_with, facts, g) ?? { months: null, reason: 'no-growth' as const };
    if (!best || rank(runway.months) < rank(best.months)) best = { stage: STAGE_IDS[stage.index]!, fact: m.fact, current, limit, ...runway };
  }
  return best;
}

/**
 * The scenario `months` from now: load and users compounded, data grown by
 * its monthly gigabytes, on top of whatever scenario is already applied.
 */
export function scenarioInMonths(base: Scenario, facts: FactSet, months: number): Scenario {
  const g = growthOf(facts);
  const overrides: Record<string, unknown> = { ...(base.overrides ?? {}) };
  const size = num(facts, 'database.size_gb');
  if (size !== undefined && g.dataGbPerMonth !== null && g.dataGbPerMonth > 0) {
    const grown = size + months * g.dataGbPerMonth;
    overrides['database.size_gb'] = Math.round(grown);
    const rows = num(facts, 'database.largest_table_rows');
    if (rows !== undefined && size > 0) overrides['database.largest_table_rows'] = Math.round((rows * grown) / size);
  }
  const factor = (base.factor ?? 1) * (1 + (g.compoundPct ?? 0) / 100) ** months;
  return { label: `in ${months} months`, factor, scales: ['load', 'users'], overrides };
}
