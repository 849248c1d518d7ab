// The planner on every company case and on hand-made findings: prerequisites
// first, at most three steps now, every open finding in exactly one step, and
// a short plan for a small healthy system.
import { mkdtempSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOpen, type Finding, type RoadmapProjection, type RuleCore } from '../../src/model.js';
import { builtInCatalog, loadCatalog } from '../../src/engine/catalog.js';
import { prerequisiteProblems } from '../../src/engine/prerequisites.js';
import { NOW_LIMIT, planRoadmap } from '../../src/roadmap/plan.js';
import { isUserError } from '../../src/util/errors.js';
import { assessFile, ROOT } from '../helpers/assess.js';

const CASES = join(ROOT, 'test', 'fixtures', 'cases');
const requiresOf = new Map(builtInCatalog().rules.map((r) => [r.id, r.requires ?? []]));

describe('the roadmap of every company case', () => {
  for (const file of readdirSync(CASES).filter((f) => f.endsWith('.yaml'))) {
    const a = assessFile(join(CASES, file));
    const items = a.roadmap.phases.flatMap((p) => p.items);
    describe(file.replace(/\.yaml$/, ''), () => {
      it(`holds at most ${NOW_LIMIT} steps now`, () => {
        expect(a.roadmap.phases.find((p) => p.id === 'now')!.items.length).toBeLessThanOrEqual(NOW_LIMIT);
      });

      it('puts no step before one it requires', () => {
        const position = new Map<string, number>();
        items.forEach((item, n) => item.rules.forEach((r) => position.set(r, n)));
        const violations: string[] = [];
        items.forEach((item, n) => {
          for (const r of item.rules) {
            for (const req of requiresOf.get(r) ?? []) {
              const at = position.get(req);
              if (at !== undefined && at !== n && at > n) violations.push(`${r} (step ${n + 1}) before its prerequisite ${req} (step ${at + 1})`);
            }
          }
        });
        expect(violations).toEqual([]);
      });

      it('plans every open finding in exactly one step', () => {
        const planned = items.filter((i) => !i.upcoming).flatMap((i) => i.rules).sort();
        expect(planned).toEqual([...a.findings.filter(isOpen).map((f) => f.rule), ...(a.held ?? []).map((h) => h.rule)].sort());
      });

      it('links requires and unlocks both ways', () => {
        for (const i of items) for (const req of i.requires) expect(items.find((x) => x.rule === req)?.unlocks, `${req} unlocks ${i.rule}`).toContain(i.rule);
      });
    });
  }

  it('keeps a small healthy MVP short, and says so', () => {
    const r = assessFile(join(CASES, 'healthy-mvp.yaml')).roadmap;
    const items = r.phases.flatMap((p) => p.items);
    expect(items.length).toBeLessThanOrEqual(3);
    expect(items.filter((i) => !i.upcoming)).toEqual([]);
    expect(r.summary).toMatch(/short roadmap on purpose|Nothing to plan/);
    // no enterprise pattern pads it
    const heavy = /sharding|multi-region|event-driven|service-extraction|container-orchestration|chaos/;
    expect(items.flatMap((i) => i.topics).filter((t) => heavy.test(t))).toEqual([]);
  });
});

const finding = (rule: string, severity: Finding['severity'], kind: Finding['kind'], facts: string[] = [], topics = [rule]): Finding => ({
  rule,
  title: `Step ${rule}`,
  kind,
  severity,
  topics,
  message: '',
  evidence: facts.map((fact) => ({ fact, value: 1, provenance: 'declared', line: 1, column: 1 })),
  recommendation: '',
  status: 'open',
  addressed_by: null,
  sources: [],
});
const rule = (id: string, extra: Partial<RuleCore> = {}): RuleCore =>
  ({ id, title: id, kind: 'warning-sign', severity: 'high', stages: ['growth'], topics: [id], when: 'true', message: 'x', recommendation: 'x', sources: [], ...extra }) as RuleCore;
const projection = (cpuMonths: number | null): RoadmapProjection => ({
  growth_pct_per_month: 20,
  horizon_months: 12,
  next_stage: null,
  resources: [{ id: 'db-cpu', name: "the primary's CPU", fact: 'database.cpu_p95_pct', current: 90, limit: 100, unit: '%', months: cpuMonths }],
});

