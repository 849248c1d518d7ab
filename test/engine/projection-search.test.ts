// The growth projection finds each upcoming finding's first month by a binary
// search over the months. A finding that waits for one it requires is held
// back in the months that one fires, even when it is silent at the horizon.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/assessment.js';
import { load } from '../../src/load.js';

const NOW = new Date('2026-11-23T12:00:00Z');

function rule(id: string, stages: string, when: string, requires = ''): string {
  return [
    `id: ${id}`,
    `title: Rule ${id}`,
    'kind: warning-sign',
    'severity: medium',
    `stages: [${stages}]`,
    'topics: [horizontal-scaling]',
    `when: ${when}`,
    ...(requires ? [`requires: [${requires}]`] : []),
    'message: Peak traffic is {traffic.peak_rps} requests per second.',
    'recommendation: Load-test before the next campaign.',
    'rationale: A team line on peak traffic.',
    'sources:',
    '  - seed: https://wiki.example.com/load-testing',
    '    point: Internal load-testing guide.',
    '',
  ].join('\n');
}

describe('the growth projection', () => {
  it('keeps a finding held back in the months a rule it requires fires, even when that rule is silent at the horizon', () => {
    // `early` applies only at Growth; the system passes 100,000 users (Scale) in month 3.
    // `later` fires from month 1, but waits for `early` until then.
    const dir = mkdtempSync(join(tmpdir(), 'sa-projection-held-'));
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'early.yaml'), rule('early', 'growth', 'traffic.peak_rps >= 120'));
    writeFileSync(join(dir, 'rules', 'later.yaml'), rule('later', 'growth, scale, enterprise', 'traffic.peak_rps >= 110', 'early'));
    writeFileSync(join(dir, 'scale-advise.yaml'), 'version: 1\ntraffic: { monthly_active_users: 50000, peak_rps: 100, growth_pct_per_month: 30 }\nrules: [rules]\n');
    const a = evaluate(load({ cwd: dir, profile: join(dir, 'scale-advise.yaml'), now: NOW }));
    const items = a.roadmap.phases.flatMap((p) => p.items);
    expect(items.find((i) => i.rules.includes('later'))).toMatchObject({ upcoming: true, months: 3 });
    // `early` never reaches the horizon open, so it is not on the roadmap at all.
    expect(items.some((i) => i.rules.includes('early'))).toBe(false);
  });
});
