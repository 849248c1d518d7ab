import { Chalk } from 'chalk';
import type { RuleTestReport } from '../engine/rule-tests.js';
import type { ReportContext } from './index.js';

/** Per rule: each fixture passed or failed (with why), and the fixtures it lacks; then the totals. */
export function formatRuleTestsText(report: RuleTestReport, ctx: ReportContext): string {
  const c = new Chalk({ level: ctx.colorLevel });
  const out: string[] = [];
  for (const r of report.rules) {
    out.push(`${c.bold(r.rule)} ${c.dim(`(${r.file})`)}`);
    for (const f of r.fixtures) {
      out.push(f.ok ? `  ${c.green('ok  ')} ${f.fixture} ${c.dim(f.expect)}` : `  ${c.red('FAIL')} ${f.fixture} ${c.dim(`should ${f.expect === 'fires' ? 'fire' : 'stay silent'}`)}: ${f.reason}`);
    }
    for (const m of r.missing) {
      out.push(`  ${c.red('FAIL')} no ${m === 'fires' ? 'fires' : 'silent'} fixture: add ${m}-${r.rule}.yaml beside the rule, or tests.${m} in it`);
    }
  }
  const verdict = report.failed ? c.red(`${report.failed} failed`) : c.green('all passed');
  out.push('', `${report.rules.length} rule(s), ${report.passed} passed, ${verdict}.`);
  return `${out.join('\n')}\n`;
}

export function formatRuleTestsJson(report: RuleTestReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