describe('planRoadmap', () => {
  const findings = [
    finding('a', 'critical', 'warning-sign'),
    finding('b', 'high', 'warning-sign'),
    finding('c', 'high', 'pitfall'),
    finding('d', 'high', 'warning-sign'),
    finding('prep', 'low', 'recommendation'),
  ];
  const rules = new Map([...findings.map((f) => [f.rule, rule(f.rule)] as const), ['b', rule('b', { requires: ['prep'] })]]);

  it('pulls a prerequisite ahead of the urgent step that needs it, and keeps now to three', () => {
    const r = planRoadmap({ held: [], groups: [], findings, upcoming: [], projection: projection(null), rules, stage: 'growth' });
    const now = r.phases[0]!.items.map((i) => i.rule);
    expect(now).toHaveLength(3);
    const order = r.phases.flatMap((p) => p.items.map((i) => i.rule));
    expect(order.indexOf('prep')).toBeLessThan(order.indexOf('b'));
    expect(r.phases.flatMap((p) => p.items).find((i) => i.rule === 'b')).toMatchObject({ requires: ['prep'] });
    expect(r.phases.flatMap((p) => p.items).find((i) => i.rule === 'prep')).toMatchObject({ unlocks: ['b'] });
  });

  it('puts a step whose runway is shorter than its lead time first, even at medium severity', () => {
    const fs = [finding('high-one', 'high', 'warning-sign'), finding('cpu', 'medium', 'warning-sign', ['database.cpu_p95_pct'], ['caching'])];
    const rs = new Map([['high-one', rule('high-one')], ['cpu', rule('cpu', { lead_time: '2-3 months' })]]);
    const r = planRoadmap({ held: [], groups: [], findings: fs, upcoming: [], projection: projection(1.5), rules: rs, stage: 'growth' });
    expect(r.phases[0]!.items.map((i) => i.rule)).toEqual(['cpu', 'high-one']);
    expect(r.phases[0]!.items[0]).toMatchObject({ urgent: true, months: 1.5 });
  });

  describe('a limit reached within three months', () => {
    const storage = (months: number): RoadmapProjection => ({
      growth_pct_per_month: 10,
      horizon_months: 12,
      next_stage: null,
      resources: [{ id: 'db-storage', name: 'database storage', fact: 'database.size_gb', current: 900, limit: 1000, unit: 'GB', months }],
    });
    // A low recommendation whose step relieves storage, with a lead time shorter than the runway:
    // neither its severity nor its lead time would put it in Now.
    const trim = finding('trim', 'low', 'recommendation', ['database.size_gb'], ['cost-optimization']);
    const rs = new Map([['trim', rule('trim', { kind: 'recommendation', severity: 'low', lead_time: '1-2 weeks' })]]);
    const plan = (months: number, fs: Finding[] = [trim], rules = rs) =>
      planRoadmap({ held: [], groups: [], findings: fs, upcoming: [], projection: storage(months), rules, stage: 'growth' });

    it('puts the step that relieves it in Now, whatever its severity, and says which limit', () => {
      const now = plan(2.5).phases[0]!.items;
      expect(now.map((i) => i.rule)).toEqual(['trim']);
      expect(now[0]).toMatchObject({ months: 2.5, urgent: false, why: 'database storage reaches 1,000 GB in about 2.5 months, and the step takes 1-2 weeks' });
    });

    it('leaves it where its severity puts it when the limit is further away', () => {
      const r = plan(4);
      expect(r.phases[0]!.items).toEqual([]);
      expect(r.phases[2]!.items.map((i) => i.rule)).toEqual(['trim']);
    });

    it('takes a Now slot ahead of high findings that relieve no close limit', () => {
      const highs = ['h1', 'h2', 'h3'].map((id) => finding(id, 'high', 'warning-sign'));
      const rules = new Map([...rs, ...highs.map((f) => [f.rule, rule(f.rule)] as const)]);
      const now = plan(1, [...highs, trim], rules).phases[0]!.items.map((i) => i.rule);
      expect(now).toHaveLength(3);
      expect(now[0]).toBe('trim');
    });

    it('does not move a step whose topics do not relieve that limit', () => {
      const other = finding('other', 'low', 'recommendation', ['database.size_gb'], ['observability']);
      const r = plan(1, [other], new Map([['other', rule('other', { kind: 'recommendation', severity: 'low' })]]));
      expect(r.phases[0]!.items).toEqual([]);
    });
  });

  it("makes the findings of one group one step, in the order of the group's plan", () => {
    const fs = [finding('slow', 'high', 'warning-sign'), finding('other', 'medium', 'warning-sign'), finding('cheap', 'medium', 'recommendation')];
    const rs = new Map(fs.map((f) => [f.rule, rule(f.rule)]));
    const groups = [{ id: 'g', title: 'One problem', lead: 'Measure first.', rules: ['cheap', 'slow'] }];
    const items = planRoadmap({ findings: fs, held: [], groups, upcoming: [], projection: projection(null), rules: rs, stage: 'growth' }).phases.flatMap((p) => p.items);
    expect(items.map((i) => [i.title, i.rules])).toEqual([
      ['One problem', ['cheap', 'slow']],
      ['Step other', ['other']],
    ]);
    expect(items[0]).toMatchObject({ rule: 'cheap', severity: 'high', kind: 'warning-sign' });
  });

  it('plans a held finding after the step it waits for', () => {
    const fs = [finding('foundation', 'medium', 'recommendation')];
    const rs = new Map([['foundation', rule('foundation')], ['extract', rule('extract', { kind: 'recommendation', severity: 'high', requires: ['foundation'] })]]);
    const r = planRoadmap({ findings: fs, held: [{ rule: 'extract', title: 'Extract it', waiting_for: ['foundation'] }], groups: [], upcoming: [], projection: projection(null), rules: rs, stage: 'growth' });
    const items = r.phases.flatMap((p) => p.items);
    expect(items.map((i) => i.rule)).toEqual(['foundation', 'extract']);
    expect(items[1]).toMatchObject({ requires: ['foundation'], why: 'held back until foundation is dealt with' });
    expect(items[0]).toMatchObject({ unlocks: ['extract'] });
  });

  it('has nothing to plan for a system with no open finding, and says so', () => {
    const r = planRoadmap({ held: [], groups: [], findings: [], upcoming: [], projection: projection(null), rules: new Map(), stage: 'mvp' });
    expect(r.phases.every((p) => !p.items.length)).toBe(true);
    expect(r.summary).toMatch(/^Nothing to plan/);
  });
});

