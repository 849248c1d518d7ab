// `scale-advise portfolio` over fifty systems' reports, as CI artefacts would unpack them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonReportObject } from '../../src/report/json.js';
import type { JsonReport } from '../../src/report/report-file.js';
import { buildPortfolio } from '../../src/report/portfolio.js';
import { assessFile, ROOT } from '../helpers/assess.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const cli = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, 'portfolio', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const STAGES = ['mvp', 'growth', 'scale', 'enterprise'] as const;
const OWNERS = ['team-a', 'team-b', 'team-c'];

/** System i: the example's report, renamed, owned by one of three teams, at one of four stages, with its first i % 7 findings resolved and, for every fifth, one waiver. */
function generated(base: JsonReport, i: number): JsonReport {
  const findings = base.findings.slice(i % 7).map((f, j) => ({ ...f, status: j === 0 && i % 5 === 0 ? ('waived' as const) : j === 1 && i % 10 === 0 ? ('expired-waiver' as const) : f.status }));
  return { ...base, project: `service-${String(i).padStart(2, '0')}`, owner: OWNERS[i % 3], stage: { ...base.stage, id: STAGES[i % 4] }, findings } as JsonReport;
}

describe('portfolio of 50 generated reports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sa-portfolio-'));
  const reports: JsonReport[] = [];
  let openHigh: (r: JsonReport) => number;

  beforeAll(() => {
    const base = jsonReportObject(assessFile(join(ROOT, 'examples', 'scale-advise.yaml'))) as JsonReport;
    openHigh = (r) => r.findings.filter((f) => (f.status === 'open' || f.status === 'expired-waiver') && f.severity === 'high').length;
    for (let i = 0; i < 50; i++) {
      const r = generated(base, i);
      reports.push(r);
      // as `gh run download` unpacks them: one folder per artefact
      mkdirSync(join(dir, 'artefacts', `service-${i}`), { recursive: true });
      writeFileSync(join(dir, 'artefacts', `service-${i}`, 'scale-advise.json'), JSON.stringify(r, null, 2));
    }
  });

  it('prints one row per system, with its open findings by severity', () => {
    const r = cli(['artefacts'], dir);
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('service-'));
    expect(rows).toHaveLength(50);
    const row7 = rows.find((l) => l.startsWith('service-07 '))!.split(/\s{2,}/);
    expect(row7.slice(0, 3)).toEqual(['service-07', 'team-b', 'enterprise']);
    expect(Number(row7[4])).toBe(openHigh(reports[7]!));
    expect(r.stdout).toContain('50 systems.');
  });

  it('the most urgent systems come first', () => {
    const p = buildPortfolio(reports.map((report, i) => ({ file: `${i}.json`, report })), null);
    const highs = p.groups[0]!.rows.map((row) => row.open.critical * 1000 + row.open.high);
    expect(highs).toEqual([...highs].sort((a, b) => b - a));
  });

  it('counts waivers and expired waivers, an expired one as still open', () => {
    const p = buildPortfolio([{ file: 'x.json', report: reports[10]! }], null);
    const row = p.groups[0]!.rows[0]!;
    const count = (status: string) => reports[10]!.findings.filter((f) => f.status === status).length;
    expect(count('expired-waiver')).toBe(1);
    expect([row.waived, row.expired_waivers]).toEqual([count('waived'), 1]);
    const open = reports[10]!.findings.filter((f) => f.status === 'open' || f.status === 'expired-waiver').length;
    expect(Object.values(row.open).reduce((a, b) => a + b, 0)).toBe(open);
  });

  it('groups by stage and by owner', () => {
    const byStage = cli(['artefacts', '--group-by', 'stage', '--format', 'markdown'], dir);
    expect(byStage.status).toBe(0);
    for (const s of STAGES) expect(byStage.stdout).toContain(`## stage: ${s} (${s === 'mvp' || s === 'growth' ? 13 : 12} systems)`);
    const byOwner = cli(['artefacts', '--group-by', 'owner'], dir).stdout;
    expect(byOwner).toContain('owner: team-a (17 systems)');
    expect(byOwner).toContain('owner: team-c (16 systems)');
  });

  it('groups by topic, counting only that topic\'s findings', () => {
    const p = buildPortfolio([{ file: 'x.json', report: reports[0]! }], 'topic');
    const topic = reports[0]!.findings.find((f) => f.status === 'open')!.topics[0]!;
    const row = p.groups.find((g) => g.key === topic)!.rows[0]!;
    const expected = reports[0]!.findings.filter((f) => f.topics.includes(topic) && (f.status === 'open' || f.status === 'expired-waiver')).length;
    expect(Object.values(row.open).reduce((a, b) => a + b, 0)).toBe(expected);
  });

  it('refuses a report of another schema version, naming the file', () => {
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ ...reports[0], schema_version: 2 }, null, 2));
    const r = cli(['artefacts', 'old.json'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/old\.json:2:\d+: a report of schema_version 2/);
    expect(r.stdout).toBe('');
  });

  it('says what is wrong with a group, a folder or a file', () => {
    expect(cli(['artefacts', '--group-by', 'stag'], dir).stderr).toContain('did you mean "stage"');
    mkdirSync(join(dir, 'empty'), { recursive: true });
    expect(cli(['empty'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('empty: holds no .json report') });
    expect(cli(['missing.json'], dir).status).toBe(2);
  });
});
