// The growth projection finds each upcoming finding's first month by a binary
// search, and below the horizon it evaluates only the rules searched for and
// their neighbours by `requires`. It must give what evaluating every growth
// candidate at every month probed gives, on every fixture profile at several
// growth rates.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectedFindings } from '../../src/engine/assessment.js';
import type { Scenario } from '../../src/engine/scenario.js';
import { load, type Inputs } from '../../src/load.js';
import { ROOT, yamlFilesUnder } from '../helpers/assess.js';

const NOW = new Date('2026-11-23T12:00:00Z');

function fixtureInputs(): { file: string; inputs: Inputs }[] {
  const out: { file: string; inputs: Inputs }[] = [];
  for (const file of [...yamlFilesUnder(join(ROOT, 'examples')), ...yamlFilesUnder(join(ROOT, 'test'))]) {
    try {
      out.push({ file, inputs: load({ cwd: ROOT, profile: file, now: NOW }) });
    } catch {
      // not a profile, or a broken one kept for the error tests
    }
  }
  return out;
}

/** As stated, then at slow, fast and very fast growth, and with the data growing too. */
const SCENARIOS: Scenario[] = [
  {},
  { overrides: { 'traffic.growth_pct_per_month': 4 } },
  { overrides: { 'traffic.growth_pct_per_month': 25 } },
  { overrides: { 'traffic.growth_pct_per_month': 80, 'database.growth_gb_per_month': 200 } },
];

/** The example as a database that growth pushes into several warning signs, some of which require others. */
function databaseVariants(): { file: string; inputs: Inputs }[] {
  const example = readFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'sa-projection-'));
  const out: { file: string; inputs: Inputs }[] = [];
  for (const users of [48000, 900000])
    for (const growth of [5, 12, 30])
      for (const cpu of [40, 55, 70])
        for (const connections of [30, 45, 60])
          for (const reads of [50, 80])
            for (const pooler of ['none', 'pgbouncer']) {
              const text = example
                .replace(/monthly_active_users: \d+/, `monthly_active_users: ${users}`)
                .replace(/peak_rps: \d+/, `peak_rps: ${users > 100000 ? 6000 : 800}`)
                .replace(/growth_pct_per_month: \d+/, `growth_pct_per_month: ${growth}`)
                .replace(/cpu_p95_pct: \d+/, `cpu_p95_pct: ${cpu}`)
                .replace(/connections_used_pct: \d+/, `connections_used_pct: ${connections}`)
                .replace(/connection_pooler: \w+/, `connection_pooler: ${pooler}`)
                .replace(/read_pct: \d+/, `read_pct: ${reads}`)
                .replace(/vertical_upgrades_12m: \d+/, 'vertical_upgrades_12m: 0');
              const file = join(dir, `${users}-${growth}-${cpu}-${connections}-${reads}-${pooler}.yaml`);
              writeFileSync(file, text);
              out.push({ file, inputs: load({ cwd: dir, profile: file, now: NOW }) });
            }
  return out;
}

describe('the growth projection', () => {
  it('finds the same upcoming findings, months and stages as evaluating every candidate at every month', () => {
    const fixtures = fixtureInputs();
    expect(fixtures.length).toBeGreaterThan(100);
    let upcoming = 0;
    for (const { file, inputs } of fixtures) {
      for (const scenario of SCENARIOS) {
        const narrow = projectedFindings(inputs, scenario);
        expect(narrow, `${file} ${JSON.stringify(scenario)}`).toEqual(projectedFindings(inputs, scenario, true));
        upcoming += narrow.length;
      }
    }
    // The comparison means something only if the fixtures bring findings in.
    expect(upcoming).toBeGreaterThan(400);
  });

  it('gives an upcoming finding the findings it unlocks at its first month, as evaluating every candidate does', () => {
    let unlocking = 0;
    for (const { file, inputs } of databaseVariants()) {
      const narrow = projectedFindings(inputs);
      expect(narrow, file).toEqual(projectedFindings(inputs, {}, true));
      unlocking += narrow.filter((u) => u.finding.unlocks?.length).length;
    }
    // Found growing into a finding that holds another back (pooling before the write-bound database, say).
    expect(unlocking).toBeGreaterThan(10);
  });

  it('keeps a finding held back in the months a rule it requires fires, even when that rule is silent at the horizon', () => {
    // `early` applies only at Growth; the system passes 100,000 users (Scale) in month 3.
    // `later` fires from month 1, but waits for `early` until then.
    const dir = mkdtempSync(join(tmpdir(), 'sa-projection-held-'));
    const rule = (id: string, stages: string, when: string, requires = '') =>
      [
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
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'early.yaml'), rule('early', 'growth', 'traffic.peak_rps >= 120'));
    writeFileSync(join(dir, 'rules', 'later.yaml'), rule('later', 'growth, scale, enterprise', 'traffic.peak_rps >= 110', 'early'));
    writeFileSync(join(dir, 'scale-advise.yaml'), 'version: 1\ntraffic: { monthly_active_users: 50000, peak_rps: 100, growth_pct_per_month: 30 }\nrules: [rules]\n');
    const inputs = load({ cwd: dir, profile: join(dir, 'scale-advise.yaml'), now: NOW });
    const later = (everyCandidate: boolean) => projectedFindings(inputs, {}, everyCandidate).find((u) => u.finding.rule === 'later');
    expect(later(true)).toMatchObject({ months: 3, stage: 'scale' });
    expect(later(false)).toEqual(later(true));
  });
});