describe('prerequisites as data', () => {
  it('encode what the sources put first', () => {
    const req = (id: string) => requiresOf.get(id) ?? [];
    expect(req('autoscaling-missing')).toContain('stateless-sessions');
    expect(req('app-tier-spof')).toContain('stateless-sessions');
    expect(req('db-write-bound')).toEqual(expect.arrayContaining(['db-read-replicas', 'db-connection-pooling']));
    expect(req('multi-region')).toContain('iac-missing');
    for (const id of ['extract-cpu-heavy-component', 'extract-high-volume-component', 'extract-pci-component', 'monolith-team-bottleneck']) {
      expect(req(id), id).toEqual(expect.arrayContaining(['observability-blind', 'ci-missing', 'extraction-foundations']));
    }
  });

  it('reject unknown rules and cycles', () => {
    const problems = prerequisiteProblems([
      { id: 'a', requires: ['b'] },
      { id: 'b', requires: ['c'] },
      { id: 'c', requires: ['a', 'nope'] },
    ]).map((p) => p.message);
    expect(problems).toContain('rule `c` requires unknown rule `nope`');
    expect(problems.filter((m) => m.startsWith('prerequisites form a cycle'))).toHaveLength(1);
  });

  it("refuse a user's rule that requires a rule that does not exist", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-req-'));
    mkdirSync(join(dir, 'rules'));
    writeFileSync(
      join(dir, 'rules', 'our-rule.yaml'),
      [
        'id: our-rule',
        'title: Our own scaling rule',
        'kind: recommendation',
        'severity: low',
        'stages: [growth]',
        'topics: [caching]',
        'when: database.cpu_p95_pct > 50',
        'message: The CPU is busy.',
        'recommendation: Do the thing first.',
        'rationale: Because we say so.',
        'sources: [{ seed: "https://example.org/a", point: our experience }]',
        'requires: [stateless-sesions]',
      ].join('\n'),
    );
    let error: unknown;
    try {
      loadCatalog([join(dir, 'rules')], dir);
    } catch (e) {
      error = e;
    }
    expect(isUserError(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/our-rule\.yaml.*requires unknown rule `stateless-sesions`/);
  });
});

describe('the stage a step serves', () => {
  it('says a step prepares for the next stage, or serves the stage the system is in', async () => {
    const { assessText } = await import('../helpers/assess.js');
    const { formatRoadmapText } = await import('../../src/report/roadmap-text.js');
    const { formatRoadmapMarkdown } = await import('../../src/report/roadmap-markdown.js');
    const a = assessText('version: 1\ntraffic: { monthly_active_users: 3000000, peak_rps: 20000 }\narchitecture: { app_instances: 1, load_balancer: none }\nteam: { engineers: 200 }\n');
    expect(a.stage.id).toBe('enterprise');
    const text = formatRoadmapText(a, { colorLevel: 0, width: 200 });
    const md = formatRoadmapMarkdown(a, { now: new Date('2026-12-04T00:00:00Z') });
    for (const out of [text, md]) {
      expect(out).toMatch(/for Enterprise, the current stage/);
      expect(out).not.toMatch(/prepares for Enterprise/);
    }
    const growing = assessText('version: 1\ntraffic: { monthly_active_users: 90000, peak_rps: 400, growth_pct_per_month: 30 }\narchitecture: { app_instances: 1, load_balancer: none }\nperformance: { outages_90d: 2 }\n');
    expect(growing.stage.id).toBe('growth');
    expect(formatRoadmapText(growing, { colorLevel: 0, width: 200 })).toMatch(/prepares for Scale/);
  });
});
