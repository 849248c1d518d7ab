// The JSON report carries every stable key of spec/OUTPUT.md, with the same types.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonReportObject } from '../src/report/json.js';
import { assessFile, ROOT } from './helpers/assess.js';

const SPEC = join(ROOT, '..', 'shared', 'spec', 'OUTPUT.md');
// The report example of spec/OUTPUT.md, kept beside the tests so they run in any checkout.
const EXAMPLE = join(ROOT, 'test', 'fixtures', 'spec', 'report-example.json');

function shape(v: unknown, path: string, out: Map<string, string>) {
  const t = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
  out.set(path, t);
  if (Array.isArray(v) && v.length) shape(v[0], `${path}[]`, out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) shape(x, `${path}.${k}`, out);
}

describe('JSON report', () => {
  const report = jsonReportObject(assessFile(join(ROOT, 'examples', 'scale-advise.yaml')));

  it.runIf(existsSync(SPEC))('keeps its copy of the specification example current', () => {
    const block = /```json\n([\s\S]*?)```/.exec(readFileSync(SPEC, 'utf8'))![1]!;
    expect(JSON.parse(readFileSync(EXAMPLE, 'utf8'))).toEqual(JSON.parse(block));
  });

  it('has every key of the specification, with the same type', () => {
    const spec = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const want = new Map<string, string>();
    const got = new Map<string, string>();
    shape(spec, '$', want);
    shape(report, '$', got);
    const mismatches = [...want]
      .filter(([path, type]) => {
        const actual = got.get(path);
        if (actual === type) return false;
        // null stands for "or a value" in the example: addressed_by, decided_by
        return !(type === 'null' || (path.endsWith('.value') && actual !== undefined));
      })
      .map(([path, type]) => `${path}: spec ${type}, report ${got.get(path)}`);
    expect(mismatches).toEqual([]);
  });

  it('places the example system and fills every finding', () => {
    expect(report.schema_version).toBe(1);
    expect(report.stage).toMatchObject({ id: 'growth', index: 2, name: 'Growth', model: 'default', decided_by: { fact: 'traffic.monthly_active_users', value: 48000 } });
    expect(report.stage.dimensions).toEqual({ traffic: 'growth', data: 'growth', organization: 'scale' });
    for (const f of report.findings) {
      expect(f.evidence.length, f.rule).toBeGreaterThan(0);
      expect(f.sources.length, f.rule).toBeGreaterThan(0);
      for (const e of f.evidence) if (e.provenance === 'declared') expect(e.line, `${f.rule} ${e.fact}`).toBeGreaterThan(0);
    }
    expect(report.findings.find((f) => f.rule === 'db-read-replicas')?.status).toBe('waived');
    expect(report.summary.waived).toBe(1);
    expect(report.summary.open).toBe(report.findings.length - 1);
  });

  it('carries the day of the assessment, when each open finding was first seen open, and the waivers with days left', () => {
    // assessFile judges dates as of 2026-11-23
    expect(report.assessed_on).toBe('2026-11-23');
    for (const f of report.findings) expect(f.open_since, f.rule).toBe(f.status === 'open' ? '2026-11-23' : null);
    // the example's one waiver runs until 2027-03-31: 7 days of November, then 31 + 31 + 28 + 31
    expect(report.waivers).toEqual([{ rule: 'db-read-replicas', scope: null, owner: 'platform@acme.example', reason: 'Migrating to Aurora in Q1; replicas come with it.', expires: '2027-03-31', days_left: 128 }]);
  });
});
