// Users' rules: every mistake at once and where it is, and conditions that
// cannot hang or exhaust the tool (RE2 regexes, a cost estimate at load, a
// step budget at run time).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core.js';
import { loadCatalog } from '../../src/engine/catalog.js';
import { UserError } from '../../src/util/errors.js';

const SOURCES = `sources:\n  - seed: https://wiki.example.com/x\n    point: Internal guide.\n`;

/** A rule file around a condition (and message); line 7 holds `when`, line 8 `message`. */
function ruleText(id: string, when: string, message = 'Peak traffic is {traffic.peak_rps} requests per second.', extra = ''): string {
  return (
    `id: ${id}\ntitle: A rule under test\nkind: warning-sign\nseverity: medium\nstages: [mvp, growth, scale, enterprise]\ntopics: [horizontal-scaling]\n` +
    `when: ${when}\nmessage: ${message}\nrecommendation: Do the thing we wrote down.\nrationale: Because we learnt it the hard way.\n${SOURCES}${extra}`
  );
}

function ruleDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sa-user-rules-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function loadProblems(files: Record<string, string>): string[] {
  const dir = ruleDir(files);
  try {
    loadCatalog([dir], dir);
  } catch (e) {
    if (e instanceof UserError) return e.problems.map((p) => `${p.file}:${p.position?.line}:${p.position?.column}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`);
    throw e;
  }
  return [];
}

/** A profile that lists a folder holding the rule; returns the run, to call (and catch) later. */
function assessWith(rule: string, profile: string) {
  const dir = ruleDir({ 'scale-advise.yaml': `${profile}\nrules: [rules]\n` });
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'rules', `${/^id: (\S+)/m.exec(rule)![1]!}.yaml`), rule);
  return () => assess({ cwd: dir, profile: join(dir, 'scale-advise.yaml'), now: new Date('2026-11-23T12:00:00Z') });
}

describe('every mistake at once, where it is', () => {
  it('reports each misspelt fact with the closest known one, at its column inside the condition', () => {
    const problems = loadProblems({ 'typos.yaml': ruleText('typos', 'traffic.peak_rsp > 100 && databse.cpu_p95_pct > 80') });
    expect(problems).toEqual([
      'typos.yaml:7:7: the condition reads `traffic.peak_rsp`, which is not a known fact (did you mean `traffic.peak_rps`?)',
      'typos.yaml:7:33: the condition reads `databse.cpu_p95_pct`, which is not a known fact (did you mean `database.cpu_p95_pct`?)',
    ]);
  });

  it('places a mistake on its own line inside a block condition', () => {
    const problems = loadProblems({ 'block.yaml': ruleText('block', '|\n  traffic.peak_rps > 100 &&\n    database.cpu_p95_pcx > 80') });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^block\.yaml:9:5: .*`database\.cpu_p95_pcx`.*did you mean `database\.cpu_p95_pct`/);
  });

  it('catches a double-times-int mistake at load, in the condition and in a placeholder', () => {
    const problems = loadProblems({ 'types.yaml': ruleText('types', "'traffic.peak_rps * 2 > 500'", 'Twice the peak is {= traffic.peak_rps * 2} requests per second.') });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^types\.yaml:7:8: the condition has a type mistake: no such overload: double \* int \(numbers from the profile are doubles/);
    expect(problems[1]).toMatch(/^types\.yaml:8:31: placeholder \{= traffic\.peak_rps \* 2\} has a type mistake/);
  });

  it('refuses a condition that does not yield true or false', () => {
    expect(loadProblems({ 'num.yaml': ruleText('num', 'traffic.peak_rps + 1.0') })[0]).toMatch(/num\.yaml:7:7: the condition must yield true or false, but yields double/);
  });

  it('reports a placeholder that is not valid CEL or names no fact, with its position', () => {
    const problems = loadProblems({ 'ph.yaml': ruleText('ph', 'traffic.peak_rps > 1.0', 'At {= traffic.peak_rps +} and {traffic.peak_rsp} requests.') });
    expect(problems[0]).toMatch(/^ph\.yaml:8:\d+: placeholder \{= traffic\.peak_rps \+\} is not valid CEL/);
    expect(problems[1]).toMatch(/^ph\.yaml:8:41: placeholder \{traffic\.peak_rsp\} names no known fact \(did you mean `traffic\.peak_rps`\?\)/);
  });

  it('names requires_one_of as requires_one_of, not optional', () => {
    const problems = loadProblems({
      'one.yaml': ruleText('one', "'has(traffic.peak_rps) && traffic.peak_rps > 1.0'", undefined, 'requires_one_of: [traffic.peak_rps, traffic.spike_factor]\n'),
    });
    expect(problems).toEqual([expect.stringMatching(/^one\.yaml:\d+:\d+: `traffic\.spike_factor` is listed under requires_one_of but the condition never reads it$/)]);
  });

  it('refuses a regular expression RE2 cannot run, at its position', () => {
    const problems = loadProblems({ 're.yaml': ruleText('re', `'project.name.matches("(?<=a)b")'`) });
    expect(problems[0]).toMatch(/^re\.yaml:7:29: the condition has a regular expression that is not valid RE2/);
  });
});

