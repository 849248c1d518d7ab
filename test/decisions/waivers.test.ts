import { describe, expect, it } from 'vitest';
import { applyWaivers } from '../../src/decisions/waivers.js';
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

describe('waivers', () => {
  it('waive a finding through the last day of the waiver, and count it open again after', () => {
    expect(applyWaivers([finding('db-read-replicas')], [waiver], new Date('2027-03-31T23:59:00Z'))[0]!.status).toBe('waived');
    expect(applyWaivers([finding('db-read-replicas')], [waiver], new Date('2027-04-01T00:00:00Z'))[0]!.status).toBe('expired-waiver');
  });

  it('leave other rules and addressed findings alone', () => {
    const out = applyWaivers([finding('cache-missing'), finding('db-read-replicas', 'addressed')], [waiver], new Date('2027-01-01T00:00:00Z'));
    expect(out.map((f) => f.status)).toEqual(['open', 'addressed']);
  });
});
