// The built-in rules run compiled to JavaScript; the report must not change
// by a byte compared with running them through cel-js, on the example and on
// every profile fixture. test/property/compiled-cel.property.test.ts compares
// the expressions one by one.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assess } from '../../src/core.js';
import { useCompiledCatalog } from '../../src/engine/expr.js';
import { formatJson } from '../../src/report/json.js';
import { ROOT } from '../helpers/assess.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** The JSON report of a profile, or null when it does not load (not a profile, or a broken one). */
function report(profile: string): string | null {
  try {
    return formatJson(assess({ cwd: ROOT, profile, now: new Date('2026-11-23T12:00:00Z') }));
  } catch {
    return null;
  }
}

describe('the compiled catalog', () => {
  afterAll(() => useCompiledCatalog(true));

  it('gives the same JSON report as cel-js on the example and every profile fixture', () => {
    const profiles = [join(ROOT, 'examples', 'scale-advise.yaml'), ...yamlFiles(join(ROOT, 'test'))];
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
