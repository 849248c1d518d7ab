// `scale-advise portfolio` over fifty systems' reports, as CI artefacts would unpack them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/report-file.js';
import { buildPortfolio, formatPortfolioMarkdown, formatPortfolioText } from '../../src/report/portfolio.js';
import { formatPortfolioHtml } from '../../src/report/portfolio-html.js';
import { ROOT } from '../helpers/assess.js';
import { exampleReport, generatedReport, PORTFOLIO_DAY, STAGES, writeGeneratedReports } from '../helpers/portfolio-reports.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const cli = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, 'portfolio', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SCALE_ADVISE_NOW: PORTFOLIO_DAY } });
const OPTS = { now: new Date(`${PORTFOLIO_DAY}T12:00:00Z`), window: 14 };

describe('portfolio of 50 generated reports', () => {
  let dir: string;
  let reports: JsonReport[] = [];
  let openHigh: (r: JsonReport) => number;
  let plain: ReturnType<typeof cli> | undefined;
  /** `portfolio artefacts`, run once: fifty reports take a few seconds to read */
  const plainRun = () => (plain ??= cli(['artefacts'], dir));
  const rowsOf = (stdout: string) => new Map(stdout.split('\n').filter((l) => l.startsWith('service-')).map((l) => [l.slice(0, 10), l.split(/\s{2,}/)]));

  beforeAll(() => {
    ({ dir, reports } = writeGeneratedReports());
    openHigh = (r) => r.findings.filter((f) => (f.status === 'open' || f.status === 'expired-waiver') && f.severity === 'high').length;
  });

  it('prints one row per system, with its open findings by severity', () => {
    const r = plainRun();
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('service-'));
    expect(rows).toHaveLength(50);
    const row7 = rows.find((l) => l.startsWith('service-07 '))!.split(/\s{2,}/);
    expect(row7.slice(0, 3)).toEqual(['service-07', 'team-b', 'enterprise']);
    expect(Number(row7[4])).toBe(openHigh(reports[7]!));
    expect(r.stdout).toContain(`50 systems, as of ${PORTFOLIO_DAY}.`);
  });

  it('the most urgent systems come first', () => {
    const p = buildPortfolio(reports.map((report, i) => ({ file: `${i}.json`, report })), null, OPTS);
    const highs = p.groups[0]!.rows.map((row) => row.open.critical * 1000 + row.open.high);
    expect(highs).toEqual([...highs].sort((a, b) => b - a));
  });

  it('counts waivers and expired waivers, an expired one as still open', () => {
    const p = buildPortfolio([{ file: 'x.json', report: reports[10]! }], null, OPTS);
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
    const p = buildPortfolio([{ file: 'x.json', report: reports[0]! }], 'topic', OPTS);
    const topic = reports[0]!.findings.find((f) => f.status === 'open')!.topics[0]!;
    const row = p.groups.find((g) => g.key === topic)!.rows[0]!;
    const expected = reports[0]!.findings.filter((f) => f.topics.includes(topic) && (f.status === 'open' || f.status === 'expired-waiver')).length;
    expect(Object.values(row.open).reduce((a, b) => a + b, 0)).toBe(expected);
  });

  const OLDEST = 9;
  const EXPIRING = 12;

  it('shows the oldest open warning sign with its age, as of the day it is read', () => {
    const rows = rowsOf(plainRun().stdout);
    // open since the example's day, 2026-11-23: 14 days before the portfolio's day
    expect(rows.get('service-01')![OLDEST]).toMatch(/^[a-z0-9-]+, 14 days$/);
    // service-03's first open warning sign was carried from a report 3 days older
    const first = reports[3]!.findings.find((f) => f.kind === 'warning-sign' && f.status === 'open')!;
    expect(rows.get('service-03')![OLDEST]).toBe(`${first.rule}, 17 days`);
    expect(cli(['artefacts', '--now', '2026-12-08'], dir).stdout).toContain(`${first.rule}, 18 days`);
  });

  it('lists the live waivers that end within 14 days, or the window asked for', () => {
    const rows = rowsOf(plainRun().stdout);
    expect(rows.get('service-05')![EXPIRING]).toBe(`${reports[5]!.findings[0]!.rule} in 5 days`);
    expect(rows.get('service-10')![EXPIRING]).toBe(`${reports[10]!.findings[0]!.rule} in 10 days`);
    expect(rows.get('service-20')![EXPIRING]).toBe(`${reports[20]!.findings[0]!.rule} today`);
    // 15 days left: outside the default window; the example's own waiver runs until March
    expect(rows.get('service-15')![EXPIRING]).toBe('none');
    expect(rows.get('service-01')![EXPIRING]).toBe('none');
    const wider = rowsOf(cli(['artefacts', '--expiring-within', '20'], dir).stdout);
    expect(wider.get('service-15')![EXPIRING]).toBe(`${reports[15]!.findings[0]!.rule} in 15 days`);
    // a day later, the waiver that ended "today" has expired and is no longer listed as expiring
    expect(rowsOf(cli(['artefacts', '--now', '2026-12-08'], dir).stdout).get('service-20')![EXPIRING]).toBe('none');
  });

  it('shows "—" for a report written before reports carried dates and waivers, in every format', () => {
    const rows = rowsOf(plainRun().stdout);
    expect([rows.get('service-08')![OLDEST], rows.get('service-08')![EXPIRING]]).toEqual(['—', '—']);
    expect(rows.get('service-08')![4]).toBe(String(openHigh(reports[8]!)));
    const md = cli(['artefacts', '--format', 'markdown'], dir).stdout.split('\n').find((l) => l.startsWith('| service-08 '))!;
    expect(md.split(' | ').slice(-4)).toEqual(['—', expect.any(String), expect.any(String), '— |']);
  });

  it('with --group-by topic, a waiver about to end shows under its finding\'s topics', () => {
    const p = buildPortfolio([{ file: 'x.json', report: reports[5]! }], 'topic', OPTS);
    const waived = reports[5]!.findings[0]!;
    expect(waived.status).toBe('waived');
    for (const t of waived.topics) {
      const row = p.groups.find((g) => g.key === t)!.rows[0]!;
      expect(row.expiring_waivers).toEqual([expect.objectContaining({ rule: waived.rule, days_left: 5 })]);
    }
  });

  it('writes one HTML page with a row per system', () => {
    const r = cli(['artefacts', '--format', 'html', '--group-by', 'owner'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout.match(/<tr data-stage=/g)).toHaveLength(50);
    expect(r.stdout).toContain('owner: team-a (17 systems)');
  });

  it('refuses a window that is not a number of days', () => {
    expect(cli(['artefacts', '--expiring-within', 'soon'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('--expiring-within must be a whole number of days') });
  });

  it('refuses a report whose dates are not days, naming where', () => {
    const bad = { ...reports[1]!, findings: reports[1]!.findings.map((f, j) => (j === 0 ? { ...f, open_since: 'last week' } : f)) };
    writeFileSync(join(dir, 'bad-date.json'), JSON.stringify(bad, null, 2));
    const r = cli(['bad-date.json'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad-date\.json:\d+:\d+: not a scale-advise JSON report: `findings\.0\.open_since` must be a day as YYYY-MM-DD; got "last week"/);
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
    expect(cli(['empty'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('empty: holds no .json file (expected a directory of reports') });
    expect(cli(['missing.json'], dir).status).toBe(2);
  });
});

describe('a value a report does not carry', () => {
  // no project.owner, no stage id, written before reports carried dates and waivers
  const older = generatedReport(exampleReport(), 8);
  const { owner: _owner, ...unowned } = { ...older, stage: { ...older.stage, id: null } } as JsonReport & { owner?: string };
  const p = buildPortfolio([{ file: 'old.json', report: unowned as JsonReport }], null, OPTS);

  it('shows "—" (an em dash) in every column and every format, never "-" or "unknown"', () => {
    const text = formatPortfolioText(p).split('\n').find((l) => l.startsWith('service-08 '))!.split(/\s{2,}/);
    expect([text[1], text[2], text[9], text[12]]).toEqual(['—', '—', '—', '—']);
    const md = formatPortfolioMarkdown(p).split('\n').find((l) => l.startsWith('| service-08 '))!.split(' | ');
    expect([md[1], md[2], md[9], md[12]]).toEqual(['—', '—', '—', '— |']);
    const html = formatPortfolioHtml(p);
    expect(html.match(/<td[^>]*>—<\/td>/g)).toHaveLength(4);
    for (const out of [text.join('|'), md.join('|'), html]) expect(out).not.toMatch(/>-<|\|-\||>unknown<|\|unknown\|/);
  });

  it('the legend under every table says what "—" means', () => {
    for (const out of [formatPortfolioText(p), formatPortfolioMarkdown(p), formatPortfolioHtml(p)]) {
      expect(out.replace(/&quot;/g, '"')).toMatch(/"—": the report does not carry it \(a profile without project\.owner, or a report written before reports carried dates and waivers\)/);
    }
  });
});

describe('portfolio DIR: what a walk reads and passes over', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sa-portfolio-walk-'));
  const put = (path: string, content: unknown) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  };
  const base = exampleReport();
  put('reports/svc-a/scale-advise.json', generatedReport(base, 1));
  put('reports/svc-b/scale-advise.json', generatedReport(base, 2));
  // never entered: reports there would count, other files there would warn
  put('reports/.git/objects/report.json', { ...generatedReport(base, 3), project: 'in-git' });
  put('reports/node_modules/pkg/report.json', { ...generatedReport(base, 4), project: 'in-node-modules' });
  put('reports/node_modules/pkg/package.json', { name: 'pkg' });
  put('reports/svc-a/.scale-advise/collected.json', { facts: {} });
  // met while walking: passed over, each with one line on stderr
  put('reports/svc-b/package.json', { name: 'svc-b', version: '1.0.0' });
  put('reports/svc-b/broken.json', '{\n  "schema_version": 1,\n');
  put('others/tsconfig.json', { compilerOptions: {} });

  it('skips .git, node_modules and .scale-advise, and passes over a non-report with a one-line warning', () => {
    const r = cli(['reports'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /^(service-|in-)/.test(l)).map((l) => l.split(' ')[0])).toEqual(['service-01', 'service-02']);
    expect(r.stdout).toContain('2 systems, as of');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^scale-advise: warning: reports\/svc-b\/broken\.json:\d+:\d+: not a scale-advise JSON report: invalid JSON \(.+\); skipped$/),
      'scale-advise: warning: reports/svc-b/package.json:1:1: not a scale-advise JSON report: no `schema_version`; skipped',
    ]);
  });

  it('a non-report named on the command line is an error: exit 2, the path named', () => {
    const r = cli(['reports', 'reports/svc-b/package.json'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('scale-advise: reports/svc-b/package.json:1:1: not a scale-advise JSON report: no `schema_version` (expected a report as `scale-advise assess --format json`');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('a directory with no report among its .json files is an error', () => {
    const r = cli(['others'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('scale-advise: others: holds no scale-advise JSON report; its one .json file was skipped');
  });
});

/** The ```json example under a heading of a Markdown page. */
function documentedExample(page: string, heading: string): unknown {
  const md = readFileSync(join(ROOT, page), 'utf8');
  const section = md.slice(md.indexOf(`\n${heading}\n`));
  const m = /```json\n([\s\S]*?)\n```/.exec(section);
  if (!md.includes(`\n${heading}\n`) || !m) throw new Error(`${page}: no JSON example under "${heading}"`);
  return JSON.parse(m[1]!);
}

/**
 * Where `real` differs in shape from the documented example: the same keys at
 * every level, the same JSON types; null on either side stands for any value
 * (the example shows each nullable key both ways). Every element of an array
 * is held against every documented element.
 */
function shapeDifferences(doc: unknown, real: unknown, at = '$'): string[] {
  if (doc === null || real === null) return [];
  const kind = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v);
  if (kind(doc) !== kind(real)) return [`${at}: documented ${kind(doc)}, written ${kind(real)}`];
  if (Array.isArray(doc)) return (real as unknown[]).flatMap((r, i) => doc.flatMap((d) => shapeDifferences(d, r, `${at}[${i}]`)));
  if (typeof doc !== 'object') return [];
  const [dk, rk] = [Object.keys(doc as object), Object.keys(real as object)];
  const keys = [...dk.filter((k) => !rk.includes(k)).map((k) => `${at}.${k}: documented, not written`), ...rk.filter((k) => !dk.includes(k)).map((k) => `${at}.${k}: written, not documented`)];
  return [...keys, ...dk.filter((k) => rk.includes(k)).flatMap((k) => shapeDifferences((doc as Record<string, unknown>)[k], (real as Record<string, unknown>)[k], `${at}.${k}`))];
}

describe('portfolio --format json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sa-portfolio-json-'));
  const put = (path: string, content: unknown) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(content, null, 2));
  };
  const base = exampleReport();
  // a waiver ending in 5 days and a dated warning sign; a report without dates; one without an owner
  put('reports/svc-05/scale-advise.json', generatedReport(base, 5));
  put('reports/svc-08/scale-advise.json', generatedReport(base, 8));
  const { owner: _owner, ...unowned } = generatedReport(base, 11) as JsonReport & { owner?: string };
  put('reports/svc-11/scale-advise.json', unowned);
  put('reports/svc-11/package.json', { name: 'svc-11' });
  type Out = ReturnType<typeof import('../../src/report/portfolio.js').portfolioJsonObject>;
  let out: Out;

  beforeAll(() => {
    const r = cli(['reports', '--group-by', 'owner', '--format', 'json'], dir);
    expect(r.status).toBe(0);
    out = JSON.parse(r.stdout) as Out;
  });

  it('has the keys and shape of the example in docs/portfolio.md', () => {
    const example = documentedExample('docs/portfolio.md', '## The JSON output (`--format json`)');
    expect(shapeDifferences(example, out)).toEqual([]);
    // the written output has a value of every nullable key, so the comparison above covers them
    const rows = out.groups.flatMap((g) => g.rows);
    expect(rows.some((r) => r.oldest_warning_sign !== null && r.expiring_waivers?.length)).toBe(true);
    expect(out.skipped.length).toBe(1);
  });

  it('carries the same values as the table, null where it shows "—"', () => {
    expect(out).toMatchObject({ portfolio_version: 1, tool: { name: 'scale-advise' }, as_of: PORTFOLIO_DAY, expiring_within_days: 14, group_by: 'owner', systems: 3 });
    expect(out.groups.map((g) => g.key)).toEqual([null, 'team-c']);
    const row = (system: string) => out.groups.flatMap((g) => g.rows).find((r) => r.system === system)!;
    expect(row('service-11').owner).toBeNull();
    expect(row('service-05').expiring_waivers).toEqual([{ rule: base.findings[5]!.rule, scope: null, owner: 'ops', expires: '2026-12-12', days_left: 5 }]);
    expect(row('service-05').oldest_warning_sign).toMatchObject({ since: '2026-11-23', days: 14 });
    expect([row('service-08').oldest_warning_sign, row('service-08').expiring_waivers]).toEqual([null, null]);
    expect(row('service-08').open.high).toBeGreaterThan(0);
    expect(out.skipped).toEqual([{ file: join('reports', 'svc-11', 'package.json'), line: 1, column: 1, message: 'not a scale-advise JSON report: no `schema_version`' }]);
  });

  it('is listed in --help, and a portfolio written into a folder of reports is passed over there', () => {
    expect(cli(['--help'], dir).stdout).toMatch(/--format <format>\s+output format: text, json, markdown, html/);
    expect(cli(['reports', '--format', 'json', '--output', 'reports/portfolio.json'], dir).status).toBe(0);
    const again = cli(['reports'], dir);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('reports/portfolio.json:1:1: not a scale-advise JSON report: this is the output of `scale-advise portfolio --format json`, not a report of one system; skipped');
  });
});
