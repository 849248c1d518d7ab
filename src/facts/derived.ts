import type { Fact } from '../model.js';

/**
 * Derived facts: computed from declared (or detected) ones, documented here
 * and in docs/facts.md (generated from this list). A derived fact exists only
 * when every input it needs is known, so a rule that reads it is reported as
 * "not evaluated" rather than silently passed when its inputs are missing.
 */
export interface DerivedFactDef {
  id: string;
  unit: string;
  description: string;
  from: string[];
  compute(v: Record<string, number>): number | undefined;
}

/** Months are capped: beyond ten years a forecast says nothing useful. */
export const HEADROOM_CAP_MONTHS = 120;

/**
 * The most storage one managed relational instance offers today (64 TiB on
 * Amazon RDS for PostgreSQL and MySQL): the ceiling a single primary grows into.
 */
export const SINGLE_INSTANCE_STORAGE_GB = 65536; // written out as "65,536" in the description below

/** Months until `current`% reaches 100% when load grows `growth`% a month. */
export function monthsToFull(currentPct: number, growthPctPerMonth: number): number {
  return monthsToLimit(currentPct, 100, growthPctPerMonth);
}

/** Months until `current` compounding `growth`% a month reaches `limit` (0 when it is there, capped). */
export function monthsToLimit(current: number, limit: number, growthPctPerMonth: number): number {
  if (current >= limit) return 0;
  if (growthPctPerMonth <= 0 || current <= 0) return HEADROOM_CAP_MONTHS;
  const months = Math.log(limit / current) / Math.log(1 + growthPctPerMonth / 100);
  return round(Math.min(months, HEADROOM_CAP_MONTHS), 1);
}