describe('conditions cannot hang or exhaust the tool', () => {
  it('runs a catastrophic-backtracking pattern in linear time (RE2 semantics)', () => {
    const run = assessWith(ruleText('redos', `'"aaaaaaaaaaaaaaaaaaaaaaaaaaaaa!".matches("^(a+)+$") || project.name.matches("^sh.p$")'`), 'version: 1\nproject: { name: shop }\n');
    expect(run().findings.map((f) => f.rule)).toContain('redos');
  });

  it('refuses four nested exists over 100-element lists at load, at the line of the condition', () => {
    const list = `[${Array.from({ length: 100 }, (_, i) => i).join(',')}]`;
    const when = `'${list}.exists(a, ${list}.exists(b, ${list}.exists(c, ${list}.exists(d, a + b + c + d < 0))))'`;
    expect(loadProblems({ 'loops.yaml': ruleText('loops', when) })[0]).toMatch(/^loops\.yaml:7:8: the condition is estimated at [\d,]+ evaluation steps, over the budget of 1,000,000/);
  });

  it('refuses four nested map over 60 elements (hundreds of megabytes) at load', () => {
    const list = `[${Array.from({ length: 60 }, (_, i) => i).join(',')}]`;
    const when = `'${list}.map(a, ${list}.map(b, ${list}.map(c, ${list}.map(d, a + b + c + d)))).size() > 0'`;
    expect(loadProblems({ 'maps.yaml': ruleText('maps', when) })[0]).toMatch(/over the budget/);
  });

  it('stops a condition past the runtime budget with a located user error (exit 2)', () => {
    // Estimated at load with 100 components; the profile has 1,500, so 2.25 million pairs.
    const when = `'architecture.components.exists(a, architecture.components.exists(b, a.name != b.name && a.name == b.name))'`;
    const components = Array.from({ length: 1500 }, (_, i) => `    - { name: c${i} }`).join('\n');
    const run = assessWith(ruleText('pairs', when), `version: 1\narchitecture:\n  components:\n${components}\n`);
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const p = (error as UserError).problems[0]!;
    expect(p.file).toMatch(/pairs\.yaml$/);
    expect(p.position).toEqual({ line: 7, column: 7 });
    expect(p.message).toMatch(/rule `pairs`: the condition took more than 1,000,000 evaluation steps and was stopped/);
  });

  it('runs the same condition on a profile of ordinary size', () => {
    const when = `'architecture.components.exists(a, architecture.components.exists(b, a.name != b.name && a.name == b.name))'`;
    const run = assessWith(ruleText('pairs', when), 'version: 1\narchitecture:\n  components:\n    - { name: a }\n    - { name: b }\n');
    expect(run().findings.map((f) => f.rule)).not.toContain('pairs');
  });
});
