// The CI formats of `check`, against their consumers' contracts: SARIF 2.1.0
// validated by the official schema (draft-04), JUnit parsed as XML, GitHub
// workflow commands escaped as the runner reads them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load.js';
import { evaluate } from '../../src/engine/assessment.js';
import { checkOutcome, evaluatedRuleIds } from '../../src/decisions/check.js';
import { withDetails } from '../../src/engine/catalog.js';
import { formatSarif, SARIF_CATEGORY } from '../../src/report/sarif.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatGithub, workflowCommand } from '../../src/report/github.js';
import { ROOT } from '../helpers/assess.js';

const require = createRequire(import.meta.url);
const SARIF_SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// The schema's `language` pattern is valid only without the u flag.
// Both are CommonJS modules whose class or function is their `default` export.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(SARIF_SCHEMA);

const NOW = new Date('2026-12-04T12:00:00Z');

/** Run the check pipeline on the example profile (one waived finding), or on profile text in a temp dir. */
function run(profileText?: string) {
  let profile = join(ROOT, 'examples', 'scale-advise.yaml');
  let cwd = ROOT;
  if (profileText) {
    cwd = mkdtempSync(join(tmpdir(), 'sa-fmt-'));
    profile = join(cwd, 'scale-advise.yaml');
    writeFileSync(profile, profileText);
  }
  const inputs = load({ cwd, profile, now: NOW });
  const a = evaluate(inputs);
  const outcome = checkOutcome(a, inputs.decisions, NOW, { threshold: { severity: 'medium', kinds: ['warning-sign', 'pitfall'] } });
  const report = { assessment: a, outcome, evaluatedRules: evaluatedRuleIds(inputs.catalog.rules, a) };
  return { a, report, ctx: { colorLevel: 0 as const, rules: new Map(inputs.catalog.rules.map((r) => [r.id, withDetails(r)])) } };
}

interface SarifResult {
  ruleId: string;
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: unknown[];
}

describe('SARIF', () => {
  const { a, report, ctx } = run();
  const log = JSON.parse(formatSarif(report, ctx));
  const results = log.runs[0].results as SarifResult[];

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validateSarif(log), ajv.errorsText(validateSarif.errors)).toBe(true);
    expect(results.length).toBe(a.findings.length);
  });

  it('gives every result a location at the profile line of the fact that triggered it', () => {
    const pooling = results.find((r) => r.ruleId === 'db-connection-pooling')!;
    const line = readFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), 'utf8').split('\n')[pooling.locations[0]!.physicalLocation.region.startLine - 1];
    expect(line).toMatch(/^\s+connections_used_pct:/);
    for (const r of results) {
      expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe('examples/scale-advise.yaml');
      expect(r.locations[0]!.physicalLocation.region.startLine).toBeGreaterThan(0);
    }
  });

  it('keeps fingerprints when lines move, and keeps one category and a deterministic order', () => {
    const text = readFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), 'utf8');
    const moved = run(`# a comment\n# and another\n${text.replace('rules:', '# rules:')}`);
    const movedLog = JSON.parse(formatSarif(moved.report, moved.ctx));
    const movedResults = movedLog.runs[0].results as SarifResult[];
    expect(movedResults.map((r) => r.partialFingerprints)).toEqual(results.map((r) => r.partialFingerprints));
    expect(movedResults[0]!.locations[0]!.physicalLocation.region.startLine).toBe(results[0]!.locations[0]!.physicalLocation.region.startLine + 2);
    expect(movedLog.runs[0].automationDetails.id).toBe(SARIF_CATEGORY);
    const ids = results.map((r) => r.ruleId);
    expect(ids).toEqual([...ids].sort());
  });

  it('marks failing findings as errors and a waived one as suppressed', () => {
    expect(results.find((r) => r.ruleId === 'db-connection-pooling')!.level).toBe('error');
    expect(results.find((r) => r.ruleId === 'cache-missing')!.level).toBe('warning'); // a recommendation: open, below the gate
    const waived = results.find((r) => r.ruleId === 'db-read-replicas')!;
    expect(waived.level).toBe('note');
    expect(waived.suppressions).toHaveLength(1);
  });

  it('describes every rule in full and links its section of docs/rules.md', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
    const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    const rules = log.runs[0].tool.driver.rules as { id: string; helpUri: string; fullDescription: { text: string } }[];
    expect(rules.length).toBe(a.completeness.rules_evaluated);
    for (const r of rules) {
      const anchor = r.helpUri.split('#')[1]!;
      // The repository package.json names: where the docs are published with the code.
      expect(r.helpUri.startsWith(`${repository}/blob/`) || r.helpUri.startsWith(`${repository}/tree/`), r.helpUri).toBe(true);
      expect(r.helpUri).toMatch(/\/docs\/rules\.md#/);
      expect(docs).toContain(`<a id="${anchor}"></a>`);
      expect(r.fullDescription.text.length).toBeGreaterThan(80);
    }
  });
});

