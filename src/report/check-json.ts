import type { CheckReport } from '../decisions/check.js';
import { jsonReportObject } from './json.js';
import { checkNotes, verdictText } from './check-notes.js';

/** The JSON report of spec/OUTPUT.md, with the gate's verdict under `check`. */
export function formatCheckJson({ assessment: a, outcome }: CheckReport): string {
  const report = jsonReportObject(a);
  const summary = { ...report.summary, baselined: a.findings.filter((f) => f.status === 'baselined').length };
  const check = {
    passed: outcome.exitCode === 0,
    verdict: verdictText(outcome),
    threshold: { severity: outcome.threshold.severity, kinds: outcome.threshold.kinds },
    failing: outcome.failing.map((f) => f.rule),
    audit: outcome.audit,
    baseline: outcome.baseline,
    notes: checkNotes(outcome).map((n) => ({ level: n.level, file: n.file, line: n.position?.line ?? null, column: n.position?.column ?? null, message: n.message })),
  };
  return JSON.stringify({ ...report, summary, check }, null, 2) + '\n';
}
