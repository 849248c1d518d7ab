// init with its prompts driven through streams, --yes, --update, and refusals.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInit } from '../../src/init/index.js';
import type { Fact } from '../../src/model.js';
import { loadProfile } from '../../src/profile/load.js';
import { ROOT } from '../helpers/assess.js';
import { expectedQuestions, keysFor, KEYS, waitFor } from '../helpers/prompt-driver.js';

const detected: Fact[] = [
  { id: 'database.engine', value: 'postgresql', provenance: 'detected', position: null, origin: 'package.json:4 (pg)' },
  { id: 'team.engineers', value: 3, provenance: 'detected', position: null, origin: 'git log --since=2026-03-17 abc1234' },
  { id: 'repository.dockerfiles', value: ['Dockerfile'], provenance: 'detected', position: null, origin: 'Dockerfile' },
];

const target = () => join(mkdtempSync(join(tmpdir(), 'sa-init-')), 'scale-advise.yaml');

describe('init --yes', () => {
  it('writes a commented profile with the $schema line, units and detected origins, that assess accepts', async () => {
    const path = target();
    const r = await runInit({ target: path, displayPath: 'scale-advise.yaml', update: false, yes: true, detected });
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/scale-advise/schema/profile.schema.json');
    expect(text).toContain('  # Number of engineers working on the system. Unit: engineers.\n  engineers: 3 # detected: git log --since=2026-03-17 abc1234\n');
    expect(text).toContain('  engine: postgresql # detected: package.json:4 (pg)\n');
    expect(text).not.toContain('dockerfiles'); // not a profile field
    // what was not answered stays as commented-out fields, with units or choices
    expect(text).toContain('  engine: postgresql # detected: package.json:4 (pg)\n  # size_gb:   # GB\n');
    expect(text).toContain('# Not answered yet: uncomment, fill in, and move into place.\n# traffic:\n#   monthly_active_users:   # users\n');
    expect(text).toContain('#   style:   # monolith | modular-monolith | microservices | serverless | hybrid\n');
    expect(parse(text)).toEqual({ version: 1, database: { engine: 'postgresql' }, team: { engineers: 3 } });
    expect(loadProfile(path).data.team).toEqual({ engineers: 3 });
    expect(r).toMatchObject({ detected: 2, answered: 0 });
  });

  it('never overwrites an existing profile', async () => {
    const path = target();
    writeFileSync(path, 'version: 1\n');
    await expect(runInit({ target: path, displayPath: 'scale-advise.yaml', update: false, yes: true, detected })).rejects.toThrow(/already exists; `scale-advise init --update`/);
    expect(readFileSync(path, 'utf8')).toBe('version: 1\n');
  });
});

describe('init --update', () => {
  it('adds missing fields and keeps the comments, order and values already there', async () => {
    const path = target();
    const mine = '# our profile, kept by the platform team\nversion: 1\nteam:\n  teams: 2 # two squads\n  engineers: 9   # includes contractors\ntraffic:\n  peak_rps: 300\n';
    writeFileSync(path, mine);
    await runInit({ target: path, displayPath: 'scale-advise.yaml', update: true, yes: true, detected });
    const text = readFileSync(path, 'utf8');
    // Every line already there stays as it was, the comment's column included; what is added comes at the end of its section.
    expect(text.startsWith('# our profile, kept by the platform team\nversion: 1\nteam:\n  teams: 2 # two squads\n  engineers: 9   # includes contractors\ntraffic:\n  peak_rps: 300\n')).toBe(true);
    expect(text).toContain('database:\n  # Database engine of the main data store.\n  engine: postgresql # detected: package.json:4 (pg)\n');
    expect(parse(text).team).toEqual({ teams: 2, engineers: 9 }); // the declared 9 stays; the detected 3 is not added
  });

  it('refuses to update a profile that is not valid, saying where, and leaves it as it was', async () => {
    const path = target();
    const mine = 'version: 1\ndatabase: { size_gb: 10, tags: [a] }\n';
    writeFileSync(path, mine);
    await expect(runInit({ target: path, displayPath: 'scale-advise.yaml', update: true, yes: true, detected })).rejects.toThrow(/scale-advise\.yaml:2:26: unknown field `tags` in `database`/);
    expect(readFileSync(path, 'utf8')).toBe(mine);
  });

  it('refuses to update a profile that is not there', async () => {
    await expect(runInit({ target: target(), displayPath: 'scale-advise.yaml', update: true, yes: true, detected })).rejects.toThrow(/does not exist; `scale-advise init` writes a new one/);
  });
});

