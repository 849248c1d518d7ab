import { describe, expect, it } from 'vitest';
import { evaluateRules, RuleEvaluationError } from '../../src/engine/evaluate.js';
import { factsRead } from '../../src/engine/expr.js';
import { checkRule } from '../../src/engine/rule-compile.js';
import { builtInCatalog } from '../../src/engine/catalog.js';
import { placeStage } from '../../src/engine/stage.js';
import type { Fact, Rule } from '../../src/model.js';

const defaultModel = builtInCatalog().stageModels.find((m) => m.id === 'default')!;
const known = new Set(builtInCatalog().facts.map((f) => f.id));

function rule(partial: Partial<Rule> & { id: string; when: string }): Rule {
  const base: Rule = {
    title: 'A test rule',
    kind: 'warning-sign',
    severity: 'high',
    stages: ['mvp', 'growth', 'scale', 'enterprise'],
    topics: ['caching'],
    message: 'Found {database.cpu_p95_pct}% CPU.',
    recommendation: 'Do the thing.',
    rationale: 'Because.',
    sources: [{ seed: '002_90439ef31545b52b.txt', point: 'a point' }],
    ...partial,
  };
  return checkRule(base, known).rule;
}

function run(rules: Rule[], values: Record<string, unknown>) {
  const facts = new Map(
    Object.entries(values).map(([id, value]): [string, Fact] => [id, { id, value, provenance: 'declared', position: { line: 3, column: 5 } }]),
  );
  const stage = placeStage(defaultModel, facts);
  return evaluateRules(rules, facts, stage, ['traffic.monthly_active_users']);
}

describe('evaluateRules', () => {
  const cpu = rule({ id: 'cpu', when: 'database.cpu_p95_pct >= 85' });

  it('fires with the message filled in and the cited facts as evidence', () => {
    const r = run([cpu], { 'database.cpu_p95_pct': 92, 'traffic.monthly_active_users': 20000 });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      rule: 'cpu',
      message: 'Found 92% CPU.',
      status: 'open',
      addressed_by: null,
      evidence: [{ fact: 'database.cpu_p95_pct', value: 92, provenance: 'declared', line: 3, column: 5 }],
    });
  });

  it('quotes a value with a dollar sign as it is, never as a replacement pattern', () => {
    const named = rule({ id: 'named', when: "project.name != ''", message: 'Project {project.name} and {project.name}.' });
    const r = run([named], { 'project.name': "shop $& $' $1", 'traffic.monthly_active_users': 20000 });
    expect(r.findings[0]!.message).toBe("Project shop $& $' $1 and shop $& $' $1.");
  });

  it('stays silent below the threshold, and counts the rule as evaluated', () => {
    const r = run([cpu], { 'database.cpu_p95_pct': 84, 'traffic.monthly_active_users': 20000 });
    expect(r.findings).toEqual([]);
    expect(r.notEvaluated).toEqual([]);
    expect(r.evaluated).toBe(1);
  });

  it('reports a rule whose facts are missing as not evaluated, naming them', () => {
    const r = run([rule({ id: 'two', when: 'database.cpu_p95_pct >= 85 || database.read_pct > 90' })], { 'traffic.monthly_active_users': 20000 });
    expect(r.findings).toEqual([]);
    expect(r.notEvaluated).toEqual([{ rule: 'two', missing: ['database.cpu_p95_pct', 'database.read_pct'] }]);
  });

  it('accepts a result the known facts already decide', () => {
    const hit = rule({ id: 'hit', when: "architecture.cache != 'none' && architecture.cache_hit_pct < 60", message: 'Hit rate low.' });
    const r = run([hit], { 'architecture.cache': 'none', 'traffic.monthly_active_users': 20000 });
    expect(r.notEvaluated).toEqual([]);
    expect(r.findings).toEqual([]);
    const r2 = run([hit], { 'architecture.cache': 'redis', 'traffic.monthly_active_users': 20000 });
    expect(r2.notEvaluated).toEqual([{ rule: 'hit', missing: ['architecture.cache_hit_pct'] }]);
  });

  it('needs one fact of a requires_one_of group', () => {
    const r1 = rule({
      id: 'either',
      when: '(has(performance.page_load_p95_s) && performance.page_load_p95_s >= 3) || (has(traffic.users_outside_primary_region_pct) && traffic.users_outside_primary_region_pct >= 20)',
      requires_one_of: ['performance.page_load_p95_s', 'traffic.users_outside_primary_region_pct'],
      message: 'Far or slow.',
    });
    expect(run([r1], { 'traffic.monthly_active_users': 20000 }).notEvaluated[0]?.missing).toEqual([
      'performance.page_load_p95_s',
      'traffic.users_outside_primary_region_pct',
    ]);
    expect(run([r1], { 'traffic.users_outside_primary_region_pct': 40, 'traffic.monthly_active_users': 20000 }).findings).toHaveLength(1);
  });

  it('is silent outside its stages, and not evaluated when the stage is unknown', () => {
    const later = rule({ id: 'later', when: 'database.cpu_p95_pct >= 85', stages: ['scale', 'enterprise'] });
    const mvp = run([later], { 'database.cpu_p95_pct': 95, 'traffic.monthly_active_users': 500 });
    expect(mvp.findings).toEqual([]);
    expect(mvp.notEvaluated).toEqual([]);
    expect(mvp.applicable).toBe(0);
    const unknown = run([later], { 'database.cpu_p95_pct': 95 });
    expect(unknown.notEvaluated).toEqual([{ rule: 'later', missing: ['traffic.monthly_active_users'] }]);
  });

  it('lets conditions read the stage', () => {
    const r = rule({ id: 'staged', when: 'stage.index >= 3 && database.cpu_p95_pct > 50' });
    expect(run([r], { 'database.cpu_p95_pct': 60, 'traffic.monthly_active_users': 200000 }).findings).toHaveLength(1);
    expect(run([r], { 'database.cpu_p95_pct': 60, 'traffic.monthly_active_users': 20000 }).findings).toHaveLength(0);
  });

  it('treats a condition that does not yield a boolean as a rule bug', () => {
    const bad = rule({ id: 'bad', when: 'database.cpu_p95_pct + 1' });
    expect(() => run([bad], { 'database.cpu_p95_pct': 60, 'traffic.monthly_active_users': 20000 })).toThrow(RuleEvaluationError);
  });

  it('interpolates computed placeholders', () => {
    const comp = rule({
      id: 'comp',
      when: "architecture.components.exists(c, has(c.compliance) && 'pci' in c.compliance)",
      message: "PCI data in {= architecture.components.filter(c, has(c.compliance) && 'pci' in c.compliance).map(c, c.name).join(', ')}.",
    });
    const r = run([comp], { 'architecture.components': [{ name: 'payments', compliance: ['pci'] }, { name: 'cards', compliance: ['pci'] }, { name: 'blog' }], 'traffic.monthly_active_users': 20000 });
    expect(r.findings[0]?.message).toBe('PCI data in payments, cards.');
  });
});

