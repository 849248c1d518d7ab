import { describe, expect, it } from 'vitest';
import { buildFacts } from '../../src/facts/index.js';
import { deriveFacts, HEADROOM_CAP_MONTHS, monthsToFull } from '../../src/facts/derived.js';
import { loadProfile } from '../../src/profile/load.js';
import type { Fact } from '../../src/model.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function profileFrom(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'sa-facts-'));
  const file = join(dir, 'scale-advise.yaml');
  writeFileSync(file, yaml);
  return loadProfile(file, dir);
}

const declared = (id: string, value: unknown): Fact => ({ id, value, provenance: 'declared', position: null });

describe('declared facts', () => {
  const p = profileFrom(
    [
      'version: 1',
      'traffic:',
      '  peak_rps: 800',
      '  x-note: not a fact',
      'database:',
      '  engine: postgresql',
      'architecture:',
      '  components:',
      '    - { name: payments, compliance: [pci] }',
      'x-team-notes: free text',
    ].join('\n'),
  );
  const { facts } = buildFacts(p);

  it('flattens sections into dotted facts with 1-based positions of their values', () => {
    expect(facts.get('traffic.peak_rps')).toMatchObject({ value: 800, provenance: 'declared', position: { line: 3, column: 13 } });
    expect(facts.get('database.engine')?.position).toEqual({ line: 6, column: 11 });
  });

  it('keeps lists whole and skips x- keys', () => {
    expect(facts.get('architecture.components')?.value).toEqual([{ name: 'payments', compliance: ['pci'] }]);
    expect([...facts.keys()].some((k) => k.includes('x-'))).toBe(false);
    expect(facts.has('version')).toBe(false);
  });
});

