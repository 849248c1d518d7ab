// The actions on a finding, each behind a y/n question: an ADR (a), a config
// template (s), a waiver (w). Yes writes and the dashboard shows the new
// status straight away; no writes nothing.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load, type Inputs } from '../../src/load.js';
import { evaluate } from '../../src/engine/assessment.js';
import { ROOT } from '../helpers/assess.js';
import { runCli } from '../helpers/run-cli.js';
import { draw, frameWhere, KEY, NOW, press, selectedLine, typeLine } from '../helpers/dashboard.js';

/** The example profile in a directory of its own, loaded as the dashboard would. */
function workspace(): { dir: string; profile: string; original: string; inputs: Inputs } {
  const dir = mkdtempSync(join(tmpdir(), 'sa-ui-actions-'));
  const profile = join(dir, 'scale-advise.yaml');
  copyFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), profile);
  return { dir, profile, original: readFileSync(profile, 'utf8'), inputs: load({ cwd: dir, profile, now: NOW }) };
}

/** Select the finding of `rule` through the search (and j, when the search matches others too). */
async function find(app: ReturnType<typeof draw>, rule: string): Promise<string> {
  let frame = await press(app, '/', ...rule.split(''), KEY.enter);
  for (let i = 0; i < 10 && !frame.includes(`(${rule})\n`); i++) frame = await press(app, 'j');
  expect(frame).toContain(`(${rule})\n`);
  return frame;
}

describe('a: an ADR for the finding', () => {
  it('asks, writes a proposed record as `adr from` does, and shows the finding addressed', async () => {
    const { dir, inputs } = workspace();
    const app = draw(inputs);
    const first = await press(app);
    const rule = /\(([a-z][a-z0-9-]+)\)\n/.exec(first)![1]!;
    expect(await press(app, 'a')).toContain(`Write a proposed ADR for ${rule}? (y/n)`);
    await press(app, 'y');
    const frame = await frameWhere(app, (f) => f.includes('Wrote '));
    const [file] = readdirSync(join(dir, 'doc', 'adr'));
    expect(file).toMatch(/^0001-.*\.md$/);
    expect(readFileSync(join(dir, 'doc', 'adr', file!), 'utf8')).toContain(rule);
    expect(frame).toContain(`Wrote doc/adr/${file} (ADR 1, proposed)`);
    expect(selectedLine(frame)).toContain('[addressed]');
    expect(frame).toMatch(/· 1 addressed ·/);
    expect(frame).toMatch(/Addressed by ADR 1 \(proposed\): /);
    expect(frame).toContain(`file: doc/adr/${file}`);
    // a second a does not write another record
    expect(await press(app, 'a')).toContain(`Already addressed by doc/adr/${file}`);
    // the same record as `adr from RULE` writes on the same profile and day
    const other = workspace();
    const cli = await runCli(['adr', 'from', rule, '--profile', 'scale-advise.yaml'], other.dir, { SCALE_ADVISE_NOW: '2026-12-04', CI: 'true' });
    expect(cli.code, cli.stderr).toBe(0);
    expect(readFileSync(join(other.dir, 'doc', 'adr', file!), 'utf8')).toBe(readFileSync(join(dir, 'doc', 'adr', file!), 'utf8'));
  });

  it('writes nothing on n', async () => {
    const { dir, inputs } = workspace();
    const app = draw(inputs);
    await press(app, 'a');
    const frame = await press(app, 'n');
    expect(frame).toContain('Cancelled; nothing written.');
    expect(selectedLine(frame)).toContain('[open]');
    expect(existsSync(join(dir, 'doc'))).toBe(false);
  });
});