describe('rule checks', () => {
  it('extracts the facts a condition reads, ignoring comprehension variables', () => {
    expect(factsRead("database.read_pct >= 75 && architecture.components.exists(c, c.cpu_share_pct > 40) && has(derived.db_cpu_headroom_months)")).toEqual([
      'database.read_pct',
      'architecture.components',
      'derived.db_cpu_headroom_months',
    ]);
  });

  it('rejects unknown facts, unguarded optional facts, bad CEL and unknown placeholders', () => {
    const base = { id: 'x', title: 'title here', kind: 'warning-sign', severity: 'low', stages: ['mvp'], topics: ['caching'], recommendation: 'do it now', rationale: 'because so', sources: [] } as unknown as Rule;
    const issues = (r: Partial<Rule>) => checkRule({ ...base, message: 'a message here', ...r } as Rule, known).issues.map((i) => i.message);
    expect(issues({ when: 'traffic.peak_rsp > 1' })).toEqual([expect.stringMatching(/`traffic.peak_rsp`, which is not a known fact/)]);
    expect(issues({ when: 'traffic.peak_rps > 1 && traffic.avg_rps > 1', optional: ['traffic.avg_rps'] })).toEqual([expect.stringMatching(/must guard it with has\(traffic.avg_rps\)/)]);
    expect(issues({ when: 'traffic.peak_rps >' })).toEqual([expect.stringMatching(/not valid CEL/)]);
    expect(issues({ when: 'traffic.peak_rps > 1', message: 'Peak {traffic.peak_rsp}' })).toEqual([expect.stringMatching(/names no known fact/)]);
  });
});
