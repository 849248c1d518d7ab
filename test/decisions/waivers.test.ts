import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/decisions/apply.js';
import { decisionNotes } from '../../src/decisions/notes.js';
import { NO_DECISIONS, type DecisionInputs } from '../../src/decisions/status.js';
import { checkWaivers, type WaiverEntry } from '../../src/decisions/waivers.js';
import { baselineText } from '../../src/decisions/baseline.js';
import type { Finding } from '../../src/model.js';
import { UserError } from '../../src/util/errors.js';

const finding = (rule: string, fact = 'database.cpu_p95_pct'): Finding => ({
  rule,
  title: 't',
  kind: 'warning-sign',
  severity: 'high',
  topics: ['caching'],
  message: 'm',
  evidence: [{ fact, value: 1, provenance: 'declared', line: 4, column: 3 }],
  recommendation: 'r',
  status: 'open',
  addressed_by: null,
  sources: [],
});

const origin = { file: 'scale-advise.yaml', position: { line: 9, column: 11 } };
const waiver: WaiverEntry = { rule: 'db-read-replicas', reason: 'Aurora in Q1', owner: 'platform@example.com', expires: '2027-03-31', origin };
const decisions = (d: Partial<DecisionInputs>): DecisionInputs => ({ ...NO_DECISIONS, ...d });
const adr = (rule: string) => new Map([[rule, { path: 'docs/adr/0001-x.md', number: 1, title: 'x' }]]);
const day = (s: string) => new Date(`${s}T12:00:00Z`);

describe('finding status: one function, every transition', () => {
  it('waive a finding through the last day of the waiver, and count it open again after', () => {
    expect(applyDecisions([finding('db-read-replicas')], decisions({ waivers: [waiver] }), new Date('2027-03-31T23:59:00Z'))[0]!.status).toBe('waived');
    expect(applyDecisions([finding('db-read-replicas')], decisions({ waivers: [waiver] }), new Date('2027-04-01T00:00:00Z'))[0]!.status).toBe('expired-waiver');
  });

  it('leave other rules alone, and let an ADR win over a waiver', () => {
    const out = applyDecisions([finding('cache-missing'), finding('db-read-replicas')], decisions({ waivers: [waiver], addressed: adr('db-read-replicas') }), day('2027-01-01'));
    expect(out.map((f) => f.status)).toEqual(['open', 'addressed']);
    expect(out[1]!.addressed_by).toBe('docs/adr/0001-x.md');
  });

  it('baseline a finding by rule and fact, never by rule alone', () => {
    const baseline = [{ rule: 'db-read-replicas', fact: 'database.cpu_p95_pct' }];
    const out = applyDecisions([finding('db-read-replicas'), finding('db-read-replicas', 'database.read_pct')], decisions({ baseline }), day('2027-01-01'));
    expect(out.map((f) => f.status)).toEqual(['baselined', 'open']);
  });

  it('let an expired waiver win over the baseline, so a lapsed decision fails', () => {
    const baseline = [{ rule: 'db-read-replicas', fact: 'database.cpu_p95_pct' }];
    expect(applyDecisions([finding('db-read-replicas')], decisions({ baseline, waivers: [waiver] }), day('2027-05-01'))[0]!.status).toBe('expired-waiver');
  });

  it('ignore waivers and the baseline in an audit, but not ADRs', () => {
    const d = decisions({ waivers: [waiver], baseline: [{ rule: 'cache-missing', fact: 'database.cpu_p95_pct' }], addressed: adr('db-lock-contention'), audit: true });
    const out = applyDecisions([finding('db-read-replicas'), finding('cache-missing'), finding('db-lock-contention')], d, day('2027-01-01'));
    expect(out.map((f) => f.status)).toEqual(['open', 'open', 'addressed']);
  });
});

describe('findings about components', () => {
  const heavy = { ...finding('extract-cpu-heavy-component', 'architecture.components'), components: ['reporting', 'search'] };
  const scoped = (component: string, expires: string): WaiverEntry => ({ ...waiver, rule: 'extract-cpu-heavy-component', fact: `architecture.components[${component}]`, expires });

  it('take the status of the least-covered component', () => {
    const status = (d: Partial<DecisionInputs>, now = '2027-01-01') => applyDecisions([heavy], decisions(d), day(now))[0]!.status;
    expect(status({ waivers: [scoped('reporting', '2027-02-01')] })).toBe('open');
    expect(status({ waivers: [scoped('reporting', '2027-02-01'), scoped('search', '2027-02-01')] })).toBe('waived');
    expect(status({ waivers: [scoped('reporting', '2027-02-01'), scoped('search', '2026-12-01')] })).toBe('expired-waiver');
    expect(status({ waivers: [scoped('reporting', '2027-02-01')], baseline: [{ rule: heavy.rule, fact: 'architecture.components[search]' }] })).toBe('baselined');
  });

  it('call a waiver for a component the rule no longer fires on stale', () => {
    const n = decisionNotes([heavy], decisions({ waivers: [scoped('payments', '2027-02-01'), scoped('search', '2027-02-01')] }), day('2027-01-01'));
    expect(n.staleWaivers.map((w) => w.fact)).toEqual(['architecture.components[payments]']);
  });
});

