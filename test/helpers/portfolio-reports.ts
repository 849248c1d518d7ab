// Fifty systems' JSON reports, as each repository's CI would keep them, for
// the portfolio's tests. Built from the example's report, renamed and varied.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonReportObject } from '../../src/report/json.js';
import type { JsonReport } from '../../src/report/report-file.js';
import { assessFile, ROOT } from './assess.js';

export const STAGES = ['mvp', 'growth', 'scale', 'enterprise'] as const;
export const OWNERS = ['team-a', 'team-b', 'team-c'];
/** The day the portfolio is read on: two weeks after the example was assessed (2026-11-23). */
export const PORTFOLIO_DAY = '2026-12-07';

const dayAfter = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * System i: the example's report, renamed, owned by one of three teams, at one
 * of four stages, with its first i % 7 findings resolved; every fifth has its
 * first finding waived until i % 20 days after PORTFOLIO_DAY, every tenth its
 * second waiver expired; for every third the first open warning sign has
 * been open since i days before 2026-11-23; every eighth was written before
 * reports carried dates and waivers.
 */
export function generatedReport(base: JsonReport, i: number): JsonReport {
  const findings = base.findings.slice(i % 7).map((f, j) => ({ ...f, status: j === 0 && i % 5 === 0 ? ('waived' as const) : j === 1 && i % 10 === 0 ? ('expired-waiver' as const) : f.status }));
  const firstSign = findings.findIndex((f) => f.kind === 'warning-sign' && (f.status === 'open' || f.status === 'expired-waiver'));
  const dated = findings.map((f, j) => ({ ...f, open_since: f.status === 'open' || f.status === 'expired-waiver' ? (j === firstSign && i % 3 === 0 ? dayAfter('2026-11-23', -i) : '2026-11-23') : null }));
  const waivers = [...(base.waivers ?? []), ...(i % 5 === 0 ? [{ rule: findings[0]!.rule, scope: null, owner: 'ops', reason: 'later', expires: dayAfter(PORTFOLIO_DAY, i % 20), days_left: 0 }] : [])];
  const report = { ...base, project: `service-${String(i).padStart(2, '0')}`, owner: OWNERS[i % 3], stage: { ...base.stage, id: STAGES[i % 4] }, findings: dated, waivers } as JsonReport;
  if (i % 8) return report;
  const { assessed_on: _day, waivers: _waivers, ...older } = report;
  return { ...older, findings: older.findings.map(({ open_since: _since, ...f }) => f) } as JsonReport;
}

export function exampleReport(): JsonReport {
  return jsonReportObject(assessFile(join(ROOT, 'examples', 'scale-advise.yaml'))) as JsonReport;
}

/** The fifty reports, and a folder holding them as `gh run download` unpacks artefacts: one folder each. */
export function writeGeneratedReports(): { dir: string; reports: JsonReport[] } {
  const base = exampleReport();
  const dir = mkdtempSync(join(tmpdir(), 'sa-portfolio-'));
  const reports: JsonReport[] = [];
  for (let i = 0; i < 50; i++) {
    const r = generatedReport(base, i);
    reports.push(r);
    mkdirSync(join(dir, 'artefacts', `service-${i}`), { recursive: true });
    writeFileSync(join(dir, 'artefacts', `service-${i}`, 'scale-advise.json'), JSON.stringify(r, null, 2));
  }
  return { dir, reports };
}