describe('JUnit', () => {
  const { a, report, ctx } = run();
  const xml = formatJunit(report, ctx);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' }).parse(xml);

  it('parses as XML with one test case per evaluated rule, failing while it fails the gate', () => {
    const suite = doc.testsuites.testsuite;
    const cases = suite.testcase as { name: string; failure?: { message: string }; skipped?: unknown; 'system-out'?: string }[];
    const failing = report.outcome.failing.map((f) => f.rule).sort();
    expect(failing.length).toBeGreaterThan(0);
    expect(cases.length).toBe(a.completeness.rules_evaluated);
    expect(Number(suite.tests)).toBe(cases.length);
    expect(cases.filter((c) => c.failure).map((c) => c.name).sort()).toEqual(failing);
    expect(Number(suite.failures)).toBe(failing.length);
    expect(Number(doc.testsuites.failures)).toBe(failing.length);
    // cache-missing is a recommendation: open, but below the gate, so it passes and says why.
    const below = cases.find((c) => c.name === 'cache-missing')!;
    expect(below.failure).toBeUndefined();
    expect(below['system-out']).toMatch(/^open, recommendation of \w+ severity, below the gate/);
    expect(cases.filter((c) => c.skipped !== undefined).map((c) => c.name)).toEqual(['db-read-replicas']);
    expect(cases.find((c) => c.name === 'db-cpu-saturated')!.failure!.message).toMatch(/92% CPU/);
  });

  it('counts as failures only what fails at the --fail-on threshold', () => {
    const inputs = load({ cwd: ROOT, profile: join(ROOT, 'examples', 'scale-advise.yaml'), now: NOW });
    const strict = evaluate(inputs);
    const outcome = checkOutcome(strict, inputs.decisions, NOW, { threshold: { severity: 'critical', kinds: ['warning-sign', 'pitfall'] } });
    const xml2 = formatJunit({ assessment: strict, outcome, evaluatedRules: evaluatedRuleIds(inputs.catalog.rules, strict) }, ctx);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' }).parse(xml2);
    const cases = parsed.testsuites.testsuite.testcase as { name: string; failure?: unknown; 'system-out'?: string }[];
    expect(Number(parsed.testsuites.failures)).toBe(outcome.failing.length);
    expect(cases.filter((c) => c.failure).length).toBe(outcome.failing.length);
    expect(cases.find((c) => c.name === 'db-cpu-saturated')!['system-out']).toMatch(/below the gate/);
  });

  it('escapes what XML cannot hold as it is', () => {
    const tricky = run('version: 1\nproject:\n  name: "<acme & co>"\ndatabase:\n  cpu_p95_pct: 92\ntraffic:\n  monthly_active_users: 48000\n');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(formatJunit(tricky.report, tricky.ctx));
    expect(parsed.testsuites).toBeDefined();
  });
});

describe('GitHub workflow commands', () => {
  it('escape data and properties as the runner expects', () => {
    expect(workflowCommand('error', '50% done\nnext', { file: 'a,b:c.yaml', position: { line: 3, column: 2 }, title: 'x, y' })).toBe(
      '::error file=a%2Cb%3Ac.yaml,line=3,col=2,title=x%2C y::50%25 done%0Anext',
    );
  });

  it('annotate only open findings, each on one line', () => {
    const { a, report } = run();
    const lines = formatGithub(report).trimEnd().split('\n');
    const annotations = lines.filter((l) => l.startsWith('::'));
    expect(annotations.length).toBe(a.findings.filter((f) => f.status === 'open').length);
    expect(annotations.some((l) => l.includes('title=db-read-replicas'))).toBe(false);
  });
});
