import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/decisions/apply.js';
import type { Finding } from '../../src/model.js';

const finding = (rule: string, status: Finding['status'] = 'open'): Finding => ({
  rule,
  title: 't',
  kind: 'warning-sign',
  severity: 'high',
  topics: ['caching'],
  message: 'm',
  evidence: [],
  recommendation: 'r',
  status,
  addressed_by: null,
  sources: [],
});

const waiver = { rule: 'db-read-replicas', reason: 'Aurora in Q1', owner: 'platform@example.com', expires: '2027-03-31' };

const withWaivers = (findings: Finding[], waivers: (typeof waiver)[], now: Date, addressed: string[] = []) =>
  applyDecisions(findings, { waivers, addressed: new Map(addressed.map((r) => [r, { path: 'docs/adr/0001-x.md', number: 1, title: 'x' }])) }, now);

describe('waivers', () => {
  it('waive a finding through the last day of the waiver, and count it open again after', () => {
    expect(withWaivers([finding('db-read-replicas')], [waiver], new Date('2027-03-31T23:59:00Z'))[0]!.status).toBe('waived');
    expect(withWaivers([finding('db-read-replicas')], [waiver], new Date('2027-04-01T00:00:00Z'))[0]!.status).toBe('expired-waiver');
  });

  it('leave other rules alone, and let an ADR win over a waiver', () => {
    const out = withWaivers([finding('cache-missing'), finding('db-read-replicas')], [waiver], new Date('2027-01-01T00:00:00Z'), ['db-read-replicas']);
    expect(out.map((f) => f.status)).toEqual(['open', 'addressed']);
    expect(out[1]!.addressed_by).toBe('docs/adr/0001-x.md');
  });
});
