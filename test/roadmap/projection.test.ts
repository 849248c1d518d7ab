// The growth projection's arithmetic: compound and linear runways, and the
// edges a real profile hits: no growth, shrinking, already saturated, and
// runways too long to mean anything.
import { describe, expect, it } from 'vitest';
import { monthsToReach, monthsToReachLinear } from '../../src/roadmap/projection.js';
import { HEADROOM_CAP_MONTHS } from '../../src/facts/derived.js';
import { assessText } from '../helpers/assess.js';

describe('monthsToReach (compound growth)', () => {
  it('counts the months until a compounding value reaches its limit', () => {
    // 48k users at 25% a month: 48000 × 1.25^m = 100000 → m = ln(2.083)/ln(1.25) ≈ 3.3
    expect(monthsToReach(48000, 100000, 25)).toEqual({ months: 3.3 });
    // 50% CPU doubling every month reaches 100% in exactly one month
    expect(monthsToReach(50, 100, 100)).toEqual({ months: 1 });
  });

  it('says a value at or past its limit is saturated now', () => {
    expect(monthsToReach(100, 100, 10)).toEqual({ months: 0 });
    expect(monthsToReach(120, 100, -5)).toEqual({ months: 0 });
  });

  it('never reaches a limit without growth', () => {
    expect(monthsToReach(40, 100, 0)).toEqual({ months: null, reason: 'no-growth' });
    expect(monthsToReach(0, 100, 20)).toEqual({ months: null, reason: 'no-growth' });
  });

  it('never reaches a limit while shrinking', () => {
    expect(monthsToReach(40, 100, -10)).toEqual({ months: null, reason: 'shrinking' });
  });

  it(`caps runways longer than ${HEADROOM_CAP_MONTHS} months as out of sight`, () => {
    expect(monthsToReach(10, 100, 1)).toEqual({ months: null, reason: 'beyond-horizon' }); // ≈ 231 months
    expect(monthsToReach(10, 100, 2).months).toBeCloseTo(116.3, 1); // just inside
  });
});

describe('monthsToReachLinear (database size)', () => {
  it('divides the gap by the monthly growth', () => {
    expect(monthsToReachLinear(400, 1000, 30)).toEqual({ months: 20 });
  });
  it('handles full, flat, shrinking and far-off storage', () => {
    expect(monthsToReachLinear(1000, 1000, 30)).toEqual({ months: 0 });
    expect(monthsToReachLinear(400, 1000, 0)).toEqual({ months: null, reason: 'no-growth' });
    expect(monthsToReachLinear(400, 1000, -3)).toEqual({ months: null, reason: 'shrinking' });
    expect(monthsToReachLinear(10, 1000, 1)).toEqual({ months: null, reason: 'beyond-horizon' });
  });
});

const profile = (growth: number | null, extra = '') =>
  [
    'version: 1',
    'traffic:',
    '  monthly_active_users: 48000',
    ...(growth === null ? [] : [`  growth_pct_per_month: ${growth}`]),
    'database:',
    '  cpu_p95_pct: 50',
    '  connections_used_pct: 100',
    '  size_gb: 400',
    '  growth_gb_per_month: 30',
    '  storage_limit_gb: 1000',
    '  connection_pooler: none',
    'architecture:',
    '  app_instances: 4',
    '  app_instances_max: 8',
    extra,
  ].join('\n');

describe('the projection on a profile', () => {
  it('puts months on the next stage and on every resource it knows a limit for', () => {
    const p = assessText(profile(25)).roadmap.projection;
    expect(p.growth_pct_per_month).toBe(25);
    expect(p.next_stage).toMatchObject({ stage: 'scale', fact: 'traffic.monthly_active_users', limit: 100000, months: 3.3 });
    const byId = Object.fromEntries(p.resources.map((r) => [r.id, r]));
    expect(byId['db-cpu']).toMatchObject({ current: 50, limit: 100, months: 3.1 }); // ln 2 / ln 1.25
    expect(byId['db-connections']).toMatchObject({ months: 0 }); // already saturated
    expect(byId['db-storage']).toMatchObject({ current: 400, limit: 1000, months: 20 }); // linear, 30 GB a month
    expect(byId['app-instances']).toMatchObject({ current: 4, limit: 8, months: 3.1 }); // instances needed grow with load
  });

  it('projects nothing forward without growth, and says so', () => {
    const r = assessText(profile(0)).roadmap;
    expect(r.projection.next_stage).toMatchObject({ months: null, reason: 'no-growth' });
    expect(r.projection.resources.find((x) => x.id === 'db-cpu')).toMatchObject({ months: null, reason: 'no-growth' });
    expect(r.assumptions.join(' ')).toMatch(/Growth is 0% a month/);
    const items = r.phases.flatMap((p) => p.items);
    expect(items.filter((i) => i.upcoming)).toEqual([]);
    // without growth the next stage never comes: the steps serve the stage the system is in
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.stage))).toEqual(new Set(['growth']));
  });

  it('never reaches the next stage while shrinking, and says so', () => {
    const r = assessText(profile(-10)).roadmap;
    expect(r.projection.next_stage).toMatchObject({ months: null, reason: 'shrinking' });
    expect(r.projection.resources.find((x) => x.id === 'db-connections')).toMatchObject({ months: 0 });
    expect(r.assumptions.join(' ')).toMatch(/Growth is negative/);
  });

  it('leaves months unknown when the profile gives no growth rate', () => {
    const r = assessText(profile(null)).roadmap;
    expect(r.projection.growth_pct_per_month).toBeNull();
    expect(r.projection.resources.find((x) => x.id === 'db-cpu')).toBeUndefined();
    expect(r.assumptions[0]).toMatch(/no traffic\.growth_pct_per_month/);
  });

  it('marks a step urgent when its runway is shorter than its lead time', () => {
    // Connections are saturated today: the pooling step is urgent whatever its lead time.
    const items = assessText(profile(25, 'team: { engineers: 6 }')).roadmap.phases.flatMap((p) => p.items);
    const pooling = items.find((i) => i.rules.includes('db-connection-pooling'));
    expect(pooling).toMatchObject({ months: 0, urgent: true, lead_time: '2-5 days' });
    expect(pooling!.why).toMatch(/already at its limit/);
  });
});
