// dist/cli.cjs carries only js-yaml's event parser: the build marks the
// library's top level pure so that esbuild drops the schemas, tags and dumper
// nothing calls (scripts/build.mjs, parserOnlyYaml). The bundled CLI must read
// every profile as the sources do, and its bundle must not carry the rest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core.js';
import { formatJson } from '../../src/report/json.js';
import { ROOT, yamlFilesUnder } from '../helpers/assess.js';

const NOW = '2026-11-23';

describe('the bundled profile reader', () => {
  it('gives the JSON report the sources give, for the example and every YAML file under test/', () => {
    const profiles = [join(ROOT, 'examples', 'scale-advise.yaml'), ...yamlFilesUnder(join(ROOT, 'test'))];
    const out = mkdtempSync(join(tmpdir(), 'sa-bundled-yaml-'));
    // One process runs the bundled CLI on every profile, each report to a file of its own.
    const script = `
      const { main } = require(${JSON.stringify(join(ROOT, 'bin', 'scale-advise.cjs'))});
      const profiles = ${JSON.stringify(profiles)};
      (async () => {
        const codes = [];
        for (const [i, p] of profiles.entries()) {
          codes.push(await main(['assess', '--profile', p, '--format', 'json', '--no-detect', '--now', '${NOW}', '--output', ${JSON.stringify(out)} + '/' + i + '.json']));
        }
        process.stdout.write(JSON.stringify(codes));
      })();`;
    const child = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(child.status, child.stderr).toBe(0);
    const codes = JSON.parse(child.stdout) as number[];
    let compared = 0;
    for (const [i, profile] of profiles.entries()) {
      let expected: string | null;
      try {
        expected = formatJson(assess({ cwd: ROOT, profile, now: new Date(`${NOW}T12:00:00Z`) }));
      } catch {
        expected = null;
      }
      if (expected === null) {
        expect(codes[i], profile).toBe(2);
        continue;
      }
      expect(codes[i], profile).not.toBe(2);
      expect(readFileSync(join(out, `${i}.json`), 'utf8').trimEnd(), profile).toBe(expected.trimEnd());
      compared++;
    }
    expect(compared).toBeGreaterThan(300);
  }, 120_000);

  it("carries js-yaml's event parser without the schemas and dumper it does not use", () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'latin1');
    expect(bundle).toContain('null byte is not allowed in input');
    expect(bundle).not.toContain('tag:yaml.org,2002:timestamp');
    expect(bundle).not.toContain('tag:yaml.org,2002:omap');
  });
});
