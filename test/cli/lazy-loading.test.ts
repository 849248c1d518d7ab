// `assess --format json` runs in CI on every build: it must not load the
// terminal UI, the prompt library or the template engine.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';

/** Where a run's standard output goes: a pipe, /dev/null ('ignore') or an open file. */
type Sink = 'pipe' | 'ignore' | number;

// No colour or width from the environment: with FORCE_COLOR set, no run would ask whether it writes to a terminal.
function traced(args: string[], cwd = ROOT, stdout: Sink = 'pipe'): string[] {
  const r = spawnSync(process.execPath, ['-r', join(ROOT, 'test', 'helpers', 'trace-loads.cjs'), join(ROOT, 'bin', 'scale-advise.cjs'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', SCALE_ADVISE_NOW: '2026-11-23', FORCE_COLOR: '', NO_COLOR: '', COLUMNS: '' },
    stdio: ['ignore', stdout, 'pipe'],
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stderr.split('\n');
}

function loadedBy(args: string[], cwd = ROOT, stdout: Sink = 'pipe'): string[] {
  return traced(args, cwd, stdout)
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice(7));
}

/** Locale-aware calls made: each loads ICU data on first use (about 10 ms). */
function icuUsedBy(args: string[]): string[] {
  return traced(args)
    .filter((l) => l.startsWith('ICU '))
    .map((l) => l.slice(4));
}

const HEAVY = /^(ink|react|@inquirer\/.*|inquirer|handlebars|smol-toml|fast-xml-parser|ignore|pg|re2js)(\/.*)?$/;

describe('start-up stays lean', () => {
  it('assess --format json loads no UI, prompt or template module, and with a warm cache no detection', () => {
    const args = ['assess', '--profile', join(ROOT, 'examples', 'scale-advise.yaml'), '--format', 'json'];
    loadedBy(args); // fills the detection cache
    const loaded = loadedBy(args);
    expect(loaded.filter((m) => /detect\.cjs$|^(smol-toml|fast-xml-parser|ignore)$/.test(m))).toEqual([]);
    expect(loaded.length).toBeGreaterThan(0); // the tracer works
    expect(loaded.filter((m) => HEAVY.test(m))).toEqual([]);
    expect(loaded).not.toContain('node:child_process');
    expect(loaded).not.toContain('node:crypto'); // about 5 ms: only commands that write generated files load it
    expect(loaded).not.toContain('node:tty'); // about 5 ms with node:net and node:stream: only text output asks for a terminal
    // collect's network code: the database driver and sockets
    expect(loaded.filter((m) => /^(node:)?(net|http|https|tls)$/.test(m))).toEqual([]);
  });

  // The built-in rules run compiled, from inside the bundle; cel-js and the rule schema's validator are for users' rules.
  it('assess and check load no CEL interpreter or rule validator without user rules, and load both for them', () => {
    const example = join(ROOT, 'examples', 'scale-advise.yaml');
    for (const args of [
      ['assess', '--profile', example, '--no-detect', '--format', 'json'],
      ['assess', '--profile', example, '--no-detect'],
      ['check', '--profile', example, '--now', '2026-12-04', '--format', 'json', '--fail-on', 'critical'],
      ['check', '--profile', example, '--now', '2026-12-04', '--format', 'sarif', '--fail-on', 'critical'],
      ['roadmap', '--profile', example],
    ]) {
      const loaded = loadedBy(args);
      expect(loaded.length).toBeGreaterThan(0);
      expect(loaded.filter((m) => /cel-js|cel\.cjs|catalog-expressions|rule-validator/.test(m)), args.join(' ')).toEqual([]);
    }
    const withRules = loadedBy(['assess', '--no-detect', '--format', 'json'], join(ROOT, 'test', 'fixtures', 'cli', 'profile-rules'));
    expect(withRules.filter((m) => m.endsWith('/dist/cel.cjs'))).toHaveLength(1);
    // the rule schema's validator, bundled apart, checks the user's rule files
    expect(withRules.filter((m) => m.endsWith('/dist/rule-validator.cjs'))).toHaveLength(1);
  });

  // ink and React are installed, and the tracer sees them when the dashboard runs
  // (test/ui/dashboard-terminal.test.ts): their absence here means something.
  it('no command but the dashboard on a terminal loads ink or React', () => {
    const example = join(ROOT, 'examples', 'scale-advise.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'sa-lazy-'));
    const runs: [string[], string?][] = [
      [['assess', '--profile', example, '--no-detect']],
      [['assess', '--interactive', '--profile', example, '--no-detect']],
      [['ui', '--profile', example, '--no-detect']],
      [['roadmap', '--profile', example]],
      [['rules']],
      [['explain', 'cache-missing']],
      [['adr', 'new', '--dir', 'doc/adr', 'Use a queue for exports'], dir],
    ];
    for (const [args, cwd] of runs) {
      const loaded = loadedBy(args, cwd);
      expect(loaded.length, args.join(' ')).toBeGreaterThan(0);
      expect(loaded.filter((m) => /^(ink|react)(\/.*)?$/.test(m)), args.join(' ')).toEqual([]);
    }
  });

  // Whether standard output is a terminal decides colour and width. Asking
  // node:tty costs about 7 ms (it loads node:net), so text reports sent to a
  // pipe, a file or /dev/null must find out without it.
  it('text reports to a pipe, a file or /dev/null load no node:tty, and FORCE_COLOR still colours', () => {
    const example = join(ROOT, 'examples', 'scale-advise.yaml');
    const bin = join(ROOT, 'bin', 'scale-advise.cjs');
    const dir = mkdtempSync(join(tmpdir(), 'sa-tty-'));
    const commands = [
      ['assess', '--profile', example, '--no-detect'],
      ['check', '--profile', example, '--now', '2026-12-04', '--fail-on', 'critical'],
      ['rules'],
    ];
    for (const args of commands) {
      const out = join(dir, 'out.txt');
      const fd = openSync(out, 'w');
      const sinks: [string, Sink][] = [['a pipe', 'pipe'], ['/dev/null', 'ignore'], ['a file', fd]];
      for (const [name, sink] of sinks) {
        const loaded = loadedBy(args, dir, sink);
        expect(loaded.length, `${args[0]} to ${name}`).toBeGreaterThan(0);
        expect(loaded, `${args[0]} to ${name}`).not.toContain('node:tty');
        expect(loaded.filter((m) => /^(node:)?net$/.test(m)), `${args[0]} to ${name}`).toEqual([]);
      }
      closeSync(fd);
      const written = readFileSync(out, 'utf8');
      expect(written.length, args[0]).toBeGreaterThan(100);
      expect(written, args[0]).not.toContain('\u001b['); // no colour into a file
    }
    // FORCE_COLOR still colours, through the bundle's chalk
    const forced = spawnSync(process.execPath, [bin, 'assess', '--profile', example, '--no-detect'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[1mscale-advise/);
  });

  // script(1) from util-linux gives the run a pseudo-terminal: colour by default there.
  const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
  it.skipIf(process.platform !== 'linux' || script.status !== 0)('on a terminal, text reports are coloured', () => {
    const example = join(ROOT, 'examples', 'scale-advise.yaml');
    const bin = join(ROOT, 'bin', 'scale-advise.cjs');
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const command = [process.execPath, bin, 'assess', '--profile', example, '--no-detect'].map(quote).join(' ');
    const r = spawnSync('script', ['-qec', command, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', FORCE_COLOR: '', NO_COLOR: '', TERM: 'xterm-256color' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\u001b\[1mscale-advise/);
  });

  it('the CI paths make no locale-aware call, which would load ICU data', () => {
    const example = join(ROOT, 'examples', 'scale-advise.yaml');
    // The tracer sees one when it happens.
    const probe = spawnSync(process.execPath, ['-r', join(ROOT, 'test', 'helpers', 'trace-loads.cjs'), '-e', '(65536).toLocaleString("en"); "a".localeCompare("b")'], { encoding: 'utf8' });
    expect(probe.stderr).toContain('ICU Number#toLocaleString\n');
    expect(probe.stderr).toContain('ICU String#localeCompare\n');
    for (const args of [
      ['assess', '--profile', example, '--no-detect', '--format', 'json'],
      ['assess', '--profile', example, '--no-detect'],
      ['check', '--profile', example, '--now', '2026-12-04', '--format', 'sarif', '--fail-on', 'critical'],
      ['check', '--profile', example, '--now', '2026-12-04', '--format', 'json', '--fail-on', 'critical'],
    ]) {
      expect(icuUsedBy(args), args.join(' ')).toEqual([]);
    }
  });

  it('loads the database driver only for collect --postgres', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-lazy-'));
    const r = spawnSync(process.execPath, ['-r', join(ROOT, 'test', 'helpers', 'trace-loads.cjs'), join(ROOT, 'bin', 'scale-advise.cjs'), 'collect', '--postgres', 'postgresql://u@127.0.0.1:9/db', '--timeout', '1s'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('LOADED pg\n');
  });

  it('loads the template engine only where it renders, and the tracer sees it there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-lazy-'));
    const loaded = loadedBy(['adr', 'new', '--dir', 'doc/adr', 'Use a queue for exports'], dir);
    expect(loaded).toContain('handlebars');
  });

  // The quick reader takes a plain profile; the full YAML library (dist/yaml.cjs) and the
  // modules of Node's that only other paths need stay unloaded.
  it('check and assess read a plain profile without the full YAML library or node:module, node:url, node:os', () => {
    const example = join(ROOT, 'examples', 'scale-advise.yaml');
    for (const args of [
      ['check', '--profile', example, '--now', '2026-12-04', '--format', 'json', '--fail-on', 'critical'],
      ['assess', '--profile', example, '--no-detect', '--format', 'json'],
    ]) {
      const loaded = loadedBy(args);
      expect(loaded.length).toBeGreaterThan(0);
      expect(loaded.filter((m) => /yaml\.cjs$|^(node:)?(module|url|os)$/.test(m)), args.join(' ')).toEqual([]);
    }
    // a profile with an anchor goes to the full library, and the tracer sees it load
    const dir = mkdtempSync(join(tmpdir(), 'sa-lazy-'));
    writeFileSync(join(dir, 'scale-advise.yaml'), 'version: 1\ntraffic: &t\n  monthly_active_users: 500\n');
    const full = loadedBy(['assess', '--no-detect', '--format', 'json'], dir);
    expect(full.filter((m) => m.endsWith('/dist/yaml.cjs'))).toHaveLength(1);
  });

  it('check loads the XML library only for JUnit output', () => {
    const example = join(ROOT, 'examples', 'scale-advise.yaml');
    const sarif = loadedBy(['check', '--profile', example, '--now', '2026-12-04', '--format', 'sarif', '--fail-on', 'critical']);
    expect(sarif.filter((m) => HEAVY.test(m) || m.startsWith('fast-xml-parser'))).toEqual([]);
    const junit = loadedBy(['check', '--profile', example, '--now', '2026-12-04', '--format', 'junit', '--fail-on', 'critical']);
    expect(junit).toContain('fast-xml-parser');
  });
});
