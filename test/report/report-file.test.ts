// Reading an earlier JSON report (portfolio, --compare): a file that is not one is refused in the same words everywhere.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotAReportError, readJsonReport, REPORT_EXPECTED } from '../../src/report/report-file.js';
import { REPORTS } from '../../src/report/index.js';
import { buildProgram } from '../../src/cli/main.js';
import { isUserError } from '../../src/util/errors.js';
import { ROOT } from '../helpers/assess.js';
import { exampleReport } from '../helpers/portfolio-reports.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const EXAMPLE = join(ROOT, 'examples', 'scale-advise.yaml');
const dir = mkdtempSync(join(tmpdir(), 'sa-report-file-'));
const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));

const NOT_REPORTS: [string, string, RegExp][] = [
  ['array.json', '[1, 2]\n', /array\.json:1:1: not a scale-advise JSON report: it holds an array/],
  ['null.json', 'null\n', /null\.json:1:1: not a scale-advise JSON report: it holds null/],
  ['empty.json', '', /empty\.json:1:1: not a scale-advise JSON report: the file is empty/],
  ['package.json', '{\n  "name": "shop",\n  "version": "1.0.0"\n}\n', /package\.json:1:1: not a scale-advise JSON report: no `schema_version`/],
  ['broken.json', '{\n  "schema_version": 1,\n  "stage": {\n}\n', /broken\.json:\d+:\d+: not a scale-advise JSON report: invalid JSON \(/],
  ['other-tool.json', '{\n  "schema_version": 1,\n  "tool": { "name": "eslint" }\n}\n', /other-tool\.json:3:21: not a scale-advise JSON report: written by "eslint"/],
  ['no-stage.json', '{\n  "schema_version": 1,\n  "findings": []\n}\n', /no-stage\.json:1:1: not a scale-advise JSON report: `stage` is missing/],
];

describe('readJsonReport: a file that is not a scale-advise JSON report', () => {
  it.each(NOT_REPORTS)('%s says "not a scale-advise JSON report", where, and what was expected', (name, text, said) => {
    const path = write(name, text);
    let error: unknown;
    try {
      readJsonReport(path, name);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotAReportError);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(said);
    expect((error as Error).message).toContain(`(${REPORT_EXPECTED})`);
  });

  it('the hint names only commands and formats that exist', async () => {
    const named = [...REPORT_EXPECTED.matchAll(/`scale-advise (\w+) --format (\w+)`/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(named).toEqual([['assess', 'json'], ['check', 'json']]);
    const commands = (await buildProgram(async () => {})).commands.map((c) => c.name());
    for (const [command, format] of named) {
      expect(commands).toContain(command);
      expect(REPORTS[command === 'assess' ? 'assessment' : 'check'][format]).toBeDefined();
    }
  });

  it('a report of another schema version is a report still, refused for its version', () => {
    const path = write('v2.json', JSON.stringify({ ...exampleReport(), schema_version: 2 }, null, 2));
    expect(() => readJsonReport(path, 'v2.json')).toThrow(/^v2\.json:2:\d+: a report of schema_version 2; this scale-advise reads reports of schema_version 1/);
    expect(() => readJsonReport(path, 'v2.json')).not.toThrow(NotAReportError);
  });

  it('portfolio and --compare refuse it in the same words, exit 2, no stack trace', () => {
    write('package.json', '{\n  "name": "shop"\n}\n');
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SCALE_ADVISE_NOW: '2026-12-07' } });
    const said = `package.json:1:1: not a scale-advise JSON report: no \`schema_version\` (${REPORT_EXPECTED})`;
    for (const r of [run(['portfolio', 'package.json']), run(['assess', '--no-detect', '-p', EXAMPLE, '--compare', 'package.json']), run(['check', '-p', EXAMPLE, '--compare', 'package.json'])]) {
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`scale-advise: ${said}\n`);
    }
  });
});