describe('notes on decisions', () => {
  it('warn of a waiver within 14 days of its end, and of none farther out', () => {
    const notes = (now: string) => decisionNotes([finding('db-read-replicas')], decisions({ waivers: [waiver] }), day(now)).expiringWaivers.map((e) => e.daysLeft);
    expect(notes('2027-03-16')).toEqual([]);
    expect(notes('2027-03-17')).toEqual([14]);
    expect(notes('2027-03-31')).toEqual([0]);
    expect(notes('2027-04-01')).toEqual([]); // expired: the finding says so itself
  });

  it('report stale waivers, prunable baseline entries and passed review-by dates', () => {
    const n = decisionNotes([finding('cache-missing')], decisions({
      waivers: [waiver],
      baseline: [{ rule: 'db-lock-contention', fact: 'database.lock_incidents_30d' }, { rule: 'cache-missing', fact: 'database.cpu_p95_pct' }],
      reviews: [{ path: 'a.md', number: 1, title: 'a', reviewBy: '2027-01-01' }, { path: 'b.md', number: 2, title: 'b', reviewBy: '2027-02-01' }],
    }), day('2027-01-02'));
    expect(n.staleWaivers.map((w) => w.rule)).toEqual(['db-read-replicas']);
    expect(n.prunableBaseline).toEqual([{ rule: 'db-lock-contention', fact: 'database.lock_incidents_30d' }]);
    expect(n.reviewsDue.map((r) => r.number)).toEqual([1]);
  });
});

describe('waiver validation', () => {
  const source = (rule: string, expires: string) => ({ file: 'w.yaml', waivers: [{ rule, reason: 'r', owner: 'o', expires }], positionOf: (p: (string | number)[]) => ({ line: 2, column: p[2] === 'rule' ? 11 : 14 }) });

  it('accept a known rule within the maximum, and refuse an unknown one with the closest id', () => {
    expect(checkWaivers([source('db-read-replicas', '2027-05-31')], ['db-read-replicas'], day('2026-12-02'))).toHaveLength(1);
    expect(() => checkWaivers([source('db-read-replica', '2027-01-01')], ['db-read-replicas'], day('2026-12-02'))).toThrow(/w\.yaml:2:11: .*names no rule: db-read-replica \(did you mean `db-read-replicas`\?\)/);
  });

  it('refuse a waiver longer than the maximum, counted from today', () => {
    expect(() => checkWaivers([source('x', '2027-06-01')], ['x'], day('2026-12-02'))).toThrow(UserError);
    expect(checkWaivers([source('x', '2027-05-31')], ['x'], day('2026-12-02'))).toHaveLength(1);
    expect(() => checkWaivers([source('x', '2027-01-02')], ['x'], day('2026-12-02'), 30)).toThrow(/w\.yaml:2:14: .*31 days ahead; a waiver may run at most 30 days/);
  });
});

describe('baseline file', () => {
  it('is sorted by rule then fact, one entry per line, without duplicates', () => {
    const text = baselineText([finding('db-b', 'x.b'), finding('db-a', 'x.z'), finding('db-a', 'x.a'), finding('db-b', 'x.b')]);
    expect(text.split('\n').filter((l) => l.includes('"rule"'))).toEqual([
      '    {"rule":"db-a","fact":"x.a"},',
      '    {"rule":"db-a","fact":"x.z"},',
      '    {"rule":"db-b","fact":"x.b"}',
    ]);
    expect(JSON.parse(text).entries).toHaveLength(3);
  });
});

describe('the waiver schema', () => {
  it('accepts as rule ids exactly what the rule schema accepts as ids', async () => {
    const { readFileSync } = await import('node:fs');
    const { ROOT } = await import('../helpers/assess.js');
    const read = (name: string) => JSON.parse(readFileSync(`${ROOT}schema/${name}.schema.json`, 'utf8'));
    const waiverRule = read('profile').$defs.waiver.properties.rule;
    const ruleId = read('rule').properties.id;
    expect(waiverRule.pattern).toBe(ruleId.pattern);
    expect(waiverRule.maxLength).toBe(ruleId.maxLength);
  });
});
