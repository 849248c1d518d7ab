// JUnit XML for GitLab and Jenkins: one test case per evaluated rule, failing
// while its finding fails the gate (open, at or above --fail-on, of a kind
// --fail-on-kind names), so the failures agree with the exit code. An open
// finding below the gate passes with its message in system-out. Built as an
// object and serialised by an XML library, which escapes every value.
import { XMLBuilder } from 'fast-xml-parser';
import { isOpen, type Assessment, type Finding, type RuleKind } from '../model.js';
import { failsGate, type CheckOutcome, type CheckReport } from '../decisions/check.js';
import { compareStrings } from '../util/compare.js';
import { TOOL_NAME } from '../version.js';
import type { ReportContext } from './index.js';

function evidenceText(a: Assessment, f: Finding): string {
  return f.evidence.map((e) => `${e.fact} = ${JSON.stringify(e.value)}${e.line ? ` (${a.profilePath}:${e.line}:${e.column ?? 1})` : ''}`).join('\n');
}

function testCase(a: Assessment, r: { id: string; kind: RuleKind }, f: Finding | undefined, outcome: CheckOutcome) {
  const base = { '@_name': r.id, '@_classname': `${TOOL_NAME}.${r.kind}`, '@_file': a.profilePath };
  if (!f) return base;
  if (isOpen(f) && failsGate(outcome, f)) {
    return {
      ...base,
      failure: {
        '@_message': f.message,
        '@_type': `${f.kind}/${f.severity}${f.status === 'expired-waiver' ? '/expired-waiver' : ''}`,
        '#text': `${f.title}\n${evidenceText(a, f)}\n\n${f.recommendation}`,
      },
    };
  }
  if (isOpen(f)) {
    const which = f.status === 'expired-waiver' ? 'open (its waiver has expired)' : 'open';
    return { ...base, 'system-out': `${which}, ${f.kind} of ${f.severity} severity, below the gate: ${f.title}\n${f.message}\n${evidenceText(a, f)}` };
  }
  if (f.status === 'addressed') return { ...base, 'system-out': `addressed by ${f.addressed_by}` };
  return { ...base, skipped: { '@_message': f.status === 'waived' ? 'waived: a live waiver covers it' : 'baselined: recorded in the baseline' } };
}

export function formatJunit({ assessment: a, outcome, evaluatedRules }: CheckReport, ctx: ReportContext): string {
  const byRule = new Map(a.findings.map((f) => [f.rule, f]));
  const rules = new Map<string, { id: string; kind: RuleKind }>();
  for (const id of evaluatedRules) rules.set(id, { id, kind: ctx.rules?.get(id)?.kind ?? 'recommendation' });
  for (const f of a.findings) rules.set(f.rule, { id: f.rule, kind: f.kind });
  const cases = [...rules.values()].sort((x, y) => compareStrings(x.id, y.id)).map((r) => testCase(a, r, byRule.get(r.id), outcome));
  const failures = a.findings.filter((f) => isOpen(f) && failsGate(outcome, f)).length;
  const skipped = a.findings.filter((f) => f.status === 'waived' || f.status === 'baselined').length;
  const suite = {
    '@_name': `${TOOL_NAME} check ${a.profilePath}`,
    '@_tests': cases.length,
    '@_failures': failures,
    '@_errors': 0,
    '@_skipped': skipped,
    testcase: cases,
  };
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: { '@_name': TOOL_NAME, '@_tests': cases.length, '@_failures': failures, '@_errors': 0, '@_skipped': skipped, testsuite: suite },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, processEntities: true });
  return String(builder.build(doc));
}
