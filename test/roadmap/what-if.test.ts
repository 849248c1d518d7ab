// "Can this handle 10x our load?": the what-if scales the load- and
// user-bound facts, evaluates again, and says what appears, what disappears
// and which stage the system would be in.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { load } from '../../src/load.js';
import { evaluateWhatIf, parseFactor } from '../../src/roadmap/what-if.js';
import { isUserError } from '../../src/util/errors.js';
import { ROOT } from '../helpers/assess.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const inputsOf = (file: string) => load({ cwd: ROOT, profile: file, now: NOW });
const EXAMPLE = join(ROOT, 'examples', 'scale-advise.yaml');
const CASES = join(ROOT, 'test', 'fixtures', 'cases');

function profileFile(yaml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sa-whatif-')), 'scale-advise.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('parseFactor', () => {
  it('reads 2x, 10x and 0.5x', () => {
    expect([parseFactor('2x'), parseFactor('10x'), parseFactor('0.5x'), parseFactor('10X')]).toEqual([2, 10, 0.5, 10]);
  });
  it.each(['10', 'x10', '0x', '-2x', 'tenx', '5000x'])('refuses %s with a user error', (raw) => {
    let error: unknown;
    try {
      parseFactor(raw);
    } catch (e) {
      error = e;
    }
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/--what-if must be a load factor such as 2x, 10x or 0.5x/);
  });
});

describe('what-if on profiles that cross a stage', () => {
  it('takes the example from Growth to Scale at 10x and names the findings that come with it', () => {
    const a = evaluateWhatIf(inputsOf(EXAMPLE), 10);
    expect(a.whatIf).toMatchObject({ label: '10x load', factor: 10, stage: { from: 'growth', to: 'scale' } });
    // Scale-stage symptoms of a single-zone, single-balancer system appear
    expect(a.whatIf!.appear.map((f) => f.rule)).toEqual(expect.arrayContaining(['multi-az', 'lb-redundancy']));
    expect(a.stage.decided_by).toEqual({ fact: 'traffic.monthly_active_users', value: 480000 });
  });

  it('shows projected evidence with the measured value beside it', () => {
    const a = evaluateWhatIf(inputsOf(EXAMPLE), 10);
    const cpu = a.findings.flatMap((f) => f.evidence).find((e) => e.fact === 'traffic.monthly_active_users' || e.fact === 'database.cpu_p95_pct');
    expect(cpu).toMatchObject({ provenance: 'projected' });
    expect(cpu!.baseline).toBeDefined();
    expect(cpu!.value).not.toEqual(cpu!.baseline);
  });

  it('takes a healthy MVP to Growth at 10x: the database findings of a busy primary appear', () => {
    const a = evaluateWhatIf(inputsOf(join(CASES, 'healthy-mvp.yaml')), 10);
    expect(a.whatIf!.stage).toEqual({ from: 'mvp', to: 'growth' });
    expect(a.whatIf!.appear.map((f) => f.rule)).toEqual(expect.arrayContaining(['db-cpu-saturated', 'db-connection-pooling']));
    expect(a.whatIf!.disappear).toEqual([]);
  });

  it('takes the example back to MVP at 0.1x, and its load symptoms disappear', () => {
    const a = evaluateWhatIf(inputsOf(EXAMPLE), 0.1);
    expect(a.whatIf!.stage).toEqual({ from: 'growth', to: 'mvp' });
    expect(a.whatIf!.disappear.map((f) => f.rule)).toEqual(expect.arrayContaining(['db-cpu-saturated', 'db-connection-pooling']));
  });

  it('leaves team size alone: a team-bound finding neither appears nor disappears', () => {
    const a = evaluateWhatIf(inputsOf(EXAMPLE), 10);
    expect(a.facts.get('team.engineers')).toMatchObject({ provenance: 'declared' });
    const team = (rules: { rule: string }[]) => rules.filter((f) => /team|platform/.test(f.rule));
    expect(team(a.whatIf!.appear)).toEqual([]);
    expect(team(a.whatIf!.disappear)).toEqual([]);
  });
});

describe('what-if and memory', () => {
  it('scales CPU with the load but leaves memory use as measured', () => {
    const file = profileFile(
      'version: 1\ntraffic: { monthly_active_users: 20000 }\n' +
        'database: { cpu_p95_pct: 30, memory_p95_pct: 60 }\narchitecture: { app_cpu_p95_pct: 20, app_memory_p95_pct: 50 }\n',
    );
    const a = evaluateWhatIf(inputsOf(file), 3);
    expect(a.facts.get('database.cpu_p95_pct')).toMatchObject({ value: 90, provenance: 'projected', baseline: 30 });
    expect(a.facts.get('architecture.app_cpu_p95_pct')).toMatchObject({ value: 60, provenance: 'projected' });
    expect(a.facts.get('database.memory_p95_pct')).toMatchObject({ value: 60, provenance: 'declared' });
    expect(a.facts.get('architecture.app_memory_p95_pct')).toMatchObject({ value: 50, provenance: 'declared' });
  });
});
