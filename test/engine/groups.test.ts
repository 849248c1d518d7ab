// One problem, one plan: findings that share a cause are grouped, the group
// leads with its cheapest decisive step, and no finding is lost on the way.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupFindings, groupProblems } from '../../src/engine/groups.js';
import { builtInCatalog } from '../../src/engine/catalog.js';
import { jsonReportObject } from '../../src/report/json.js';
import { formatText } from '../../src/report/text.js';
import type { Finding, GroupDef } from '../../src/model.js';
import { assessFile, assessText, ROOT } from '../helpers/assess.js';

const finding = (rule: string, severity: Finding['severity'], kind: Finding['kind'] = 'warning-sign'): Finding => ({
  rule, title: rule, kind, severity, topics: ['caching'], message: 'm', evidence: [], recommendation: 'r', status: 'open', addressed_by: null, sources: [],
});
const DEFS: GroupDef[] = [{ id: 'db', title: 'Database load', lead: 'Measure first.', rules: ['a', 'b', 'c'] }];

describe('groupFindings', () => {
  it('groups two or more findings of a group, in the plan order, at the worst severity', () => {
    const groups = groupFindings([finding('c', 'high'), finding('a', 'medium', 'recommendation'), finding('x', 'critical')], DEFS);
    expect(groups).toEqual([{ id: 'db', title: 'Database load', lead: 'Measure first.', severity: 'high', kind: 'warning-sign', findings: ['a', 'c'] }]);
  });

  it('leaves a lone member ungrouped', () => {
    expect(groupFindings([finding('a', 'high'), finding('x', 'low')], DEFS)).toEqual([]);
  });

  it('reports unknown rules and a rule in two groups', () => {
    const defs = [...DEFS, { id: 'other', title: 'Other', lead: 'Do it.', rules: ['c', 'zz'] }];
    expect(groupProblems(defs, new Set(['a', 'b', 'c']))).toEqual([
      'rule c is in groups db and other; a rule belongs to one group',
      'group other names unknown rule zz',
    ]);
  });

  it('ships groups whose rules all exist', () => {
    const catalog = builtInCatalog();
    expect(catalog.groups.length).toBeGreaterThan(3);
    expect(groupProblems(catalog.groups, new Set(catalog.rules.map((r) => r.id)))).toEqual([]);
  });
});

describe('grouped reports', () => {
  const a = assessFile(join(ROOT, 'examples', 'scale-advise.yaml'));
  const db = a.groups!.find((g) => g.id === 'database-load')!;

  it('puts the competing database findings under one problem that measures first', () => {
    expect(db.findings).toEqual(expect.arrayContaining(['db-cpu-saturated', 'cache-missing', 'db-read-replicas']));
    expect(db.lead).toMatch(/^Measure before buying anything: rank the database's statements by total time/);
  });

  it('keeps every finding in the JSON and adds the groups', () => {
    const json = jsonReportObject(a);
    expect(json.findings.map((f) => f.rule)).toEqual(a.findings.map((f) => f.rule));
    expect(json.groups.find((g) => g.id === 'database-load')?.findings).toEqual(db.findings);
  });

  it('shows the group in text and its members only with --verbose', () => {
    const short = formatText(a, { colorLevel: 0, width: 100 });
    const full = formatText(a, { colorLevel: 0, width: 100, verbose: true });
    const cacheMessage = a.findings.find((f) => f.rule === 'cache-missing')!.message.slice(0, 40);
    expect(short).toMatch(/The primary database carries more load than it can take/);
    expect(short).not.toContain(cacheMessage);
    expect(full).toContain(cacheMessage);
    expect(short.split('\n').filter((l) => /^(HIGH|MEDIUM|LOW|CRITICAL|INFO) /.test(l)).length).toBeLessThan(a.findings.length);
  });
});

describe('outages and single points of failure are separate problems', () => {
  it('groups the outages users already see apart from the parts that could fail', () => {
    const a = assessFile(join(ROOT, 'examples', 'scale-advise.yaml'));
    const outages = a.groups!.find((g) => g.id === 'availability')!;
    expect(outages.title).toBe('Users already see outages or failed requests');
    expect(outages.findings).toEqual(expect.arrayContaining(['availability-below-slo', 'spike-outages', 'error-rate-high']));
    expect(outages.findings).not.toContain('db-standby-failover');
    expect(a.findings.map((f) => f.rule)).toContain('db-standby-failover');
  });

  it('shows one server and a database without a standby as one problem', () => {
    const a = assessText(
      [
        'version: 1',
        'traffic: { monthly_active_users: 40000 }',
        'performance: { slo_availability_pct: 99.9, outages_90d: 0 }',
        'database: { engine: postgresql, standby: none }',
        'architecture: { app_instances: 1, load_balancer: none }',
      ].join('\n'),
    );
    const spof = a.groups!.find((g) => g.id === 'single-points-of-failure');
    expect(spof).toMatchObject({ title: 'A single failed part can take the product down', findings: ['app-tier-spof', 'db-standby-failover'] });
    expect(a.groups!.find((g) => g.id === 'availability')).toBeUndefined();
  });
});