describe('s: the finding\'s config template', () => {
  const target = (dir: string) => join(dir, 'deploy', 'scale-advise', 'pgbouncer', 'pgbouncer.ini');

  it('renders the template into the scaffold directory on y, and asks again before replacing a changed file', async () => {
    const { dir, inputs } = workspace();
    const app = draw(inputs);
    await find(app, 'db-connection-pooling');
    expect(await press(app, 's')).toContain('Render pgbouncer (PgBouncer connection pooler) into deploy/scale-advise/pgbouncer? (y/n)');
    await press(app, 'y');
    expect(await frameWhere(app, (f) => f.includes('Wrote '))).toContain('Wrote deploy/scale-advise/pgbouncer/pgbouncer.ini');
    const rendered = readFileSync(target(dir), 'utf8');
    expect(rendered).toMatch(/\[pgbouncer\]/);
    // the same file as `scaffold --for RULE` writes
    const other = workspace();
    const cli = await runCli(['scaffold', '--for', 'db-connection-pooling'], other.dir, { CI: 'true' });
    expect(cli.code, cli.stderr).toBe(0);
    expect(readFileSync(target(other.dir), 'utf8')).toBe(rendered);
    writeFileSync(target(dir), 'my own edits\n');
    await press(app, 's', 'y');
    expect(await frameWhere(app, (f) => f.includes('replace?'))).toContain('deploy/scale-advise/pgbouncer/pgbouncer.ini exists and differs; replace? (y/n)');
    expect(await press(app, 'n')).toContain('Cancelled; nothing written.');
    expect(readFileSync(target(dir), 'utf8')).toBe('my own edits\n');
    await press(app, 's', 'y');
    await frameWhere(app, (f) => f.includes('replace?'));
    await press(app, 'y');
    await frameWhere(app, (f) => f.includes('Wrote '));
    expect(readFileSync(target(dir), 'utf8')).toBe(rendered);
  });

  it('lets the user choose when the rule has several templates, and writes nothing on n or Esc', async () => {
    const { dir, inputs } = workspace();
    const app = draw(inputs);
    await find(app, 'db-read-replicas');
    const choice = await press(app, 's');
    expect(choice).toMatch(/Template: \[1 rds-read-replica\]\s+2 pgbouncer/);
    expect(await press(app, '2')).toContain('Render pgbouncer');
    expect(await press(app, 'n')).toContain('Cancelled; nothing written.');
    await press(app, 's');
    expect(await press(app, KEY.escape)).toContain('Cancelled; nothing written.');
    expect(existsSync(join(dir, 'deploy'))).toBe(false);
  });

  it('says so when the rule has no template', async () => {
    const { inputs } = workspace();
    const app = draw(inputs);
    await find(app, 'db-lock-contention');
    expect(await press(app, 's')).toContain('db-lock-contention has no config template');
  });
});

describe('w: a waiver', () => {
  it('asks for owner, reason and expiry (90 days by default), writes only the waiver, and shows the finding waived', async () => {
    const { profile, original, inputs } = workspace();
    const app = draw(inputs);
    await find(app, 'cache-missing');
    expect(await press(app, 'w')).toContain('Waive cache-missing: owner:');
    expect(await typeLine(app, 'sre-team')).toContain('Reason:');
    const expiry = await typeLine(app, 'Redis comes with the Q1 migration');
    expect(expiry).toContain('Expires (YYYY-MM-DD): 2027-03-04');
    expect(await press(app, KEY.enter)).toContain('Waive cache-missing until 2027-03-04 (owner sre-team) in scale-advise.yaml? (y/n)');
    const frame = await press(app, 'y');
    expect(frame).toContain('Waived cache-missing until 2027-03-04 in scale-advise.yaml');
    expect(selectedLine(frame)).toContain('[waived]');
    expect(frame).toMatch(/ 2 waived /);
    expect(frame).toContain('Waived by sre-team until 2027-03-04 (scope: the whole rule)');
    expect(frame).toContain('reason: Redis comes with the Q1 migration');
    expect(frame).toMatch(/written in scale-advise\.yaml:\d+:\d+/);
    const text = readFileSync(profile, 'utf8');
    expect(text).toContain('  - rule: cache-missing\n    reason: Redis comes with the Q1 migration\n    owner: sre-team\n    expires: 2027-03-04\n');
    // everything else as it was: removing the new entry gives the original back
    expect(text.replace('  - rule: cache-missing\n    reason: Redis comes with the Q1 migration\n    owner: sre-team\n    expires: 2027-03-04\n', '')).toBe(original);
    expect(await press(app, 'w')).toContain('Already waived; the waiver is in the detail pane.');
    // loading the profile again gives what the dashboard showed from memory
    const reloaded = evaluate(load({ cwd: inputs.cwd, profile, now: NOW }));
    expect(reloaded.findings.find((f) => f.rule === 'cache-missing')?.status).toBe('waived');
  });

  it('refuses an expiry further ahead than allowed, and writes nothing on Esc or n', async () => {
    const { profile, original, inputs } = workspace();
    const app = draw(inputs);
    await find(app, 'cache-missing');
    await press(app, 'w');
    expect(await typeLine(app, '')).toContain('the waiver needs an owner');
    await typeLine(app, 'sre-team');
    await typeLine(app, 'later');
    await press(app, ...Array.from({ length: 10 }, () => KEY.backspace));
    const tooFar = await typeLine(app, '2027-12-01');
    expect(tooFar).toContain('the expires is 362 days ahead; a waiver may run at most 180 days (until 2027-06-02)');
    expect(await press(app, KEY.escape)).toContain('Cancelled; nothing written.');
    await press(app, 'w');
    await typeLine(app, 'sre-team');
    await typeLine(app, 'later');
    await press(app, KEY.enter);
    expect(await press(app, 'n')).toContain('Cancelled; nothing written.');
    expect(selectedLine(await press(app))).toContain('[open]');
    expect(readFileSync(profile, 'utf8')).toBe(original);
  });
});