/** Months until `current` growing by `perMonth` units a month reaches `limit` (0 when it is there, capped). */
export function monthsToLimitLinear(current: number, limit: number, perMonth: number): number {
  if (current >= limit) return 0;
  return perMonth <= 0 ? HEADROOM_CAP_MONTHS : round(Math.min((limit - current) / perMonth, HEADROOM_CAP_MONTHS), 1);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

const ratio = (a: number, b: number, digits = 2) => (b > 0 ? round(a / b, digits) : undefined);

export const DERIVED_FACTS: DerivedFactDef[] = [
  {
    id: 'derived.services_per_engineer',
    unit: 'services/engineer',
    description: 'Independently deployed services per engineer. Above about 0.5 every engineer carries more than one service on their back; above 1 there are more services than people.',
    from: ['architecture.services', 'team.engineers'],
    compute: (v) => ratio(v['architecture.services']!, v['team.engineers']!),
  },
  {
    id: 'derived.engineers_per_team',
    unit: 'engineers/team',
    description: 'Average team size. Teams much larger than 8–10 stop coordinating as one team.',
    from: ['team.engineers', 'team.teams'],
    compute: (v) => ratio(v['team.engineers']!, v['team.teams']!, 1),
  },
  {
    id: 'derived.read_write_ratio',
    unit: 'reads per write',
    description: 'Reads per write, from database.read_pct. 4 means the 80/20 read-heavy split at which read replicas pay off.',
    from: ['database.read_pct'],
    compute: (v) => (v['database.read_pct']! >= 100 ? 1000 : ratio(v['database.read_pct']!, 100 - v['database.read_pct']!)),
  },
  {
    id: 'derived.cost_per_active_user_usd',
    unit: 'USD/user/month',
    description: 'Monthly infrastructure cost divided by monthly active users.',
    from: ['cost.monthly_infra_usd', 'traffic.monthly_active_users'],
    compute: (v) => ratio(v['cost.monthly_infra_usd']!, v['traffic.monthly_active_users']!, 4),
  },
  {
    id: 'derived.cost_growth_minus_user_growth_pct',
    unit: 'percentage points/month',
    description: 'Monthly cost growth minus monthly user growth. Positive means the bill grows faster than the user base: cost per user is rising.',
    from: ['cost.cost_growth_pct_per_month', 'traffic.growth_pct_per_month'],
    compute: (v) => round(v['cost.cost_growth_pct_per_month']! - v['traffic.growth_pct_per_month']!, 1),
  },
  {
    id: 'derived.db_cpu_headroom_months',
    unit: 'months',
    description: `Months until the primary database reaches 100% CPU at peak if load grows with active users (compound growth). 0 means it is already there; ${HEADROOM_CAP_MONTHS} (the cap) means no ceiling in sight at this growth.`,
    from: ['database.cpu_p95_pct', 'traffic.growth_pct_per_month'],
    compute: (v) => monthsToFull(v['database.cpu_p95_pct']!, v['traffic.growth_pct_per_month']!),
  },
  {
    id: 'derived.db_connections_headroom_months',
    unit: 'months',
    description: `Months until peak database connections reach max_connections if they grow with active users. Same scale and cap as derived.db_cpu_headroom_months.`,
    from: ['database.connections_used_pct', 'traffic.growth_pct_per_month'],
    compute: (v) => monthsToFull(v['database.connections_used_pct']!, v['traffic.growth_pct_per_month']!),
  },
  {
    id: 'derived.months_to_double_users',
    unit: 'months',
    description: `Months until active users double at the stated monthly growth (capped at ${HEADROOM_CAP_MONTHS}).`,
    from: ['traffic.growth_pct_per_month'],
    compute: (v) =>
      v['traffic.growth_pct_per_month']! <= 0
        ? HEADROOM_CAP_MONTHS
        : round(Math.min(Math.log(2) / Math.log(1 + v['traffic.growth_pct_per_month']! / 100), HEADROOM_CAP_MONTHS), 1),
  },
  {
    id: 'derived.monthly_active_users_in_12_months',
    unit: 'users',
    description: 'Monthly active users a year from now at the stated compound monthly growth.',
    from: ['traffic.monthly_active_users', 'traffic.growth_pct_per_month'],
    compute: (v) => Math.round(v['traffic.monthly_active_users']! * (1 + v['traffic.growth_pct_per_month']! / 100) ** 12),
  },
  {
    id: 'derived.peak_to_average_rps',
    unit: 'x',
    description: 'Daily peak requests per second over the average: how peaky the daily curve is.',
    from: ['traffic.peak_rps', 'traffic.avg_rps'],
    compute: (v) => ratio(v['traffic.peak_rps']!, v['traffic.avg_rps']!, 1),
  },
  {
    id: 'derived.spike_rps',
    unit: 'requests/s',
    description: 'Requests per second during the worst short spike: peak_rps × spike_factor.',
    from: ['traffic.peak_rps', 'traffic.spike_factor'],
    compute: (v) => Math.round(v['traffic.peak_rps']! * v['traffic.spike_factor']!),
  },
  {
    id: 'derived.peak_rps_per_instance',
    unit: 'requests/s',
    description: 'Peak requests per second each application instance serves.',
    from: ['traffic.peak_rps', 'architecture.app_instances'],
    compute: (v) => ratio(v['traffic.peak_rps']!, v['architecture.app_instances']!, 1),
  },
  {
    id: 'derived.latency_p95_over_slo',
    unit: 'x',
    description: 'Measured p95 latency over the p95 latency target. Above 1 the latency SLO is missed.',
    from: ['performance.latency_p95_ms', 'performance.slo_latency_p95_ms'],
    compute: (v) => ratio(v['performance.latency_p95_ms']!, v['performance.slo_latency_p95_ms']!),
  },
  {
    id: 'derived.availability_shortfall_pct',
    unit: 'percentage points',
    description: 'Availability target minus measured 30-day availability. Positive means the availability SLO is missed.',
    from: ['performance.slo_availability_pct', 'performance.availability_30d_pct'],
    compute: (v) => round(v['performance.slo_availability_pct']! - v['performance.availability_30d_pct']!, 3),
  },
  {
    id: 'derived.db_size_in_12_months_gb',
    unit: 'GB',
    description: 'Database size a year from now at the stated linear growth per month.',
    from: ['database.size_gb', 'database.growth_gb_per_month'],
    compute: (v) => Math.round(v['database.size_gb']! + 12 * v['database.growth_gb_per_month']!),
  },
  {
    id: 'derived.db_storage_runway_months',
    unit: 'months',
    description: `Months until the database outgrows the largest single managed instance (65,536 GB, 64 TiB) at the stated growth per month (capped at ${HEADROOM_CAP_MONTHS}; 0 means it is there already).`,
    from: ['database.size_gb', 'database.growth_gb_per_month'],
    compute: (v) => monthsToLimitLinear(v['database.size_gb']!, SINGLE_INSTANCE_STORAGE_GB, v['database.growth_gb_per_month']!),
  },
  {
    id: 'derived.db_storage_used_pct',
    unit: '%',
    description: 'Database size as a percentage of the storage it can grow into (database.size_gb over database.storage_limit_gb). From about 80% the volume or plan needs raising, or data archiving; 100 means it is full.',
    from: ['database.size_gb', 'database.storage_limit_gb'],
    compute: (v) => (v['database.storage_limit_gb']! > 0 ? round((100 * v['database.size_gb']!) / v['database.storage_limit_gb']!, 1) : undefined),
  },
  {
    id: 'derived.db_storage_headroom_months',
    unit: 'months',
    description: `Months until the database fills database.storage_limit_gb, growing by database.growth_gb_per_month (linear). 0 means it is full already; ${HEADROOM_CAP_MONTHS} (the cap) means no ceiling in sight at this growth.`,
    from: ['database.size_gb', 'database.storage_limit_gb', 'database.growth_gb_per_month'],
    compute: (v) => (v['database.storage_limit_gb']! > 0 ? monthsToLimitLinear(v['database.size_gb']!, v['database.storage_limit_gb']!, v['database.growth_gb_per_month']!) : undefined),
  },
  {
    id: 'derived.app_instances_headroom_months',
    unit: 'months',
    description: `Months until peak load needs more application instances than architecture.app_instances_max allows, if the instances needed grow with active users (compound growth, as in the roadmap's projection). 0 means the tier already runs at its maximum; same cap as the other headroom facts.`,
    from: ['architecture.app_instances', 'architecture.app_instances_max', 'traffic.growth_pct_per_month'],
    compute: (v) =>
      v['architecture.app_instances_max']! > 0 ? monthsToLimit(v['architecture.app_instances']!, v['architecture.app_instances_max']!, v['traffic.growth_pct_per_month']!) : undefined,
  },
  {
    id: 'derived.monthly_infra_usd_in_12_months',
    unit: 'USD/month',
    description: 'Monthly infrastructure bill a year from now at the stated compound cost growth.',
    from: ['cost.monthly_infra_usd', 'cost.cost_growth_pct_per_month'],
    compute: (v) => Math.round(v['cost.monthly_infra_usd']! * (1 + v['cost.cost_growth_pct_per_month']! / 100) ** 12),
  },
];

/** Compute every derived fact whose inputs are all known numbers. */
export function deriveFacts(known: ReadonlyMap<string, Fact>): Fact[] {
  const out: Fact[] = [];
  for (const def of DERIVED_FACTS) {
    const values: Record<string, number> = {};
    let complete = true;
    for (const id of def.from) {
      const v = known.get(id)?.value;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        complete = false;
        break;
      }
      values[id] = v;
    }
    if (!complete) continue;
    const value = def.compute(values);
    if (value === undefined || !Number.isFinite(value)) continue;
    out.push({ id: def.id, value, provenance: 'derived', position: null, from: def.from });
  }
  return out;
}
