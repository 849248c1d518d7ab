import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { load } from '../../src/load.js';
import { evaluate } from '../../src/engine/assessment.js';
import { ROOT } from '../helpers/assess.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const SMALL = join(ROOT, 'test', 'fixtures', 'evaluate', 'small-shop.yaml');
const EXAMPLE = join(ROOT, 'examples', 'scale-advise.yaml');

// Every module under test gets a node:fs whose reads are recorded and can be
// made to throw, so a test proves that a step reads no file.
const guard = vi.hoisted(() => ({ forbid: false, reads: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  const names = ['readFileSync', 'readdirSync', 'statSync', 'lstatSync', 'existsSync', 'openSync', 'readSync', 'accessSync'];
  const wrapped: Record<string, unknown> = {};
  for (const name of names) {
    const fn = real[name] as (...a: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      if (guard.forbid) throw new Error(`evaluate touched the file system: fs.${name}(${String(args[0])})`);
      if (name === 'readFileSync' || name === 'openSync') guard.reads.push(String(args[0]));
      return fn(...args);
    };
  }
  return { ...real, ...wrapped, default: { ...(real.default as object), ...wrapped } };
});

function forbidFileSystem() {
  guard.forbid = true;
}

describe('load once, evaluate many', () => {
  afterEach(() => {
    guard.forbid = false;
  });

  it('proves its guard works: loading with the file system forbidden fails', () => {
    forbidFileSystem();
    expect(() => load({ cwd: ROOT, profile: EXAMPLE, now: NOW })).toThrow(/touched the file system/);
  });

  it('evaluates without reading a file, and gives the same assessment every time', () => {
    const inputs = load({ cwd: ROOT, profile: EXAMPLE, now: NOW });
    forbidFileSystem();
    const first = evaluate(inputs);
    const second = evaluate(inputs);
    // The roadmap is planned on first read: read it while the guard is up.
    const roadmaps = [first.roadmap, second.roadmap];
    guard.forbid = false;
    expect(second).toEqual(first);
    expect(roadmaps[1]!.phases.flatMap((p) => p.items).length).toBeGreaterThan(5);
    expect(first.findings.length).toBeGreaterThan(5);
    expect(first.stage.id).toBe('growth');
  });

  it('judges waivers by the time in the inputs, not the clock', () => {
    const before = evaluate(load({ cwd: ROOT, profile: EXAMPLE, now: new Date('2027-03-31T12:00:00Z') }));
    const after = evaluate(load({ cwd: ROOT, profile: EXAMPLE, now: new Date('2027-04-01T12:00:00Z') }));
    const waived = before.findings.filter((f) => f.status === 'waived').map((f) => f.rule);
    expect(waived.length).toBeGreaterThan(0);
    for (const rule of waived) expect(after.findings.find((f) => f.rule === rule)?.status).toBe('expired-waiver');
  });

  it('gives different findings at 10x load from one load of the profile', () => {
    guard.reads.length = 0;
    const inputs = load({ cwd: ROOT, profile: SMALL, now: NOW });
    const profileReads = () => guard.reads.filter((p) => p === SMALL).length;
    expect(profileReads()).toBe(1);
    const asIs = evaluate(inputs);
    const tenX = evaluate(inputs, { label: '10x load', factor: 10 });
    expect(profileReads()).toBe(1);

    expect(asIs.stage.id).toBe('mvp');
    expect(tenX.stage.id).toBe('growth');
    expect(tenX.scenario).toEqual({ label: '10x load', factor: 10 });
    const asIsRules = asIs.findings.map((f) => f.rule);
    const appeared = tenX.findings.map((f) => f.rule).filter((r) => !asIsRules.includes(r));
    expect(appeared.length).toBeGreaterThan(0);
  });

  it('marks scaled facts as projected and keeps the measured value beside them', () => {
    const inputs = load({ cwd: ROOT, profile: SMALL, now: NOW });
    const tenX = evaluate(inputs, { factor: 10 });
    const rps = tenX.facts.get('traffic.peak_rps')!;
    expect(rps).toMatchObject({ value: 400, provenance: 'projected', baseline: 40 });
    // A utilisation saturates at 100%; a ratio of the data (read share) does not scale.
    expect(tenX.facts.get('database.cpu_p95_pct')).toMatchObject({ value: 100, baseline: 30 });
    expect(tenX.facts.get('database.read_pct')).toMatchObject({ value: 85, provenance: 'declared' });
    // The team does not grow with load.
    expect(tenX.facts.get('team.engineers')).toMatchObject({ value: 4, provenance: 'declared' });
    // The inputs are untouched: the same inputs still evaluate as they are.
    expect(inputs.facts.get('traffic.peak_rps')).toMatchObject({ value: 40, provenance: 'declared' });
    const cpuEvidence = tenX.findings.flatMap((f) => f.evidence).find((e) => e.fact === 'database.cpu_p95_pct');
    expect(cpuEvidence).toMatchObject({ value: 100, provenance: 'projected', baseline: 30 });
  });

  it('overrides a fact for one evaluation only', () => {
    const inputs = load({ cwd: ROOT, profile: SMALL, now: NOW });
    const over = evaluate(inputs, { overrides: { 'database.cpu_p95_pct': 95 } });
    expect(over.findings.some((f) => f.evidence.some((e) => e.fact === 'database.cpu_p95_pct' && e.value === 95 && e.baseline === 30))).toBe(true);
    expect(evaluate(inputs).facts.get('database.cpu_p95_pct')?.value).toBe(30);
  });

  it('plans the roadmap once, on first read, as part of the assessment', () => {
    const inputs = load({ cwd: ROOT, profile: EXAMPLE, now: NOW });
    const a = evaluate(inputs);
    expect(Object.keys(a)).toContain('roadmap');
    const roadmap = a.roadmap;
    expect(a.roadmap).toBe(roadmap);
    // Copies and JSON carry it like any other property.
    expect({ ...a }.roadmap).toBe(roadmap);
    expect(JSON.parse(JSON.stringify(a)).roadmap).toEqual(JSON.parse(JSON.stringify(roadmap)));
    // The upcoming findings are the projection's.
    expect(roadmap.phases.flatMap((p) => p.items).filter((i) => i.upcoming).length).toBeGreaterThan(0);
    const replaced = { ...roadmap, summary: 'replaced' };
    a.roadmap = replaced;
    expect(a.roadmap).toBe(replaced);
  });
});
