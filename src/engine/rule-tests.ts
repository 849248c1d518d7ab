// `rules test`: a user's rules checked the way the built-in ones are (as
// ESLint's RuleTester and `opa test` do for theirs). Each fixture profile
// must make its rule fire, or be evaluated and stay silent.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { nodeRequire } from '../util/node-require.js';
import type { RuleCore } from '../model.js';
import { load } from '../load.js';
import { isUserError, UserError } from '../util/errors.js';
import { evaluate } from './assessment.js';
import { loadCatalog } from './catalog.js';
import { isFixtureName } from './rule-files.js';

export type Expectation = 'fires' | 'silent';

export interface FixtureResult {
  /** the fixture file, or `rule.yaml#tests.fires[0]` for an inline one */
  fixture: string;
  expect: Expectation;
  ok: boolean;
  /** why it failed */
  reason?: string;
}

export interface RuleTestResult {
  rule: string;
  file: string;
  fixtures: FixtureResult[];
  /** expectations with no fixture at all */
  missing: Expectation[];
}

export interface RuleTestReport {
  rules: RuleTestResult[];
  passed: number;
  failed: number;
}

interface Fixture {
  label: string;
  expect: Expectation;
  /** a profile file, or the profile mapping of an inline test */
  path?: string;
  inline?: Record<string, unknown>;
}

/** The fixtures of a rule: files beside it (named for it when the folder holds several rules), then its inline tests. */
function fixturesOf(rule: RuleCore, ruleFile: string, rulesInDir: number, cwd: string): Fixture[] {
  const dir = dirname(ruleFile);
  const out: Fixture[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!isFixtureName(name)) continue;
    const expect: Expectation = name.startsWith('fires') ? 'fires' : 'silent';
    const rest = name.slice(expect.length).replace(/^[-_.]/, '');
    if (rulesInDir > 1 && !rest.startsWith(rule.id)) continue;
    const path = join(dir, name);
    out.push({ label: relative(cwd, path) || path, expect, path });
  }
  const display = relative(cwd, ruleFile) || ruleFile;
  for (const expect of ['fires', 'silent'] as const) {
    (rule.tests?.[expect] ?? []).forEach((profile, i) => out.push({ label: `${display}#tests.${expect}[${i}]`, expect, inline: profile }));
  }
  return out;
}

/** Evaluate one fixture with the rules under test and judge it. */
function runFixture(rule: RuleCore, fixture: Fixture, catalog: ReturnType<typeof loadCatalog>, cwd: string, now: Date): FixtureResult {
  const base = { fixture: fixture.label, expect: fixture.expect };
  let tmp: string | undefined;
  try {
    let path = fixture.path;
    if (fixture.inline) {
      tmp = mkdtempSync(join((nodeRequire()('node:os') as typeof import('node:os')).tmpdir(), 'scale-advise-rule-test-'));
      path = join(tmp, 'scale-advise.yaml');
      writeFileSync(path, stringify(fixture.inline));
    }
    const inputs = load({ cwd, profile: path, now });
    const a = evaluate({ ...inputs, catalog: { ...inputs.catalog, rules: catalog.rules } });
    const stage = a.stage.id;
    if (stage && !rule.stages.includes(stage)) return { ...base, ok: false, reason: `the profile is at stage ${stage}, outside the rule's stages (${rule.stages.join(', ')})` };
    const ne = a.notEvaluated.find((n) => n.rule === rule.id);
    if (ne) return { ...base, ok: false, reason: `not evaluated: the profile lacks ${ne.missing.join(', ')}` };
    const finding = a.findings.find((f) => f.rule === rule.id);
    if (fixture.expect === 'fires') return finding ? { ...base, ok: true } : { ...base, ok: false, reason: 'the rule did not fire' };
    return finding ? { ...base, ok: false, reason: `the rule fired: ${finding.message}` } : { ...base, ok: true };
  } catch (e) {
    if (!isUserError(e)) throw e;
    // A broken fixture is a failing test, said where the fixture is wrong.
    // (an inline profile's line numbers would be those of a copy: name the test item instead)
    const where = tmp ? e.message.replace(new RegExp(`${escapeRegExp(join(tmp, 'scale-advise.yaml'))}(:\\d+:\\d+)?`, 'g'), fixture.label) : e.message;
    return { ...base, ok: false, reason: `the profile is not valid: ${where}` };
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/** Run the fixtures of every rule under the directories. Rule files with mistakes stop the run (UserError). */
export function runRuleTests(dirs: string[], cwd: string, now: Date): RuleTestReport {
  const catalog = loadCatalog(dirs.map((d) => resolve(cwd, d)), cwd);
  const userRules = catalog.rules.filter((r) => r.user);
  if (!userRules.length) throw new UserError(`no rule files in ${dirs.join(', ')}`);
  const perDir = new Map<string, number>();
  for (const r of userRules) perDir.set(dirname(resolve(cwd, r.file!)), (perDir.get(dirname(resolve(cwd, r.file!))) ?? 0) + 1);
  const results: RuleTestResult[] = [];
  for (const rule of userRules) {
    const file = resolve(cwd, rule.file!);
    const fixtures = fixturesOf(rule, file, perDir.get(dirname(file))!, cwd).map((f) => runFixture(rule, f, catalog, cwd, now));
    const missing = (['fires', 'silent'] as const).filter((x) => !fixtures.some((f) => f.expect === x));
    results.push({ rule: rule.id, file: rule.file ?? basename(file), fixtures, missing });
  }
  const failed = results.reduce((n, r) => n + r.fixtures.filter((f) => !f.ok).length + r.missing.length, 0);
  const passed = results.reduce((n, r) => n + r.fixtures.filter((f) => f.ok).length, 0);
  return { rules: results, passed, failed };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
