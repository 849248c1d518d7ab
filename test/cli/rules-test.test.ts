// `rules test`, `rules new`, and custom rules from the profile's `rules:` key,
// from the outside, as a rule author uses them.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';
import { runCli } from '../helpers/cli.js';

const FIX = join(ROOT, 'test', 'fixtures', 'rule-tests');
const PROFILE_RULES = join(ROOT, 'test', 'fixtures', 'cli', 'profile-rules');

function tempRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sa-rules-'));
  mkdirSync(join(dir, '.git'));
  return dir;
}

describe('rules test', () => {
  it('passes a folder whose fixtures fire and stay silent as stated, files and inline', () => {
    const r = runCli(['rules', 'test', join(FIX, 'passing')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/peak-rps-watch/);
    expect(r.stdout).toMatch(/spike-watch\.yaml#tests\.silent\[1\]/);
    expect(r.stdout).toMatch(/2 rule\(s\), 6 passed, all passed/);
  });

  it('fails (exit 1) on a fixture that does not fire, one that fires, one not evaluated, and a rule without fixtures', () => {
    const r = runCli(['rules', 'test', join(FIX, 'failing'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { rules: { rule: string; missing: string[]; fixtures: { fixture: string; ok: boolean; reason?: string }[] }[]; failed: number };
    expect(report.failed).toBe(5);
    expect(report.rules.find((x) => x.rule === 'no-tests-watch')!.missing).toEqual(['fires', 'silent']);
    const wrong = report.rules.find((x) => x.rule === 'wrong-watch')!.fixtures;
    const reason = (name: string) => wrong.find((f) => f.fixture.endsWith(name))!.reason;
    expect(reason('fires.yaml')).toMatch(/did not fire/);
    expect(reason('silent-fires.yaml')).toMatch(/fired: Peak traffic is 900/);
    // a silent fixture must be evaluated: one lacking the fact tests nothing
    expect(reason('silent-missing-fact.yaml')).toMatch(/not evaluated: the profile lacks traffic\.peak_rps/);
  });

  it('takes the directories of the profile found here when no DIR is given', () => {
    const r = runCli(['rules', 'test'], PROFILE_RULES);
    expect(r.code).toBe(1); // that folder's rule has no fixtures: reported, not passed
    expect(r.stdout).toMatch(/peak-rps-watch[\s\S]*no fires fixture/);
  });

  it('stops with exit 2 at the position of a mistake in a rule file', () => {
    const dir = tempRepo();
    cpSync(join(FIX, 'passing', 'peak-rps-watch.yaml'), join(dir, 'peak-rps-watch.yaml'));
    const text = readFileSync(join(dir, 'peak-rps-watch.yaml'), 'utf8').replace('traffic.peak_rps >= 250', 'traffic.peak_rsp >= 250');
    writeFileSync(join(dir, 'peak-rps-watch.yaml'), text);
    const r = runCli(['rules', 'test', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/peak-rps-watch\.yaml:7:7: .*`traffic\.peak_rsp`.*did you mean `traffic\.peak_rps`/);
  });
});

describe('rules new', () => {
  it('writes a commented rule and two fixtures that pass rules test', () => {
    const dir = tempRepo();
    const r = runCli(['rules', 'new', 'checkout-latency', '--dir', 'team-rules'], dir);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['checkout-latency.yaml', 'fires-checkout-latency.yaml', 'silent-checkout-latency.yaml']) expect(existsSync(join(dir, 'team-rules', f))).toBe(true);
    expect(readFileSync(join(dir, 'team-rules', 'checkout-latency.yaml'), 'utf8')).toMatch(/^# .*CEL condition/m);
    const t = runCli(['rules', 'test', 'team-rules'], dir);
    expect(t.code, t.stdout + t.stderr).toBe(0);
  });

  it('never overwrites: with one of the files present it writes nothing', () => {
    const dir = tempRepo();
    writeFileSync(join(dir, 'silent-mine.yaml'), 'version: 1\n');
    const r = runCli(['rules', 'new', 'mine'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/silent-mine\.yaml already exists; nothing was written/);
    expect(existsSync(join(dir, 'mine.yaml'))).toBe(false);
    expect(readFileSync(join(dir, 'silent-mine.yaml'), 'utf8')).toBe('version: 1\n');
  });

  it('refuses an id that is not kebab-case or is a built-in rule', () => {
    expect(runCli(['rules', 'new', 'Bad_Id'], tempRepo()).stderr).toMatch(/kebab-case/);
    expect(runCli(['rules', 'new', 'db-read-replicas'], tempRepo()).stderr).toMatch(/built-in/);
  });
});

describe('custom rules from the profile are visible everywhere', () => {
  it('rules lists them', () => {
    const r = runCli(['rules', '--format', 'json'], PROFILE_RULES);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }[]).map((x) => x.id)).toContain('peak-rps-watch');
  });

  it('explain and rules ID show one', () => {
    for (const args of [['explain', 'peak-rps-watch'], ['rules', 'peak-rps-watch']]) {
      const r = runCli(args, PROFILE_RULES);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Our own threshold on peak traffic/);
    }
  });

  it('explain --profile names the profile from elsewhere', () => {
    const r = runCli(['explain', 'peak-rps-watch', '--profile', join(PROFILE_RULES, 'scale-advise.yaml')], tempRepo());
    expect(r.code, r.stderr).toBe(0);
  });

  it('adr from writes a record from one', () => {
    const dir = tempRepo();
    cpSync(PROFILE_RULES, dir, { recursive: true });
    const r = runCli(['adr', 'from', 'peak-rps-watch', '--dir', 'doc/adr'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/doc\/adr\/0001-/);
  });
});

describe('a user condition past the runtime budget', () => {
  it('stops assess with exit 2 at the rule\'s line', () => {
    const dir = tempRepo();
    mkdirSync(join(dir, 'rules'));
    const rule = readFileSync(join(FIX, 'passing', 'peak-rps-watch.yaml'), 'utf8')
      .replace(/^id: .*$/m, 'id: component-pairs')
      .replace(/^when: .*$/m, "when: 'architecture.components.exists(a, architecture.components.exists(b, a.name != b.name && a.name == b.name))'");
    writeFileSync(join(dir, 'rules', 'component-pairs.yaml'), rule);
    const components = Array.from({ length: 1500 }, (_, i) => `    - { name: c${i} }`).join('\n');
    writeFileSync(join(dir, 'scale-advise.yaml'), `version: 1\nrules: [rules]\narchitecture:\n  components:\n${components}\n`);
    const r = runCli(['assess'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rules[\\/]component-pairs\.yaml:7:7: rule `component-pairs`: the condition took more than 1,000,000 evaluation steps and was stopped/);
  });
});
