// SARIF 2.1.0 for code scanning. Built as an object and serialised. Every
// result has a location (the profile line of the fact that triggered it),
// fingerprints that survive moved lines, one stable category, and a
// deterministic order, because code scanning rejects or duplicates otherwise.
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { isOpen, type Assessment, type Finding, type RuleCore, type RuleKind, type Severity } from '../model.js';
import { findingFact, findingSubjects } from '../decisions/baseline.js';
import { failsGate, type CheckReport } from '../decisions/check.js';
import { compareStrings } from '../util/compare.js';
import { REPOSITORY_URL, TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { ReportContext } from './index.js';
import { collapseSpace } from '../util/space.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The code-scanning category: one per tool, so runs replace each other instead of piling up. */
export const SARIF_CATEGORY = `${TOOL_NAME}/`;

type Level = 'error' | 'warning' | 'note';

/** What SARIF says about a rule; the context's rule carries its rationale when the details were loaded. */
type RuleDescription = Pick<RuleCore, 'id' | 'title' | 'severity' | 'topics' | 'rationale' | 'user'> & { kind: RuleKind };

/** A shipped rule's entry in docs/rules.md (the `<a id>` anchor of its row in the rule table). */
export function ruleHelpUri(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules.md#${id}`;
}

function defaultLevel(s: Severity): Level {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
}

function artifactUri(path: string): string {
  return isAbsolute(path) ? pathToFileURL(path).href : path.split('\\').join('/');
}

function location(a: Assessment, f: Finding) {
  const fact = findingFact(f);
  const e = f.evidence.find((x) => x.fact === fact && x.line !== null);
  return {
    physicalLocation: {
      artifactLocation: { uri: artifactUri(a.profilePath), ...(isAbsolute(a.profilePath) ? {} : { uriBaseId: '%SRCROOT%' }) },
      // A finding without a declared fact (derived only) still needs a valid location: the profile's top.
      region: { startLine: e?.line ?? 1, startColumn: e?.column ?? 1 },
    },
    ...(fact ? { logicalLocations: findingSubjects(f).map((key) => ({ fullyQualifiedName: key, kind: 'member' })) } : {}),
  };
}

function suppressions(f: Finding) {
  if (f.status === 'addressed') return [{ kind: 'external', status: 'accepted', justification: `addressed by ${f.addressed_by}` }];
  if (f.status === 'waived') return [{ kind: 'external', status: 'accepted', justification: 'a live waiver covers it' }];
  if (f.status === 'baselined') return [{ kind: 'external', status: 'accepted', justification: 'recorded in the baseline' }];
  return undefined;
}

function ruleDescriptor(r: RuleDescription) {
  return {
    id: r.id,
    shortDescription: { text: r.title },
    fullDescription: { text: collapseSpace(r.rationale ?? r.title) },
    ...(r.user ? {} : { helpUri: ruleHelpUri(r.id) }),
    defaultConfiguration: { level: defaultLevel(r.severity) },
    properties: { kind: r.kind, severity: r.severity, tags: [...r.topics] },
  };
}

export function sarifLog({ assessment: a, outcome, evaluatedRules }: CheckReport, ctx: ReportContext) {
  const docs = new Map<string, RuleDescription>();
  for (const id of evaluatedRules) {
    const rule = ctx.rules?.get(id);
    if (rule) docs.set(id, rule);
  }
  // Rules with findings must be described even when the context lacks them.
  for (const f of a.findings) if (!docs.has(f.rule)) docs.set(f.rule, { id: f.rule, title: f.title, kind: f.kind, severity: f.severity, topics: f.topics });
  const rules = [...docs.values()].sort((x, y) => compareStrings(x.id, y.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const findings = [...a.findings].sort((x, y) => compareStrings(x.rule, y.rule) || compareStrings(findingFact(x), findingFact(y)));
  const results = findings.map((f) => {
    const level: Level = !isOpen(f) ? 'note' : failsGate(outcome, f) ? 'error' : 'warning';
    const supp = suppressions(f);
    return {
      ruleId: f.rule,
      ruleIndex: index.get(f.rule)!,
      level,
      message: { text: f.message },
      locations: [location(a, f)],
      partialFingerprints: { 'scaleAdviseFinding/v1': `${f.rule}:${findingSubjects(f).join(',')}` },
      ...(outcome.baseline ? { baselineState: f.status === 'baselined' ? 'unchanged' : 'new' } : {}),
      ...(supp ? { suppressions: supp } : {}),
      properties: { status: f.status, severity: f.severity, kind: f.kind, ...(f.addressed_by ? { addressed_by: f.addressed_by } : {}) },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: REPOSITORY_URL, rules: rules.map(ruleDescriptor) } },
        automationDetails: { id: SARIF_CATEGORY },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'the directory scale-advise ran in (the repository root in CI)' } } },
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
}

export function formatSarif(report: CheckReport, ctx: ReportContext): string {
  return JSON.stringify(sarifLog(report, ctx), null, 2) + '\n';
}
