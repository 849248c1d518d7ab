// The built-in rules run compiled to JavaScript; the report must not change
// by a byte compared with running them through cel-js, on the example and on
// every profile fixture. test/property/compiled-cel.property.test.ts compares
// the expressions one by one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCatalogExpressions } from '../../src/build/catalog-expressions.js';
import { compileCel, UnsupportedCel } from '../../src/build/cel-compile.js';
import { assess } from '../../src/core.js';
import * as celRuntime from '../../src/engine/cel-runtime.js';
import type { Rule } from '../../src/model.js';
import { useCompiledCatalog } from '../../src/engine/expr.js';
import { formatJson } from '../../src/report/json.js';
import { ROOT, yamlFilesUnder } from '../helpers/assess.js';

/** The JSON report of a profile, or null when it does not load (not a profile, or a broken one). */
function report(profile: string): string | null {
  try {
    return formatJson(assess({ cwd: ROOT, profile, now: new Date('2026-11-23T12:00:00Z') }));
  } catch {
    return null;
  }
}

describe('the build-time CEL compiler', () => {
  /** The compiled form of an expression, loaded as the build's output is: from a file. */
  const run = (source: string, ctx: Record<string, unknown>) => {
    const file = join(mkdtempSync(join(tmpdir(), 'sa-cel-')), 'expression.cjs');
    writeFileSync(file, `module.exports = ${compileCel(source).code};\n`);
    return (createRequire(import.meta.url)(file) as (r: typeof celRuntime, c: Record<string, unknown>) => unknown)(celRuntime, ctx);
  };

  it('translates the subset the rules use, with the facts each expression reads', () => {
    const c = compileCel("has(architecture.cache) && architecture.components.exists(c, c.cpu_share_pct >= 40) ? string(int(traffic.peak_rps)) + ' rps' : 'none'");
    expect(c.reads).toEqual(['architecture.cache', 'architecture.components', 'traffic.peak_rps']);
    const facts = { architecture: { cache: 'redis', components: [{ cpu_share_pct: 50 }] }, traffic: { peak_rps: 1200.7 } };
    expect(run("has(architecture.cache) && architecture.components.exists(c, c.cpu_share_pct >= 40) ? string(int(traffic.peak_rps)) + ' rps' : 'none'", facts)).toBe('1200 rps');
  });

  it('refuses a construct outside the subset, naming it, rather than running it some other way', () => {
    for (const [source, construct] of [
      ["'abc'.matches('a+')", 'the method .matches()'],
      ['traffic.peak_rps % 2 == 0', 'the operator %'],
      ['{"a": 1}.a == 1', 'map'],
      ['timestamp("2026-01-01T00:00:00Z") > timestamp("2025-01-01T00:00:00Z")', 'the function timestamp()'],
    ] as const) {
      expect(() => compileCel(source), source).toThrow(UnsupportedCel);
      expect(() => compileCel(source), source).toThrow(construct);
    }
  });

  it('fails the catalog build on such an expression, naming the rule, the field and the construct', () => {
    const rule = { id: 'uses-regex', file: 'rules/x/uses-regex.yaml', when: 'true', message: 'x {= string(size(project.name.split("-")))}', recommendation: 'y', done_when: { '1': "project.name.matches('^a')" } } as unknown as Rule;
    const { problems } = compileCatalogExpressions([rule]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^rule uses-regex: the message placeholder \{= string\(size\(project\.name\.split\("-"\)\)\)\} uses the method \.split\(\)/),
      expect.stringMatching(/^rule uses-regex: the done_when\.1 uses the method \.matches\(\)/),
    ]);
    expect(problems.every((p) => p.file === 'rules/x/uses-regex.yaml')).toBe(true);
  });
});

describe('the compiled catalog', () => {
  afterAll(() => useCompiledCatalog(true));

  it('gives the same JSON report as cel-js on the example and every profile fixture', () => {
    const profiles = [join(ROOT, 'examples', 'scale-advise.yaml'), ...yamlFilesUnder(join(ROOT, 'test'))];
    useCompiledCatalog(true);
    const compiled = profiles.map(report);
    useCompiledCatalog(false);
    const interpreted = profiles.map(report);
    expect(compiled.filter((r) => r !== null).length).toBeGreaterThan(300);
    for (const [i, file] of profiles.entries()) expect(compiled[i], file).toBe(interpreted[i]);
  });

  it('the CLI prints the same report, byte for byte, with cel-js forced', () => {
    const run = (env: Record<string, string>, ...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin', 'scale-advise.cjs'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, SCALE_ADVISE_NOW: '2026-11-23', ...env },
      });
    for (const args of [
      ['assess', '--profile', join(ROOT, 'examples', 'scale-advise.yaml'), '--no-detect', '--format', 'json'],
      ['check', '--profile', join(ROOT, 'test', 'fixtures', 'cases', 'segment-2017.yaml'), '--now', '2026-12-04', '--format', 'json'],
    ]) {
      const compiled = run({}, ...args);
      const interpreted = run({ SCALE_ADVISE_CEL_JS: '1' }, ...args);
      expect(compiled.stdout.length, args.join(' ')).toBeGreaterThan(1000);
      expect(compiled.stdout, args.join(' ')).toBe(interpreted.stdout);
      expect(compiled.status).toBe(interpreted.status);
    }
  });
});
