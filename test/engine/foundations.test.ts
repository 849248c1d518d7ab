// Foundations before splitting: a service extraction waits while delivery or
// alerting foundations are missing, and those findings say what they unlock.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdBack } from '../../src/engine/evaluate.js';
import type { Finding, RuleCore } from '../../src/model.js';
import { assessFile, ROOT } from '../helpers/assess.js';

const FIX = join(ROOT, 'test', 'fixtures', 'rules', 'extraction-foundations');

describe('foundations before extraction', () => {
  it('holds the extraction back and names it on the foundation findings', () => {
    const a = assessFile(join(FIX, 'fires.yaml'));
    const fired = a.findings.map((f) => f.rule);
    expect(fired).not.toContain('extract-cpu-heavy-component');
    expect(a.held).toEqual([expect.objectContaining({ rule: 'extract-cpu-heavy-component', waiting_for: expect.arrayContaining(['extraction-foundations', 'ci-missing']) })]);
    for (const id of ['extraction-foundations', 'ci-missing', 'observability-blind']) {
      expect(a.findings.find((f) => f.rule === id)?.unlocks, id).toEqual(['extract-cpu-heavy-component']);
    }
  });

  it('advises the extraction once the foundations are there', () => {
    const a = assessFile(join(FIX, 'silent.yaml'));
    expect(a.findings.map((f) => f.rule)).toContain('extract-cpu-heavy-component');
    expect(a.held).toEqual([]);
  });

  it('never lets two rules hold each other back', () => {
    const f = (rule: string): Finding => ({ rule, title: rule, kind: 'recommendation', severity: 'low', topics: [], message: '', evidence: [], recommendation: '', status: 'open', addressed_by: null, sources: [] });
    const rules = [{ id: 'a', requires: ['b'] }, { id: 'b', requires: ['a'] }] as RuleCore[];
    expect(holdBack([f('a'), f('b')], rules).findings.map((x) => x.rule)).toEqual(['a', 'b']);
  });
});