describe('derived facts', () => {
  it('computes months of headroom with compound growth', () => {
    // 92% growing 25%/month: 100/92 = 1.087 → ln(1.087)/ln(1.25) ≈ 0.37 months
    expect(monthsToFull(92, 25)).toBe(0.4);
    expect(monthsToFull(50, 10)).toBe(7.3);
    expect(monthsToFull(100, 10)).toBe(0);
    expect(monthsToFull(40, 0)).toBe(HEADROOM_CAP_MONTHS);
    expect(monthsToFull(1, 1)).toBe(HEADROOM_CAP_MONTHS);
  });

  it('exists only when every input is known', () => {
    const known = new Map([['database.cpu_p95_pct', declared('database.cpu_p95_pct', 80)]]);
    expect(deriveFacts(known).map((f) => f.id)).not.toContain('derived.db_cpu_headroom_months');
    known.set('traffic.growth_pct_per_month', declared('traffic.growth_pct_per_month', 10));
    const d = deriveFacts(known).find((f) => f.id === 'derived.db_cpu_headroom_months');
    expect(d).toMatchObject({ value: 2.3, provenance: 'derived', from: ['database.cpu_p95_pct', 'traffic.growth_pct_per_month'] });
  });

  it('derives team, traffic and cost ratios', () => {
    const { facts } = buildFacts(
      profileFrom(
        'version: 1\ntraffic: { monthly_active_users: 40000, growth_pct_per_month: 10, peak_rps: 600, avg_rps: 150 }\n' +
          'team: { engineers: 24, teams: 2 }\narchitecture: { services: 6 }\ncost: { monthly_infra_usd: 20000, cost_growth_pct_per_month: 25 }\n' +
          'database: { read_pct: 80 }\n',
      ),
    );
    const v = (id: string) => facts.get(id)?.value;
    expect(v('derived.engineers_per_team')).toBe(12);
    expect(v('derived.services_per_engineer')).toBe(0.25);
    expect(v('derived.read_write_ratio')).toBe(4);
    expect(v('derived.cost_per_active_user_usd')).toBe(0.5);
    expect(v('derived.cost_growth_minus_user_growth_pct')).toBe(15);
    expect(v('derived.peak_to_average_rps')).toBe(4);
    expect(v('derived.monthly_active_users_in_12_months')).toBe(125537);
  });

  it('derives storage use and the months until the storage limit is reached', () => {
    const { facts } = buildFacts(profileFrom('version: 1\ndatabase: { size_gb: 850, storage_limit_gb: 1000, growth_gb_per_month: 60 }\n'));
    // 850 of 1000 GB; 150 GB left at 60 GB a month
    expect(facts.get('derived.db_storage_used_pct')).toMatchObject({ value: 85, provenance: 'derived', from: ['database.size_gb', 'database.storage_limit_gb'] });
    expect(facts.get('derived.db_storage_headroom_months')?.value).toBe(2.5);
  });

  it('says a full volume has no headroom, and a volume that does not grow has headroom beyond the cap', () => {
    const v = (yaml: string, id: string) => buildFacts(profileFrom(`version: 1\ndatabase: ${yaml}\n`)).facts.get(id)?.value;
    expect(v('{ size_gb: 1000, storage_limit_gb: 1000, growth_gb_per_month: 5 }', 'derived.db_storage_headroom_months')).toBe(0);
    expect(v('{ size_gb: 100, storage_limit_gb: 1000, growth_gb_per_month: 0 }', 'derived.db_storage_headroom_months')).toBe(HEADROOM_CAP_MONTHS);
    expect(v('{ size_gb: 100, storage_limit_gb: 1000, growth_gb_per_month: 0 }', 'derived.db_storage_used_pct')).toBe(10);
  });

  it('leaves the storage facts out when an input is missing', () => {
    const { facts } = buildFacts(profileFrom('version: 1\ndatabase: { size_gb: 400, growth_gb_per_month: 30 }\n'));
    expect(facts.has('derived.db_storage_used_pct')).toBe(false);
    expect(facts.has('derived.db_storage_headroom_months')).toBe(false);
    const noGrowth = buildFacts(profileFrom('version: 1\ndatabase: { size_gb: 400, storage_limit_gb: 500 }\n')).facts;
    expect(noGrowth.get('derived.db_storage_used_pct')?.value).toBe(80);
    expect(noGrowth.has('derived.db_storage_headroom_months')).toBe(false);
  });

  it('derives the months until the instances needed at peak reach the maximum', () => {
    const at = (instances: number, max: number, growth: number | null) =>
      buildFacts(
        profileFrom(
          `version: 1\narchitecture: { app_instances: ${instances}, app_instances_max: ${max} }\n` +
            (growth === null ? '' : `traffic: { growth_pct_per_month: ${growth} }\n`),
        ),
      ).facts.get('derived.app_instances_headroom_months')?.value;
    // 4 instances growing 20% a month reach 8 in ln(2)/ln(1.2) ≈ 3.8 months
    expect(at(4, 8, 20)).toBe(3.8);
    expect(at(8, 8, 20)).toBe(0);
    expect(at(4, 8, 0)).toBe(HEADROOM_CAP_MONTHS);
    expect(at(4, 8, null)).toBeUndefined();
    expect(at(0, 0, 20)).toBeUndefined();
  });
});

describe('fact sources', () => {
  it('keeps the declared value and reports a disagreement with a detected one', () => {
    const p = profileFrom('version: 1\narchitecture: { orchestration: vm }\n');
    const detected: Fact[] = [
      { id: 'architecture.orchestration', value: 'kubernetes', provenance: 'detected', position: null, origin: 'k8s/deploy.yaml' },
      { id: 'delivery.ci', value: true, provenance: 'detected', position: null, origin: '.github/workflows/ci.yml' },
    ];
    const { facts, conflicts } = buildFacts(p, detected);
    expect(facts.get('architecture.orchestration')?.value).toBe('vm');
    expect(facts.get('delivery.ci')).toMatchObject({ value: true, provenance: 'detected' });
    expect(conflicts).toEqual([{ fact: 'architecture.orchestration', declared: 'vm', detected: 'kubernetes', origin: 'k8s/deploy.yaml', provenance: 'detected', kept: 'declared' }]);
  });
});