describe('init questions', () => {
  it('asks only what detection could not answer, section by section, validating against the schema', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = '';
    output.on('data', (d: Buffer) => (screen += d.toString()));
    const path = target();
    const answers: Record<string, string | boolean | undefined> = {
      monthly_active_users: '48000',
      peak_rps: '120.5',
      style: 'modular-monolith',
      ci: true,
      teams: '2',
    };
    const questions = expectedQuestions(['database.engine', 'team.engineers']);
    const done = runInit({ target: path, displayPath: 'scale-advise.yaml', update: false, yes: false, detected, streams: { input, output } });
    let mark = 0;
    for (const q of questions) {
      await waitFor(() => screen.slice(mark), (t) => t.includes(`${q.key}${q.unit ? ` (${q.unit})` : ''}: `), q.id);
      mark = screen.length;
      if (q.key === 'slo_availability_pct') {
        // an answer the schema rejects is refused at the prompt, with the unit
        input.write(`250${KEYS.enter}`);
        await waitFor(() => screen.slice(mark), (t) => t.includes('must be <= 100 (%)'), 'the validation message');
        input.write(KEYS.backspace.repeat(3) + '99.9' + KEYS.enter);
        continue;
      }
      input.write(keysFor(q, answers[q.key]));
    }
    const r = await done;
    expect(screen).not.toMatch(/engine: Database engine|engineers \(engineers\)/); // detected: not asked
    expect(screen).toMatch(/\ntraffic\n[\s\S]*\nperformance\n[\s\S]*\ndatabase\n/);
    expect(screen).toContain('Found in the repository (written as found; edit the file to change them):\n  database.engine: "postgresql"  (package.json:4 (pg))\n');
    const profile = parse(readFileSync(path, 'utf8'));
    expect(profile).toEqual({
      version: 1,
      traffic: { monthly_active_users: 48000, peak_rps: 120.5 },
      performance: { slo_availability_pct: 99.9 },
      database: { engine: 'postgresql' },
      architecture: { style: 'modular-monolith' },
      delivery: { ci: true },
      team: { engineers: 3, teams: 2 },
    });
    expect(readFileSync(path, 'utf8')).toContain('  # Requests per second at the daily peak. Unit: requests/s.\n  peak_rps: 120.5\n');
    expect(r).toMatchObject({ detected: 2, answered: 6 });
  });
});

describe('init cancelled', () => {
  it('writes nothing when the user stops at a prompt', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = '';
    output.on('data', (d: Buffer) => (screen += d.toString()));
    const path = target();
    const done = runInit({ target: path, displayPath: 'scale-advise.yaml', update: false, yes: false, detected, streams: { input, output } });
    await waitFor(() => screen, (t) => t.includes('monthly_active_users'), 'the first question');
    input.write('\x03'); // Ctrl-C
    await expect(done).rejects.toThrow(/init was cancelled; nothing was written/);
    expect(existsSync(path)).toBe(false);
  });
});

describe('init without a terminal', () => {
  it('exits 2 with a clear message instead of waiting, in CI or with no TTY', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-init-'));
    for (const env of [{ CI: 'true' }, { CI: '' }]) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'scale-advise.cjs'), 'init'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, input: '', timeout: 10_000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/init asks questions and needs a terminal .*run `scale-advise init --yes`/);
      expect(existsSync(join(dir, 'scale-advise.yaml'))).toBe(false);
    }
    const yes = spawnSync(process.execPath, [join(ROOT, 'bin', 'scale-advise.cjs'), 'init', '--yes', '--no-detect'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(yes.status, yes.stderr).toBe(0);
    expect(yes.stdout).toMatch(/wrote scale-advise\.yaml: 0 detected, 0 answered, \d+ left out/);
    // no node_modules/scale-advise beside the profile: say where the $schema line points and how it gets there
    expect(yes.stderr).toMatch(/points editors at \.\/node_modules\/scale-advise\/schema\/profile\.schema\.json.*npm install --save-dev scale-advise/);
    const update = spawnSync(process.execPath, [join(ROOT, 'bin', 'scale-advise.cjs'), 'init', '--update'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' }, input: '', timeout: 10_000 });
    expect(update.status).toBe(2);
    expect(update.stderr).toMatch(/run `scale-advise init --update --yes`/);
  });

  it('says nothing about the $schema line when the package is installed beside the profile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-init-'));
    mkdirSync(join(dir, 'node_modules', 'scale-advise', 'schema'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'scale-advise', 'schema', 'profile.schema.json'), '{}');
    const yes = spawnSync(process.execPath, [join(ROOT, 'bin', 'scale-advise.cjs'), 'init', '--yes', '--no-detect'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(yes.status, yes.stderr).toBe(0);
    expect(yes.stderr).not.toMatch(/points editors/);
  });

  it('counts a profile under another name assess reads as existing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-init-'));
    writeFileSync(join(dir, '.scale-advise.yaml'), 'version: 1\n');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'scale-advise.cjs'), 'init', '--yes', '--no-detect'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.scale-advise\.yaml already exists/);
    expect(existsSync(join(dir, 'scale-advise.yaml'))).toBe(false);
  });
});
